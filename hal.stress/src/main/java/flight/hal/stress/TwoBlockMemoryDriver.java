package flight.hal.stress;

import java.util.EnumSet;
import java.util.List;

import flight.hal.HalCapability;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryLayout;
import flight.hal.driver.support.memory.PartitionSpec;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryType;

/**
 * The platform profiles' partitioned memory driver over a region of exactly two blocks, so that a test can race for the
 * last ones. Initialized on construction: every test state gets its own region.
 */
final class TwoBlockMemoryDriver extends PartitionedMemoryDriver {
    static final int BLOCK = 64;
    /** A request for one whole block. */
    static final AllocationRequest ONE_BLOCK = AllocationRequest.of(BLOCK);

    private static final MemoryLayout LAYOUT = new MemoryLayout(2 * BLOCK, List.of(new PartitionSpec("main",
            MemoryType.SYSTEM, EnumSet.of(MemoryType.SYSTEM), 0, 2 * BLOCK, BLOCK, BLOCK, null, null)), BLOCK, 0);
    private static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("stress", "any", "two blocks", 2 * BLOCK, BLOCK, BLOCK, 1, 0),
            EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.MINIMAL);

    TwoBlockMemoryDriver() {
        super("stress.memory", LAYOUT);
        initialize().orElseThrow();
    }

    @Override
    protected PlatformProfile platform() {
        return PLATFORM;
    }
}
