package flight.hal.registry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import flight.hal.HalResult;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeStatus;
import flight.hal.registry.InterfaceStatus;
import flight.hal.shell.format.Table;

/** Plain-text views of a controller's nodes for the shell ({@code hal:nodes}, {@code hal:drivers --all}). */
final class FleetReport {
    static final String NO_FLEET = "no fleet: this runtime has no remote nodes support (flight.hal.remote)";

    private FleetReport() {
    }

    /** One row per node: state, when it last answered and how fast, its drivers here. */
    static String nodes(List<NodeStatus> nodes, Instant now) {
        if (nodes.isEmpty()) {
            return "no nodes imported (a node is imported through Remote Services: see README, More than one machine)";
        }
        Table table = Table.of("NODE", "STATE", "LAST SEEN", "RTT", "DRIVERS", "ENDPOINT").right(2, 3);
        for (NodeStatus node : nodes) {
            table.row(node.name(), node.state(), lastSeen(node, now), roundTrip(node),
                    node.drivers().isEmpty() ? "-" : String.join(", ", node.drivers()), node.endpointId());
        }
        return table.render();
    }

    /** Every node's interfaces and selections as its own registry sees them, under a heading per node. */
    static String interfaces(HalFleet fleet, Instant now) {
        StringBuilder text = new StringBuilder();
        for (NodeStatus node : fleet.nodes()) {
            text.append(System.lineSeparator()).append("node ").append(node.name()).append(" (").append(node.state())
                    .append(", last seen ").append(lastSeen(node, now)).append(", rtt ").append(roundTrip(node))
                    .append(')').append(System.lineSeparator());
            HalResult<List<InterfaceStatus>> interfaces = fleet.interfaces(node.name());
            if (interfaces.isErr()) {
                text.append("  error: ").append(interfaces.errorOrNull()).append(System.lineSeparator());
            } else {
                interfaces.valueOrNull().forEach(status -> text.append(RegistryReport.interfaceStatus(status)
                        .indent(2)));
            }
        }
        return text.toString();
    }

    private static String lastSeen(NodeStatus node, Instant now) {
        return node.lastSeenTime().map(seen -> String.format(Locale.ROOT, "%.1f s ago",
                Math.max(0, Duration.between(seen, now).toMillis()) / 1000.0)).orElse("never");
    }

    private static String roundTrip(NodeStatus node) {
        return node.lastRoundTrip().map(rtt -> String.format(Locale.ROOT, "%.2f ms", rtt.toNanos() / 1e6))
                .orElse("-");
    }
}
