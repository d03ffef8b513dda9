package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.HalResult;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;
import flight.hal.shell.format.Table;

/**
 * The Gogo command {@code hal:complyNodes}: runs this runtime's compliance kit against every driver it uses from its
 * nodes ({@code <node>/<driver>}) and collects the reports in one table, a row per driver and interface. It returns
 * text; the shell prints it.
 */
@Component(service = FleetComplyCommand.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=complyNodes"})
public final class FleetComplyCommand {

    @Reference
    ComplianceKit kit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalFleet fleet;

    @Descriptor("run the compliance checks against every remote driver of every node (or of the nodes named) and"
            + " show the reports in one table")
    public String complyNodes(
            @Descriptor("seconds the long-running stability checks run (default: the kit's soak.seconds, 1)")
            @Parameter(names = "--soak", absentValue = "0") long soakSeconds,
            @Descriptor("node names (default: every node)") String... nodeNames) {
        HalFleet current = fleet;
        if (current == null) {
            return "no fleet: this runtime has no remote nodes support (flight.hal.remote)";
        }
        List<String> wanted = List.of(nodeNames);
        List<NodeStatus> nodes = current.nodes().stream()
                .filter(node -> wanted.isEmpty() || wanted.contains(node.name())).toList();
        if (nodes.isEmpty()) {
            return wanted.isEmpty() ? "no nodes imported" : "no imported node named " + String.join(", ", wanted);
        }
        Table table = Table.of("NODE", "DRIVER", "INTERFACE", "PASS", "FAIL", "SKIPPED", "RESULT").right(3, 4, 5);
        for (NodeStatus node : nodes) {
            if (node.state() != NodeState.REACHABLE || node.drivers().isEmpty()) {
                table.row(node.name(), "-", "-", "-", "-", "-", node.state() != NodeState.REACHABLE
                        ? node.state().name() : "no drivers");
                continue;
            }
            for (String driver : node.drivers()) {
                HalResult<List<ComplianceReport>> reports = soakSeconds <= 0 ? kit.check(driver)
                        : kit.check(driver, Duration.ofSeconds(soakSeconds));
                if (reports.isErr()) {
                    table.row(node.name(), driver, "-", "-", "-", "-", "error");
                    table.note("  ", reports.errorOrNull().toString());
                    continue;
                }
                reports.valueOrNull().forEach(report -> row(table, node.name(), report));
            }
        }
        return table.render();
    }

    private static void row(Table table, String node, ComplianceReport report) {
        table.row(node, report.driverName(), simpleName(report.interfaceName()), count(report, Verdict.PASS),
                count(report, Verdict.FAIL), count(report, Verdict.SKIPPED),
                report.compliant() ? "COMPLIANT" : "NOT COMPLIANT");
        for (CheckResult failed : report.failures()) {
            table.note("  ", "failed " + failed.name() + ": " + failed.detail());
        }
    }

    private static long count(ComplianceReport report, Verdict verdict) {
        return report.checks().stream().filter(check -> check.verdict() == verdict).count();
    }

    private static String simpleName(String interfaceName) {
        return interfaceName.substring(interfaceName.lastIndexOf('.') + 1);
    }
}
