package flight.hal.driver.storage.internal;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.DriverBase;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;
import flight.hal.platform.GpuTopology;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;

/** Platform drivers the tests inject into a device, as the registry's selected ones would be. */
final class PlatformStubs {
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("test", "test", "", 1 << 20, 8, 1 << 20, 1, 0), Set.of(), PerformanceTier.HIGH);

    private PlatformStubs() {
    }

    /** A sensor whose every reading is {@code reading}'s. */
    static TemperatureSensor sensor(Supplier<HalResult<TemperatureReading>> reading) {
        final class Sensor extends Stub implements TemperatureSensor {
            @Override
            public HalResult<TemperatureReading> read() {
                return reading.get();
            }
        }
        return new Sensor();
    }

    /** A topology of {@code ranges} whose calling GPU is {@code calling}'s; binding is not supported. */
    static GpuTopology topology(List<GpuRange> ranges, Supplier<OptionalInt> calling) {
        final class Topology extends Stub implements GpuTopology {
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

    /** The driver part of a stub: nothing to acquire. */
    private abstract static class Stub extends DriverBase<Boolean> {
        Stub() {
            super("stub");
        }

        @Override
        protected PlatformProfile platform() {
            return PLATFORM;
        }

        @Override
        protected HalResult<Boolean> open() {
            return HalResult.ok(Boolean.TRUE);
        }

        @Override
        protected void close(Boolean closing) {
            // nothing was acquired
        }
    }
}
