package flight.hal.platform.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        topology.configure(properties);
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
}
