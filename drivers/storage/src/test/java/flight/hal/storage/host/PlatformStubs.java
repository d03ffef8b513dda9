package flight.hal.storage.host;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;
import flight.hal.platform.GpuTopology;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/** Platform drivers the tests inject into a device, as the registry's selected ones would be. */
final class PlatformStubs {

    private PlatformStubs() {
    }

    /** A sensor whose every reading is {@code reading}'s. */
    static TemperatureSensor sensor(Supplier<HalResult<TemperatureReading>> reading) {
        final class Sensor extends StubDriver implements TemperatureSensor {
            @Override
            public HalResult<TemperatureReading> read() {
                return reading.get();
            }
        }
        return new Sensor();
    }

    /** A topology of {@code ranges} whose calling GPU is {@code calling}'s; binding is not supported. */
    static GpuTopology topology(List<GpuRange> ranges, Supplier<OptionalInt> calling) {
        final class Topology extends StubDriver implements GpuTopology {
            @Override
            public List<GpuRange> ranges() {
                return ranges;
            }

            @Override
            public HalResult<GpuBinding> bind(int gpuId) {
                return HalResult.err(HalError.notFound("the stub topology does not bind"));
            }

            @Override
            public OptionalInt callingGpu() {
                return calling.get();
            }
        }
        return new Topology();
    }

    /** The driver part of a stub: always available and active, nothing to initialize. */
    private abstract static class StubDriver implements HalDriver {
        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public String version() {
            return "0.0.0";
        }

        @Override
        public HalResult<Void> initialize() {
            return HalResult.ok();
        }

        @Override
        public HalResult<Void> shutdown() {
            return HalResult.ok();
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public Set<HalCapability> capabilities() {
            return Set.of();
        }

        @Override
        public PerformanceTier performanceTier() {
            return PerformanceTier.forTotalMemory(Runtime.getRuntime().maxMemory());
        }

        @Override
        public PlatformInfo platformInfo() {
            return new PlatformInfo("test", "test", "", 1 << 20, 8, 1 << 20, 1, 0);
        }
    }
}
