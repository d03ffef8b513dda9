package flight.hal.driver.dreamcast.internal;

import java.util.EnumSet;
import java.util.List;

import flight.hal.HalCapability;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryLayout;
import flight.hal.driver.support.memory.PartitionSpec;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.PixelFormat;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;

/** The Sega Dreamcast as the Flight HAL platform guide describes it. */
final class Dreamcast {
    /** Above the host drivers' 10: installing the profile moves the HAL onto it. */
    static final int RANKING = 50;

    static final long MAIN_RAM = 16L * 1024 * 1024;
    static final long MAX_ALLOCATION = 1024 * 1024;
    static final int PLATFORM_ALIGNMENT = 32;
    static final long TEXTURE_RAM = 8L * 1024 * 1024;

    static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Sega Dreamcast", "SH-4", "KallistiOS profile", MAIN_RAM, PLATFORM_ALIGNMENT,
                    MAX_ALLOCATION, 1, 0),
            EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.MINIMAL);

    /** 80 % of main RAM in 64-byte aligned blocks of at least 4 KB. */
    private static final PartitionSpec MAIN_PARTITION =
            PartitionSpec.share("main", MemoryType.SYSTEM, 0, MAIN_RAM, 0.8, 64, 4096, MemoryType.SYSTEM);
    /**
     * 10 % of main RAM, 32-byte aligned, only for requests that allow scratch memory, once the main partition is full.
     */
    private static final PartitionSpec SCRATCH_PARTITION = PartitionSpec.share("scratch", MemoryType.SCRATCH,
            MAIN_PARTITION.offset() + MAIN_PARTITION.capacity(), MAIN_RAM, 0.1, PLATFORM_ALIGNMENT, PLATFORM_ALIGNMENT)
            .fallbackFor(MemoryFlag.ALLOW_SCRATCH);

    static final MemoryLayout MEMORY =
            new MemoryLayout(MAIN_RAM, List.of(MAIN_PARTITION, SCRATCH_PARTITION), MAX_ALLOCATION, 0);

    /** PowerVR2: at most 640x480, 16-bit formats only, 8 MB of texture memory. */
    static final GraphicsLimits GRAPHICS =
            new GraphicsLimits(640, 480, EnumSet.of(PixelFormat.RGB565, PixelFormat.ARGB1555), TEXTURE_RAM);

    private Dreamcast() {
    }
}
