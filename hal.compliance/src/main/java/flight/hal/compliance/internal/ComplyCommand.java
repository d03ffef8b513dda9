package flight.hal.compliance.internal;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
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

    @Reference
    ComplianceKit kit;

    @Descriptor("run the compliance checks against a driver: each check with pass/fail and measured figures")
    public String comply(@Descriptor("driver name (hal.driver.name)") String driverName) {
        HalResult<List<ComplianceReport>> reports = kit.check(driverName);
        return reports.isErr() ? "error: " + reports.errorOrNull() : ReportText.of(reports.valueOrNull());
    }
}
