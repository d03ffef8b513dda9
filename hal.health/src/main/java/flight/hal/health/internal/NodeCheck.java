package flight.hal.health.internal;

import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;

/**
 * The nodes a controller imported: CRITICAL for a node that is {@link NodeState#UNREACHABLE} (its drivers are
 * unavailable here), WARN for one that never answered yet; OK with nothing to say on a runtime without nodes.
 */
@Component(property = {HealthCheck.NAME + "=" + NodeCheck.NAME, HealthCheck.TAGS + "=" + HalChecks.TAG})
public final class NodeCheck implements HealthCheck {
    static final String NAME = "HAL nodes reachable";

    /** Present where the remote nodes bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalFleet fleet;

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        HalFleet current = fleet;
        assess(current == null ? List.of() : current.nodes(), log);
        return new Result(log);
    }

    static void assess(List<NodeStatus> nodes, FormattingResultLog log) {
        if (nodes.isEmpty()) {
            log.info("no remote node imported");
        }
        for (NodeStatus node : nodes) {
            String seen = node.lastSeenTime().map(at -> ", last seen " + at).orElse(", never seen");
            switch (node.state()) {
                case REACHABLE -> log.info("node {} reachable ({}){}", node.name(), node.endpointId(), seen);
                case CONNECTING -> log.warn("node {} has not answered yet ({})", node.name(), node.endpointId());
                case UNREACHABLE -> log.critical("node {} is unreachable ({}){}: its drivers {} are unavailable",
                        node.name(), node.endpointId(), seen, node.drivers());
            }
        }
    }
}
