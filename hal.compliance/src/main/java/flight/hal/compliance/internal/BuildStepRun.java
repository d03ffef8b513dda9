package flight.hal.compliance.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.compliance.ComplianceReport;
import flight.hal.registry.HalRegistry;

/**
 * The compliance kit as a build step, inside a framework the runner launched (flight.hal.testing's
 * {@code ComplianceRunner}): when the framework property {@value #JAR} names the location of a bundle, waits for that
 * bundle to start, runs the kit on every driver it registers, writes the reports to the folder {@value #REPORT}
 * names ({@value #TEXT}, {@value #XML}, and the verdict in {@value #VERDICT}) and stops the framework. Without the
 * property, as in every other runtime, it does nothing.
 */
@Component(immediate = true)
public final class BuildStepRun {
    static final String JAR = "flight.hal.compliance.run.jar";
    static final String REPORT = "flight.hal.compliance.run.report";
    static final String TIMEOUT = "flight.hal.compliance.run.timeout.seconds";
    static final String TEXT = "compliance.txt";
    static final String XML = "TEST-flight.hal.compliance.xml";
    static final String VERDICT = "compliance.verdict";
    private static final Logger LOG = LoggerFactory.getLogger(BuildStepRun.class);

    @Reference
    ComplianceKit kit;

    @Reference
    HalRegistry registry;

    @Reference
    ServiceComponentRuntime scr;

    private BundleTracker<Bundle> started;
    private Thread run;

    @Activate
    void activate(BundleContext context) {
        String location = context.getProperty(JAR);
        String report = context.getProperty(REPORT);
        if (location == null || report == null) {
            return;
        }
        String seconds = context.getProperty(TIMEOUT);
        Duration timeout = Duration.ofSeconds(seconds == null ? 120 : Long.parseLong(seconds.trim()));
        CountDownLatch active = new CountDownLatch(1);
        started = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (location.equals(bundle.getLocation())) {
                    active.countDown();
                }
                return null;
            }
        };
        started.open();
        run = new Thread(() -> runOnce(context, location, Paths.get(report), timeout, active),
                "hal-compliance-build-step");
        run.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (started != null) {
            started.close();
            run.interrupt();
            run.join();
        }
    }

    private void runOnce(BundleContext context, String location, Path report, Duration timeout, CountDownLatch active) {
        String verdict;
        try {
            Files.createDirectories(report);
            verdict = active.await(timeout.toSeconds(), TimeUnit.SECONDS)
                    ? check(context.getBundle(location), report, timeout)
                    : error(report, "the bundle " + location + " did not start within " + timeout.toSeconds() + " s");
            Files.writeString(report.resolve(VERDICT), verdict, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("cannot write the compliance report to {}", report, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            context.getBundle(0).stop();
        } catch (BundleException e) {
            LOG.error("cannot stop the framework after the compliance run", e);
        }
    }

    /** Runs the kit on every driver {@code bundle} registered; writes the reports; returns the verdict. */
    private String check(Bundle bundle, Path report, Duration timeout) throws IOException, InterruptedException {
        if (!awaitComponents(bundle, timeout)) {
            return error(report, bundle.getSymbolicName() + " has no DS component that Service Component Runtime"
                    + " processed within " + timeout.toSeconds() + " s");
        }
        HalResult<?> settled = registry.awaitSelections(timeout);
        if (settled.isErr()) {
            return error(report, "the selections did not settle: " + settled.errorOrNull());
        }
        Set<String> drivers = driverNames(bundle);
        if (drivers.isEmpty()) {
            return error(report, bundle.getSymbolicName() + " registers no HAL driver (no service with "
                    + HalDriver.NAME_PROPERTY + "); its components may be unsatisfied");
        }
        List<ComplianceReport> reports = new ArrayList<>();
        for (String driver : drivers) {
            HalResult<List<ComplianceReport>> checked = kit.check(driver);
            if (checked.isErr()) {
                return error(report, "cannot check " + driver + ": " + checked.errorOrNull());
            }
            reports.addAll(checked.valueOrNull());
        }
        Files.writeString(report.resolve(TEXT),
                reports.stream().map(ComplianceReport::text).collect(Collectors.joining()), StandardCharsets.UTF_8);
        Files.writeString(report.resolve(XML), JUnitXml.of("flight.hal.compliance", reports), StandardCharsets.UTF_8);
        return reports.stream().allMatch(ComplianceReport::compliant) ? "COMPLIANT" : "NOT COMPLIANT";
    }

    /**
     * Waits until Service Component Runtime has processed the bundle's components, which it does after the bundle
     * started, on a thread of its own: each enabled, and each with a configuration unless it requires one from
     * Config Admin. Nothing announces that, so the state is checked again every millisecond until the timeout.
     */
    private boolean awaitComponents(Bundle bundle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!componentsProcessed(bundle)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private boolean componentsProcessed(Bundle bundle) {
        Collection<ComponentDescriptionDTO> components = scr.getComponentDescriptionDTOs(bundle);
        return !components.isEmpty() && components.stream().allMatch(component ->
                (scr.isComponentEnabled(component) || !component.defaultEnabled)
                        && (!scr.getComponentConfigurationDTOs(component).isEmpty()
                        || "require".equals(component.configurationPolicy) || !component.defaultEnabled));
    }

    private static Set<String> driverNames(Bundle bundle) {
        Set<String> names = new LinkedHashSet<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        for (ServiceReference<?> service : registered == null ? new ServiceReference<?>[0] : registered) {
            Object name = service.getProperty(HalDriver.NAME_PROPERTY);
            if (name != null && service.getProperty(HalDriver.SELECTED_PROPERTY) == null) {
                names.add(name.toString());
            }
        }
        return names;
    }

    private static String error(Path report, String why) throws IOException {
        Files.writeString(report.resolve(TEXT), "error: " + why + System.lineSeparator(), StandardCharsets.UTF_8);
        return "ERROR";
    }
}
