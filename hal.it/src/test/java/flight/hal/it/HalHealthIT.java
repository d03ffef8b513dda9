package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/**
 * The HAL's health checks (tag {@code hal}) in a framework with Felix Health Checks and Jetty on 127.0.0.1 at a free
 * port: all OK at first, then WARN or CRITICAL, naming what is wrong, while a driver fails, an interface has no
 * driver, a budget is at its warning and critical levels, a device is unavailable or a bundle leaks, and OK again
 * once that is over; seen through the executor, {@code hc:exec} and {@code /system/health.json}.
 */
@RunWith(PaxExam.class)
public class HalHealthIT extends ManagementItSupport {
    private static final String SELECTED = "HAL drivers selected";
    private static final String NOT_FAILED = "HAL drivers not failed";
    private static final String PRESSURE = "HAL resource pressure";
    private static final String DEVICES = "HAL block devices";
    private static final String LEAKS = "HAL resource leaks";
    private static final List<String> ALL = List.of(SELECTED, NOT_FAILED, PRESSURE, DEVICES, LEAKS);
    /** The Felix HC servlet: a factory component that needs a configuration, as the exported runtime provides. */
    private static final String HEALTH_SERVLET = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet";

    @Inject
    HealthCheckExecutor executor;

    @Inject
    CommandProcessor shell;

    private DriverConfigurations configurations;

    @Configuration
    public Option[] configuration() throws IOException {
        return options(managementFramework(HEALTH, "org.apache.felix.healthcheck.core"), httpServer());
    }

