package flight.hal.registry.internal;

import java.util.List;
import java.util.Locale;

import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.RoleStatus;
import flight.hal.shell.format.Sizes;
import flight.hal.shell.format.Table;

/** Plain-text tables of the registry's state for the shell. */
final class RegistryReport {
    private RegistryReport() {
    }

    static String interfaces(List<InterfaceStatus> statuses) {
        if (statuses.isEmpty()) {
            return "no HAL drivers registered";
        }
        StringBuilder text = new StringBuilder();
        statuses.forEach(status -> text.append(interfaceStatus(status)));
        return text.toString();
    }

    /**
     * After {@code hal:await}: whether every interface that has a driver able to serve (on standby) has one selected,
     * the interfaces that do not, and how long after the JVM's start that was seen.
     */
    static String readiness(List<InterfaceStatus> statuses, long uptimeMillis) {
        List<InterfaceStatus> waiting = statuses.stream()
                .filter(status -> status.selected() == null && status.candidates().stream()
                        .anyMatch(driver -> driver.state() == DriverState.STANDBY))
                .toList();
        StringBuilder text = new StringBuilder(waiting.isEmpty() ? "HAL ready" : "HAL not ready")
                .append(String.format(Locale.ROOT, " %d ms after the JVM started: %d interface(s), %d selected%n",
                        uptimeMillis, statuses.size(),
                        statuses.stream().filter(status -> status.selected() != null).count()));
        waiting.forEach(status -> text.append("  no driver selected for ").append(status.interfaceName())
                .append(status.note().isEmpty() ? "" : " (" + status.note() + ")").append(System.lineSeparator()));
        return text.toString();
    }

    static String interfaceStatus(InterfaceStatus status) {
        StringBuilder text = new StringBuilder(status.interfaceName());
        if (status.pin() != null) {
            text.append("  [pinned to ").append(status.pin()).append(']');
        }
        text.append(System.lineSeparator());
        if (!status.note().isEmpty()) {
            text.append("  note: ").append(status.note()).append(System.lineSeparator());
        }
        if (!status.required().isEmpty()) {
            text.append("  requires: ").append(status.required().stream().map(Enum::name).sorted().toList())
                    .append(System.lineSeparator());
        }
        Table candidates = Table.indented("  ", "  DRIVER", "RANKING", "STATE", "AVAILABLE", "BUNDLE").right(1);
        for (DriverDescription driver : status.candidates()) {
            candidates.row(marker(status, driver) + " " + driver.name(), driver.ranking(), driver.state(),
                    driver.state() == DriverState.UNAVAILABLE ? "no" : "yes",
                    driver.bundleSymbolicName() + " [" + driver.bundleId() + "]");
            driver.failureReason().ifPresent(failure -> candidates.note("    ",
                    (driver.state() == DriverState.INELIGIBLE ? "passed over: " : "failed: ") + failure));
            if (!driver.live().isEmpty()) {
                candidates.note("    ", "holds " + driver.live());
            }
        }
        if (!candidates.isEmpty()) {
            text.append(candidates.render());
        }
        for (RoleStatus role : status.roles()) {
            text.append("  with ").append(role.required().stream().map(Enum::name).sorted().toList()).append(": ")
                    .append(role.selected() == null ? "no driver" : "* " + role.selected())
                    .append(role.note().isEmpty() ? "" : " (" + role.note() + ")").append(System.lineSeparator());
        }
        if (status.candidates().isEmpty()) {
            text.append("    (no candidates)").append(System.lineSeparator());
        }
        return text.toString();
    }

    /** {@code *} for the selected driver, {@code +} for one a role chose (on a non-exclusive interface, the only kind). */
    private static String marker(InterfaceStatus status, DriverDescription driver) {
        if (driver.state() == DriverState.SELECTED) {
            return "*";
        }
        return status.roles().stream().anyMatch(role -> driver.name().equals(role.selected())) ? "+" : " ";
    }

    static String drivers(String driverName, List<DriverDescription> drivers) {
        if (drivers.isEmpty()) {
            return "no driver named '" + driverName + "'";
        }
        StringBuilder text = new StringBuilder();
        for (DriverDescription driver : drivers) {
            line(text, "driver", driver.name() + " " + driver.version());
            line(text, "interface", driver.interfaceName());
            line(text, "state", driver.state() + ", ranking " + driver.ranking());
            line(text, "bundle", driver.bundleSymbolicName() + " [" + driver.bundleId() + "], service "
                    + driver.serviceId());
            line(text, "capabilities", driver.capabilities().stream().map(Enum::name).sorted().toList()
                    + String.format(Locale.ROOT, " (mask 0x%x)", driver.capabilityMask()));
            line(text, "tier", String.valueOf(driver.performanceTier()));
            if (driver.platformInfo() != null) {
                var platform = driver.platformInfo();
                line(text, "platform", platform.platformName() + " " + platform.osVersion() + " ("
                        + platform.architecture() + ")");
                line(text, "memory", Sizes.of(platform.machineMemoryBytes()) + " in the machine, max allocation "
                        + Sizes.of(platform.maxAllocationSize()) + ", alignment " + Sizes.of(platform.memoryAlignment()));
                line(text, "cpu", platform.cpuCores() + " core(s), page size "
                        + (platform.pageSize() == 0 ? Sizes.UNKNOWN : Sizes.of(platform.pageSize())));
            }
            driver.failureReason().ifPresent(failure -> line(text, "failure", failure.toString()));
            if (!driver.live().isEmpty()) {
                line(text, "holds", driver.live().toString());
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-13s %s%n", label, value));
    }
}
