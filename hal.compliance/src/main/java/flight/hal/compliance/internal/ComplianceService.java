package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
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
import flight.hal.storage.BlockDevice;
import flight.hal.thread.ThreadDriver;

/**
 * The compliance kit: finds the driver services with a {@code hal.driver.name} (not the registry's republications of
 * selected drivers) and runs the checks of their HAL interface against them. Any bundle's driver can be checked, also
 * one dropped into the deploy folder, as long as it registers under a HAL interface of {@code hal.api}. Drivers are
 * not trusted: every call into one is bounded on the kit's threads (see {@link DriverCalls}); settings come from
 * {@link KitSettings}.
 */
@Designate(ocd = KitMetatype.class)
@Component(service = ComplianceKit.class, configurationPid = KitSettings.PID)
public final class ComplianceService implements ComplianceKit {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceService.class);

    @Reference
    HalRegistry registry;

    private BundleContext context;
    private KitThreads threads;
    private volatile KitSettings settings = KitSettings.DEFAULTS;

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        context = bundleContext;
        threads = new KitThreads();
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        settings = KitSettings.of(properties);
        LOG.info("compliance kit settings: {}", settings);
    }

    @Deactivate
    void deactivate() {
        threads.close();
    }

    @Override
    public HalResult<List<ComplianceReport>> check(String driverName) {
        return check(driverName, settings);
    }

    @Override
    public HalResult<List<ComplianceReport>> check(String driverName, Duration soak) {
        if (soak == null || soak.isNegative() || soak.isZero()) {
            return HalResult.err(HalError.invalidParameter("the soak must be a positive duration, was " + soak));
        }
        return check(driverName, settings.withSoak(Math.max(1, soak.toSeconds())));
    }

    private HalResult<List<ComplianceReport>> check(String driverName, KitSettings runSettings) {
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
        drivers.forEach(reference -> reports.add(check(reference, runSettings)));
        return HalResult.ok(reports);
    }

    /** Driver services named {@code name}, without the registry's republications. */
    static String filter(String name) {
        String escaped = name.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
        return "(&(" + HalDriver.NAME_PROPERTY + "=" + escaped + ")(" + HalDriver.INTERFACE_PROPERTY + "=*)(!("
                + HalDriver.SELECTED_PROPERTY + "=*)))";
    }

    private ComplianceReport check(ServiceReference<?> reference, KitSettings runSettings) {
        String name = DriverUnderTest.nameOf(reference);
        String interfaceName = String.valueOf(reference.getProperty(HalDriver.INTERFACE_PROPERTY));
        Suite suite = suites().get(interfaceName);
        if (suite == null) {
            return single(name, interfaceName, Verdict.SKIPPED, "the kit has no checks for " + interfaceName);
        }
        DriverCalls calls = new DriverCalls(threads, runSettings, name);
        HalResult<DriverUnderTest> opened = DriverUnderTest.open(context, reference, calls);
        if (opened.isErr()) {
            return single(name, interfaceName, Verdict.FAIL, opened.errorOrNull().message());
        }
        DriverUnderTest tested = opened.valueOrNull();
        try {
            HalResult<PlatformInfo> platform = calls.call("platformInfo()", tested.driver::platformInfo);
            HalResult<Set<HalCapability>> capabilities = calls.call("capabilities()", tested.driver::capabilities);
            HalError undescribed = platform.isErr() ? platform.errorOrNull() : capabilities.errorOrNull();
            if (undescribed != null) {
                return single(name, interfaceName, Verdict.FAIL, undescribed.message());
            }
            Sla sla = Sla.of(platform.valueOrNull());
            Checks checks = new Checks(calls);
            suite.run(tested, sla, checks);
            ComplianceReport report = new ComplianceReport(name, interfaceName, platform.valueOrNull().platformName(),
                    sla.profile(), checks.results());
            LOG.info("compliance of {} ({}): {} of {} checks failed", name, interfaceName, report.failures().size(),
                    report.checks().size());
            return report;
        } finally {
            tested.close(registry.status(interfaceName).map(status -> name.equals(status.selected())).orElse(false));
        }
    }

    private Map<String, Suite> suites() {
        return Map.of(MemoryDriver.class.getName(), new MemorySuite(),
                GraphicsDriver.class.getName(), new GraphicsSuite(registry.handle(MemoryDriver.class)),
                ThreadDriver.class.getName(), new ThreadSuite(),
                BlockDevice.class.getName(), new StorageSuite());
    }

    private static ComplianceReport single(String name, String interfaceName, Verdict verdict, String detail) {
        return new ComplianceReport(name, interfaceName, "", "none",
                List.of(new CheckResult("interface contract", CheckCategory.CONTRACT, verdict, detail, null)));
    }
}