    @Before
    public void servletAndEveryCheckOk() throws Exception {
        configurations = new DriverConfigurations(configurationAdmin);
        org.osgi.service.cm.Configuration servlet = configurationAdmin.getFactoryConfiguration(HEALTH_SERVLET, "hal",
                "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("servletPath", "/system/health");
        servlet.update(properties);
        awaitSelected(HOST);
        for (String check : ALL) {
            awaitCheck(check, Result.Status.OK);
        }
    }

    @After
    public void deleteConfigurations() throws Exception {
        configurations.deleteAll();
    }

    @Test
    public void aFailedDriverWarnsAnInterfaceWithoutDriverIsCriticalAndBothRecover() throws Exception {
        installTestDrivers();
        awaitSelected(TEST);
        String hostile = HostileFault.THROW_INITIALIZE.driverName(1);
        org.osgi.service.cm.Configuration failing = configurations.hostileMemory(hostile, 1000,
                HostileFault.THROW_INITIALIZE.name());
        Result failed = awaitCheck(NOT_FAILED, Result.Status.WARN);
        assertTrue(failed.toString(), failed.toString().contains("driver " + hostile + " of " + MEMORY));
        assertEquals(Result.Status.OK, run(SELECTED).getStatus());

        String shown = runCommand(shell, "hc:exec -v hal");
        assertTrue(shown, shown.contains(NOT_FAILED) && shown.contains("WARN") && shown.contains(hostile));
        HttpAnswer json = healthJson();
        assertEquals("WARN answers 200", 200, json.status());
        assertTrue(json.body(), json.body().contains("\"overallResult\":\"WARN\"") && json.body().contains(hostile));

        configurations.delete(failing);
        awaitCheck(NOT_FAILED, Result.Status.OK);

        configurations.registry(Map.of(DriverConfigurations.REQUIRE + "MemoryDriver", "DMA"));
        Result unserved = awaitCheck(SELECTED, Result.Status.CRITICAL);
        assertTrue(unserved.toString(), unserved.toString().contains(MEMORY + ": no driver selected among"));
        json = healthJson();
        assertEquals("CRITICAL answers 503", 503, json.status());
        assertTrue(json.body(), json.body().contains("\"overallResult\":\"CRITICAL\""));

        configurations.deleteRegistry();
        awaitSelected(TEST);
        awaitCheck(SELECTED, Result.Status.OK);
        assertEquals(200, healthJson().status());
    }

    @Test
    public void aBudgetWarnsAtItsWarningLevelIsCriticalAtItsCriticalLevelAndOkOnceReleased() throws Exception {
        assertTrue(administration.setBudget(ResourceType.MEMORY, new ResourceBudget(1 << 20, 0, 50, 80)).isOk());
        ScopedResource half = manager.acquireScoped("ballast", ResourceMetadata.of(ResourceType.MEMORY, 600 << 10))
                .orElseThrow();
        Result high = awaitCheck(PRESSURE, Result.Status.WARN);
        assertTrue(high.toString(), high.toString().contains("MEMORY: pressure HIGH"));

        ScopedResource more = manager.acquireScoped("more", ResourceMetadata.of(ResourceType.MEMORY, 300 << 10))
                .orElseThrow();
        Result critical = awaitCheck(PRESSURE, Result.Status.CRITICAL);
        assertTrue(critical.toString(), critical.toString().contains("MEMORY: pressure CRITICAL"));
        String shown = runCommand(shell, "hc:exec -v hal");
        assertTrue(shown, shown.contains(PRESSURE) && shown.contains("CRITICAL"));

        more.close();
        half.close();
        awaitCheck(PRESSURE, Result.Status.OK);
    }

    @Test
    public void anUnavailableDeviceIsCriticalByNameUntilItsConfigurationGoes() throws Exception {
        device("good", "block.size", 512);
        awaitCheck(DEVICES, Result.Status.OK, "block device good available");

        org.osgi.service.cm.Configuration broken = device("broken", "block.size", 1000);
        Result unavailable = awaitCheck(DEVICES, Result.Status.CRITICAL);
        assertTrue(unavailable.toString(), unavailable.toString().contains("block device broken is UNAVAILABLE"));
        assertEquals("a device is still available by name", Result.Status.OK, run(SELECTED).getStatus());
        assertTrue(healthJson().body().contains("broken"));

        broken.delete();
        awaitCheck(DEVICES, Result.Status.OK);
    }

    @Test
    public void aLeakWarnsWithTheResourceAndItsOwner() throws Exception {
        Bundle leaky = startBundle("com.example.leaky");
        assertTrue(managerOf(leaky).acquireScoped("forgotten", ResourceMetadata.of(ResourceType.MEMORY, 4096)).isOk());
        leaky.stop();
        Result leaked = awaitCheck(LEAKS, Result.Status.WARN);
        assertTrue(leaked.toString(), leaked.toString().contains("'forgotten' (MEMORY, 4096 bytes")
                && leaked.toString().contains("com.example.leaky") && leaked.toString().contains("OWNER_STOPPED"));
    }

    /** Runs the check named {@code name} now, bypassing the executor's cache, until it answers {@code status}. */
    private Result awaitCheck(String name, Result.Status status) {
        return awaitCheck(name, status, "");
    }

    /** Runs the check until it answers {@code status} with an entry that says {@code saying}. */
    private Result awaitCheck(String name, Result.Status status, String saying) {
        AtomicReference<Result> last = new AtomicReference<>();
        awaitUntil(() -> {
            last.set(run(name));
            return last.get().getStatus() == status && last.get().toString().contains(saying);
        }, () -> name + " is " + last.get() + ", expected " + status + " saying '" + saying + "'");
        return last.get();
    }

    private Result run(String name) {
        List<HealthCheckExecutionResult> results = executor.execute(HealthCheckSelector.names(name),
                new HealthCheckExecutionOptions().setForceInstantExecution(true));
        assertEquals("one check named " + name + ": " + results, 1, results.size());
        return results.get(0).getHealthCheckResult();
    }

    /** {@code /system/health.json?tags=hal}, once the servlet answers. */
    private HttpAnswer healthJson() {
        URL url = url("http://127.0.0.1:" + context.getProperty(HTTP_PORT) + "/system/health.json?tags=hal");
        AtomicReference<HttpAnswer> last = new AtomicReference<>();
        awaitUntil(() -> {
            last.set(get(url));
            return last.get().status() != 404 && last.get().status() != -1;
        }, () -> url + " answers " + last.get());
        return last.get();
    }

    record HttpAnswer(int status, String body) {
    }

    private static HttpAnswer get(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            try {
                int status = connection.getResponseCode();
                InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                return new HttpAnswer(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return new HttpAnswer(-1, notYet.toString());
        }
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
