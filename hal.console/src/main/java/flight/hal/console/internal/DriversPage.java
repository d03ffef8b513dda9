package flight.hal.console.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import flight.hal.HalCapability;
import flight.hal.PlatformInfo;
import flight.hal.compliance.ComplianceReport;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.RoleStatus;

/** The Drivers page's live content: every interface with its candidates in selection order, and compliance runs. */
final class DriversPage {
    private DriversPage() {
    }

    static String render(List<InterfaceStatus> interfaces, List<ComplianceRuns.Run> runs) {
        StringBuilder html = new StringBuilder();
        if (interfaces.isEmpty()) {
            html.append("<p>No HAL interface has a driver yet.</p>");
        }
        for (InterfaceStatus status : interfaces) {
            appendInterface(html, status);
        }
        appendRuns(html, runs);
        return html.toString();
    }

    private static void appendInterface(StringBuilder html, InterfaceStatus status) {
        String name = Html.escape(status.interfaceName());
        html.append("<section class=\"hal-section interface\" data-interface=\"").append(name).append("\"><h3>")
                .append(name).append("</h3><p>selected: <b class=\"selected-driver\">")
                .append(status.selected() == null ? "none" : Html.escape(status.selected())).append("</b>");
        if (status.pin() != null) {
            html.append("; pinned to ").append(Html.escape(status.pin())).append(' ')
                    .append(form("unpin", status.interfaceName(), "", "unpin"));
        }
        if (!status.required().isEmpty()) {
            html.append("; requires ").append(capabilities(status.required()));
        }
        if (!status.note().isEmpty()) {
            html.append("<br>").append(Html.escape(status.note()));
        }
        html.append("</p><table class=\"hal-table\"><thead><tr><th>driver</th><th>version</th><th>ranking</th>"
                + "<th>state</th><th>bundle</th><th>capabilities</th><th>platform</th><th>holds</th><th>actions</th>"
                + "</tr></thead><tbody>");
        for (DriverDescription candidate : status.candidates()) {
            appendCandidate(html, candidate);
        }
        html.append("</tbody></table>");
        for (RoleStatus role : status.roles()) {
            html.append("<p class=\"role\">with ").append(capabilities(role.required())).append(": ")
                    .append(role.selected() == null ? "none" : Html.escape(role.selected()));
            if (!role.note().isEmpty()) {
                html.append(" (").append(Html.escape(role.note())).append(')');
            }
            html.append("</p>");
        }
        html.append("</section>");
    }

    private static void appendCandidate(StringBuilder html, DriverDescription candidate) {
        html.append("<tr class=\"candidate\" data-interface=\"").append(Html.escape(candidate.interfaceName()))
                .append("\" data-driver=\"").append(Html.escape(candidate.name())).append("\" data-state=\"")
                .append(candidate.state().name()).append("\"><td>").append(Html.escape(candidate.name()))
                .append("</td><td>").append(Html.escape(candidate.version())).append("</td><td class=\"num\">")
                .append(candidate.ranking()).append("</td><td>").append(candidate.state().name());
        if (candidate.failure() != null) {
            html.append("<br><span class=\"hal-error\">").append(Html.escape(candidate.failure())).append("</span>");
        }
        html.append("</td><td>").append(Html.escape(candidate.bundleSymbolicName())).append(" [")
                .append(candidate.bundleId()).append("]</td><td>").append(capabilities(candidate.capabilities()))
                .append("</td><td>").append(platform(candidate)).append("</td><td>")
                .append(candidate.live().isEmpty() ? "" : Html.escape(candidate.live())).append("</td><td>");
        if (candidate.state() != DriverState.SELECTED && candidate.state() != DriverState.AVAILABLE) {
            html.append(form("pin", candidate.interfaceName(), candidate.name(), "pin"));
        }
        html.append(form("comply", candidate.interfaceName(), candidate.name(), "run compliance"))
                .append("</td></tr>");
    }

    private static String platform(DriverDescription candidate) {
        PlatformInfo platform = candidate.platformInfo();
        String tier = candidate.performanceTier() == null ? "" : ", tier " + candidate.performanceTier();
        if (platform == null) {
            return "unknown" + tier;
        }
        return Html.escape(platform.platformName() + " " + platform.osVersion() + " (" + platform.architecture()
                + "), " + platform.cpuCores() + " core(s), " + Sizes.bytes(platform.machineMemoryBytes()) + tier);
    }

    private static String capabilities(Collection<HalCapability> capabilities) {
        return Html.escape(capabilities.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }

    /** A one-button form posting {@code action} for an interface and a driver. */
    static String form(String action, String interfaceName, String driver, String label) {
        return "<form class=\"hal-inline\" method=\"post\"><input type=\"hidden\" name=\"action\" value=\""
                + Html.escape(action) + "\"><input type=\"hidden\" name=\"interface\" value=\""
                + Html.escape(interfaceName) + "\"><input type=\"hidden\" name=\"driver\" value=\""
                + Html.escape(driver) + "\"><button type=\"submit\">" + Html.escape(label) + "</button></form>";
    }

    private static void appendRuns(StringBuilder html, List<ComplianceRuns.Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        html.append("<section class=\"hal-section compliance\"><h3>Compliance</h3>");
        for (ComplianceRuns.Run run : runs) {
            html.append("<div class=\"compliance-run\" data-driver=\"").append(Html.escape(run.driver()))
                    .append("\" data-state=\"").append(run.state().name()).append("\"><h4>")
                    .append(Html.escape(run.driver())).append(": ").append(run.state().name().toLowerCase());
            if (run.state() == ComplianceRuns.State.DONE) {
                boolean compliant = run.reports().stream().allMatch(ComplianceReport::compliant);
                html.append(compliant ? ", COMPLIANT" : ", NOT COMPLIANT");
            }
            html.append("</h4>");
            if (run.state() == ComplianceRuns.State.FAILED) {
                html.append("<p class=\"hal-error\">").append(Html.escape(run.error())).append("</p>");
            }
            for (ComplianceReport report : run.reports()) {
                html.append("<pre class=\"compliance-report\">").append(Html.escape(report.text())).append("</pre>");
            }
            html.append("</div>");
        }
        html.append("</section>");
    }
}
