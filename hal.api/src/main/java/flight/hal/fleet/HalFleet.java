package flight.hal.fleet;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;
import flight.hal.registry.InterfaceStatus;

/**
 * A controller's view of its nodes: every node it imported, kept current by a heartbeat, and each node's own driver
 * selections. A controller registers one {@code HalDriver} per driver a node exports, named {@code <node>/<driver>}
 * and carrying {@value #NODE_PROPERTY}; while the node is {@link NodeState#UNREACHABLE} those drivers are unavailable,
 * so the registry selects local ones instead, and selects them again once the node answers.
 */
@ProviderType
public interface HalFleet {
    /** Service property of a driver that stands for a node's driver, and of a node's exported service: its name. */
    String NODE_PROPERTY = "flight.hal.node.name";
    /** Error code: the node did not answer (dead, hung past the call timeout, or refusing this controller). */
    String NODE_UNREACHABLE = "remote.unreachable";
    /** Error code: no node of that name is imported. */
    String UNKNOWN_NODE = "remote.unknown-node";

    /** Every imported node, by name. */
    List<NodeStatus> nodes();

    /**
     * Waits until at least one node is imported and every imported node is in {@code state} (for a script: the fleet
     * is up, or a node that was stopped is seen as unreachable).
     *
     * @return every node once that is so; a {@code TIMEOUT} error naming the nodes that are not, when it was not so
     *         within {@code timeout}
     * @throws NullPointerException when {@code state} or {@code timeout} is null: a programming error
     */
    HalResult<List<NodeStatus>> awaitNodes(NodeState state, Duration timeout);

    /**
     * The node's interfaces with their candidates, as the node's own registry sees them. Bundle and service ids in
     * the descriptions are the node's; platform info and live objects are not carried ({@code null} and none).
     *
     * @return a {@code NOT_FOUND} error ({@value #UNKNOWN_NODE}) for a name no imported node has; an
     *         {@code UNAVAILABLE} error ({@value #NODE_UNREACHABLE}) when the node does not answer in its call
     *         timeout or has no registry
     */
    HalResult<List<InterfaceStatus>> interfaces(String node);
}
