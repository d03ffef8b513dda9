package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flight.hal.ErrorCategory;
import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;

class ConfiguredGpuTopologyTest {

    @TempDir
    Path drm;

    private ConfiguredGpuTopology topology(Map<String, ?> properties) {
        ConfiguredGpuTopology topology = new ConfiguredGpuTopology();
        topology.configure(Map.copyOf(properties));
        return topology;
    }

    @Test
    void rangesComeFromConfigurationAndBadEntriesAreSkipped() {
        ConfiguredGpuTopology topology = topology(Map.of(ConfiguredGpuTopology.GPUS,
                new String[] {"1:3:1024:1024", "0:1:0:1024", "2:x:0:1", "3:1:-5:1", "4:1:0"}));
        assertEquals(List.of(new GpuRange(0, 1, 0, 1024), new GpuRange(1, 3, 1024, 1024)), topology.ranges());
        assertEquals(topology.ranges(), topology(Map.of(ConfiguredGpuTopology.GPUS,
                "0:1:0:1024, 1:3:1024:1024")).ranges());
    }

    @Test
    void withoutConfigurationTheKernelsGpusShareTheDetectedSpan() throws Exception {
        for (String entry : new String[] {"card0", "card1", "card1-HDMI-A-1", "renderD128", "version"}) {
            Files.createDirectory(drm.resolve(entry));
        }
        ConfiguredGpuTopology topology = topology(Map.of(ConfiguredGpuTopology.DRM_ROOT, drm.toString(),
                ConfiguredGpuTopology.DETECTED_SPAN, "1000"));
        assertEquals(List.of(new GpuRange(0, 1, 0, 500), new GpuRange(1, 1, 500, 500)), topology.ranges());
        assertEquals(List.of(), topology(Map.of(ConfiguredGpuTopology.DRM_ROOT, drm.resolve("none").toString()))
                .ranges());
        assertEquals(List.of(new GpuRange(0, 1, 0, 0), new GpuRange(1, 1, 0, 0)), topology(Map.of(
                ConfiguredGpuTopology.DRM_ROOT, drm.toString(), ConfiguredGpuTopology.DETECTED_SPAN, "-1")).ranges());
    }

    @Test
    void bindingsAreScopedPerThreadAndNest() throws Exception {
        ConfiguredGpuTopology topology = topology(Map.of(ConfiguredGpuTopology.GPUS, "0:1:0:10,1:1:10:10"));
        assertEquals(OptionalInt.empty(), topology.callingGpu());
        try (GpuBinding outer = topology.bind(1).orElseThrow()) {
            assertEquals(1, outer.gpuId());
            assertEquals(Optional.of(new GpuRange(1, 1, 10, 10)), topology.callingRange());
            assertEquals(OptionalInt.empty(), CompletableFuture.supplyAsync(topology::callingGpu).get());
            try (GpuBinding inner = topology.bind(0).orElseThrow()) {
                assertEquals(OptionalInt.of(0), topology.callingGpu());
            }
            assertEquals(OptionalInt.of(1), topology.callingGpu());
            GpuBinding fromElsewhere = outer;
            var elsewhere = assertThrows(CompletionException.class,
                    () -> CompletableFuture.runAsync(fromElsewhere::close).join());
            assertTrue(elsewhere.getCause() instanceof IllegalStateException, elsewhere::toString);
        }
        assertEquals(OptionalInt.empty(), topology.callingGpu());
        assertEquals(Optional.empty(), topology.callingRange());
        var unknown = topology.bind(7);
        assertEquals(ErrorCategory.NOT_FOUND, unknown.errorOrNull().category());
        assertTrue(unknown.errorOrNull().message().contains("[0, 1]"));
    }

    /** Regression (issue 9): {@code lba + blocks} wrapped past Long.MAX_VALUE, so a range "contained" LBAs past its end. */
    @Test
    void rangeContainmentNeverWrapsAroundLongMaxValue() {
        GpuRange range = new GpuRange(0, 1, 10, Long.MAX_VALUE - 10);
        assertTrue(range.contains(Long.MAX_VALUE - 1, 1));
        assertFalse(range.contains(Long.MAX_VALUE, 1), "past the end");
        assertFalse(new GpuRange(0, 1, 10, 100).contains(Long.MAX_VALUE, 2), "an end that wraps to negative");
        assertFalse(new GpuRange(0, 1, 0, Long.MIN_VALUE).contains(0, 1), "a negative length holds nothing");
        assertFalse(new GpuRange(0, 1, 0, 100).contains(5, -1), "a negative count lies nowhere");
    }

    /** Regression: entries whose range ends past Long.MAX_VALUE, and second entries of one GPU, were accepted. */
    @Test
    void overflowingAndRepeatedEntriesAreSkipped() {
        ConfiguredGpuTopology topology = topology(Map.of(ConfiguredGpuTopology.GPUS, new String[] {"0:1:0:64",
                "0:2:64:64", "1:1:" + Long.MAX_VALUE + ":2"}, ConfiguredGpuTopology.DRM_ROOT, drm.toString()));
        assertEquals(List.of(new GpuRange(0, 1, 0, 64)), topology.ranges());
    }

    /**
     * Regression: closing an outer binding before the inner one, then the inner one, restored the outer (closed)
     * binding, so the thread stayed bound to a GPU after all its bindings were closed.
     */
    @Test
    void bindingsClosedOutOfOrderLeaveTheThreadUnbound() {
        ConfiguredGpuTopology topology = topology(Map.of(ConfiguredGpuTopology.GPUS, "0:1:0:64,1:1:64:64",
                ConfiguredGpuTopology.DRM_ROOT, drm.toString()));
        GpuBinding outer = topology.bind(0).orElseThrow();
        GpuBinding inner = topology.bind(1).orElseThrow();
        outer.close();
        assertEquals(OptionalInt.of(1), topology.callingGpu(), "the inner binding stays in force");
        inner.close();
        assertEquals(OptionalInt.empty(), topology.callingGpu());
    }
}
