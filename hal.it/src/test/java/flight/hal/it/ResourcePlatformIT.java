package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.memory.MemoryDriver;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceType;

/** Budgets from the selected memory driver's platform, following a swap; Config Admin overrides; the shell. */
@RunWith(PaxExam.class)
public class ResourcePlatformIT extends ResourceItSupport {
    private static final ResourceType MEMORY = ResourceType.MEMORY;
    /** The test memory driver's platform: 64 MiB. */
    private static final long TEST_PLATFORM_MEMORY = 64L * 1024 * 1024;

    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] configuration() {
        return options(resourceFramework());
    }

    @Test
    public void defaultBudgetsComeFromTheSelectedMemoryDriverAndFollowASwap() throws Exception {
        awaitSelected(HOST);
        long hostMemory = registry.handle(MemoryDriver.class).current().platformInfo().machineMemoryBytes();
        awaitMemoryBudget(hostMemory * 60 / 100);
        assertEquals(ResourceBudget.of(hostMemory * 60 / 100, hostMemory * 10 / 100), administration.budget(MEMORY));
        assertEquals(ResourceBudget.of(hostMemory * 20 / 100, hostMemory * 5 / 100),
                administration.budget(ResourceType.HARDWARE));
        assertEquals(ResourceBudget.unlimited(), administration.budget(ResourceType.PERFORMANCE));

        Bundle testDrivers = installTestDrivers();
        awaitSelected(TEST);
        awaitMemoryBudget(TEST_PLATFORM_MEMORY * 60 / 100);
        assertEquals(TEST_PLATFORM_MEMORY * 10 / 100, administration.budget(MEMORY).reservedBytes());
        long limit = administration.budget(MEMORY).limitFor(ResourcePriority.NORMAL);
        assertEquals(ResourceErrors.BUDGET_EXCEEDED,
                manager.acquireScoped("too big", ResourceMetadata.of(MEMORY, limit + 1)).errorOrNull().code());

        testDrivers.uninstall();
        awaitSelected(HOST);
        awaitMemoryBudget(hostMemory * 60 / 100);
    }

    @Test
    public void configurationOverridesTheDefaultsAndTheApiAtRunTime() throws Exception {
        assertTrue(administration.setBudget(MEMORY, ResourceBudget.of(8000, 0)).isOk());
        configure(Map.of("memory.max", 5000, "memory.reserved", "500", "memory.warning", 70,
                "bundle.it.audio.memory.max", 100));
        assertEquals(new ResourceBudget(5000, 500, 70, 90), administration.budget(MEMORY));
        ResourceManager audio = managerOf(startBundle("it.audio"));
        assertEquals(ResourceErrors.BUDGET_EXCEEDED,
                audio.acquireScoped("over", ResourceMetadata.of(MEMORY, 101)).errorOrNull().code());
        assertTrue(audio.acquireScoped("fits", ResourceMetadata.of(MEMORY, 100)).isOk());

        configure(Map.of());
        assertEquals("without configuration the API's budget applies", ResourceBudget.of(8000, 0),
                administration.budget(MEMORY));
        assertTrue(audio.acquireScoped("no longer capped", ResourceMetadata.of(MEMORY, 101)).isOk());
    }

    @Test
    public void theShellShowsBudgetsUsageByBundleAndPools() throws Exception {
        ResourceManager audio = managerOf(startBundle("it.audio"));
        audio.acquireScoped("AudioBuffer", ResourceMetadata.of(MEMORY, 12345)).orElseThrow();
        audio.pools().createPool(new PoolConfig(MEMORY, 4096, 10, 50, 8, true, "AudioBufferPool")).orElseThrow()
                .acquire().orElseThrow();

        String resources = run("hal:resources");
        String size = "\\d+\\.\\d [KMGT]iB \\([0-9,]+ B\\)";
        assertTrue(resources, resources.matches("(?s).*\\nMEMORY +" + size + " +" + size
                + " +52\\.0 KiB \\(53,312 B\\) .*"));
        assertTrue(resources, resources.matches(
                "(?s).*\\n  it\\.audio \\[\\d+\\] +52\\.0 KiB \\(53,312 B\\) +52\\.0 KiB \\(53,312 B\\) +\\d+ +2 +NONE.*"));
        assertTrue(resources, resources.matches("(?s).*\\nPERFORMANCE +unlimited .*"));
        assertTrue(resources, resources.matches("(?s).*\\n  MEMORY +60 % of " + size + " reported by host\\.memory "
                + "\\(PlatformInfo\\.machineMemoryBytes\\)\\n.*"));
        String pools = run("hal:pools");
        assertTrue(pools, pools.matches(
                "(?s).*AudioBufferPool +it\\.audio \\[\\d+\\] +MEMORY +4\\.0 KiB \\(4,096 B\\) +1/10/50 +1 +0 +1\\s.*"));
    }

    private String run(String command) throws Exception {
        return runCommand(shell, command);
    }

    /** Waits until the memory budget's maximum is {@code expected}; selection events wake the check. */
    private void awaitMemoryBudget(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (administration.budget(MEMORY).maxBytes() != expected) {
            if (System.nanoTime() > deadline) {
                fail("memory budget " + administration.budget(MEMORY) + ", expected a maximum of " + expected);
            }
            selections.poll(50, TimeUnit.MILLISECONDS);
        }
    }
}
