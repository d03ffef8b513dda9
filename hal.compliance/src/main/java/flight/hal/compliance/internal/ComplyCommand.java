package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;

/** The Gogo command {@code hal:comply}. It returns text; the shell prints it. */
@Component(service = ComplyCommand.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=comply"})
public final class ComplyCommand {
    /** The option's value when it is not given: the configured soak. */
    private static final String CONFIGURED = "0";

    @Reference
    ComplianceKit kit;

    @Descriptor("run the compliance checks against a driver: each check with pass/fail and measured figures")
    public String comply(
            @Descriptor("seconds the long-running stability checks run (default: the kit's soak.seconds, 1)")
            @Parameter(names = "--soak", absentValue = CONFIGURED) long soakSeconds,
            @Descriptor("driver name (hal.driver.name)") String driverName) {
        HalResult<List<ComplianceReport>> reports = soakSeconds == 0 ? kit.check(driverName)
                : kit.check(driverName, Duration.ofSeconds(soakSeconds));
        return reports.isErr() ? "error: " + reports.errorOrNull() : reports.valueOrNull().stream().map(ComplianceReport::text).collect(Collectors.joining());
    }
}
