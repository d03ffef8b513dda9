package flight.hal.compliance.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PlatformInfo;
import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.HalRegistry;
import flight.hal.thread.ThreadDriver;

/**
 * The compliance kit: finds the driver services with a {@code hal.driver.name} (not the registry's republications of
 * selected drivers) and runs the checks of their HAL interface against them. Any bundle's driver can be checked, also
 * one dropped into the deploy folder, as long as it registers under a HAL interface of {@code hal.api}.
 */
@Component(service = ComplianceKit.class)
public final class ComplianceService implements ComplianceKit {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceService.class);

    @Reference
    HalRegistry registry;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
    }

    @Override
    public HalResult<List<ComplianceReport>> check(String driverName) {
        if (driverName == null || driverName.isBlank()) {
            return HalResult.err(HalError.invalidParameter("a driver name is required"));
        }
        ServiceReference<?>[] found;
        try {
            found = context.getServiceReferences((String) null, filter(driverName.trim()));
        } catch (InvalidSyntaxException e) {
            return HalResult.err(HalError.invalidParameter("'" + driverName + "' cannot be searched for: " + e));
        }
        if (found == null) {
            return HalResult.err(HalError.notFound("no driver named '" + driverName.trim() + "' is registered"));
        }
        List<ServiceReference<?>> drivers = new ArrayList<>(Arrays.asList(found));
        drivers.sort(Comparator.comparing(reference -> String.valueOf(
                reference.getProperty(HalDriver.INTERFACE_PROPERTY))));
        List<ComplianceReport> reports = new ArrayList<>();
        drivers.forEach(reference -> reports.add(check(reference)));
        return HalResult.ok(reports);
    }

    /** Driver services named {@code name}, without the registry's republications. */
    static String filter(String name) {
        String escaped = name.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
        return "(&(" + HalDriver.NAME_PROPERTY + "=" + escaped + ")(" + HalDriver.INTERFACE_PROPERTY + "=*)(!("
                + HalDriver.SELECTED_PROPERTY + "=*)))";
    }

    private ComplianceReport check(ServiceReference<?> reference) {
        String name = String.valueOf(reference.getProperty(HalDriver.NAME_PROPERTY));
        String interfaceName = String.valueOf(reference.getProperty(HalDriver.INTERFACE_PROPERTY));
        Suite suite = suites().get(interfaceName);
        if (suite == null) {
            return single(name, interfaceName, Verdict.SKIPPED, "the kit has no checks for " + interfaceName);
        }
        HalResult<DriverUnderTest> opened = DriverUnderTest.open(context, reference);
        if (opened.isErr()) {
            return single(name, interfaceName, Verdict.FAIL, opened.errorOrNull().message());
        }
        DriverUnderTest tested = opened.valueOrNull();
        try {
            PlatformInfo platform = tested.driver.platformInfo();
            Sla sla = Sla.of(platform);
            Checks checks = new Checks();
            suite.run(tested, sla, checks);
            ComplianceReport report = new ComplianceReport(name, interfaceName,
                    platform == null ? "" : platform.platformName(), sla.profile(), checks.results());
            LOG.info("compliance of {} ({}): {} of {} checks failed", name, interfaceName, report.failures().size(),
                    report.checks().size());
            return report;
        } catch (RuntimeException e) {
            return single(name, interfaceName, Verdict.FAIL, "threw " + e + " while describing its platform");
        } finally {
            tested.close(registry.status(interfaceName).map(status -> name.equals(status.selected())).orElse(false));
        }
    }

    private Map<String, Suite> suites() {
        return Map.of(MemoryDriver.class.getName(), new MemorySuite(),
                GraphicsDriver.class.getName(), new GraphicsSuite(registry.handle(MemoryDriver.class)),
                ThreadDriver.class.getName(), new ThreadSuite());
    }

    private static ComplianceReport single(String name, String interfaceName, Verdict verdict, String detail) {
        return new ComplianceReport(name, interfaceName, "", "none",
                List.of(new CheckResult("interface contract", CheckCategory.CONTRACT, verdict, detail, null)));
    }
}
