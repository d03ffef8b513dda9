package flight.hal.driver.support.memory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;

/**
 * A partitioned driver over 64 KiB: a 32 KiB main partition (SYSTEM and AUDIO, 64-byte blocks of at least 1 KiB), an 8
 * KiB media partition preferred for MEDIA_PROCESSING, an 8 KiB scratch partition as the ALLOW_SCRATCH fallback; GC
 * hint above 24 KiB, which it counts instead of collecting.
 */
class TestPartitionedDriver extends PartitionedMemoryDriver {
    static final PartitionSpec MAIN = PartitionSpec.share("main", MemoryType.SYSTEM, 0, 65536, 0.5, 64, 1024,
            MemoryType.SYSTEM, MemoryType.AUDIO);
    static final PartitionSpec MEDIA = new PartitionSpec("media", MemoryType.MEDIA, Set.of(MemoryType.MEDIA), 32768,
            8192, 16, 512, null, null).preferredFor(MemoryFlag.MEDIA_PROCESSING);
    static final PartitionSpec SCRATCH = new PartitionSpec("scratch", MemoryType.SCRATCH, Set.of(), 40960, 8192, 32,
            32, null, null).fallbackFor(MemoryFlag.ALLOW_SCRATCH);
    static final MemoryLayout LAYOUT = new MemoryLayout(65536, List.of(MAIN, MEDIA, SCRATCH), 32768, 24576);

    int gcHints;

    TestPartitionedDriver() {
        super("test.partitioned", LAYOUT);
    }

    /** A driver that is initialized, as the registry would leave it. */
    static TestPartitionedDriver initialized() {
        TestPartitionedDriver driver = new TestPartitionedDriver();
        driver.initialize().orElseThrow();
        return driver;
    }

    @Override
    protected PlatformProfile platform() {
        return new PlatformProfile(new PlatformInfo("Test Console", "test", "", 65536, 16, 32768, 1, 0),
                EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.MINIMAL);
    }

    @Override
    protected void collectGarbage() {
        gcHints++;
    }
}
