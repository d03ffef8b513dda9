package flight.hal.driver.psp.internal;

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

/** The Sony PSP (PSP-2000 and later, with the Media Engine) as the Flight HAL platform guide describes it. */
final class Psp {
    /** Above the host drivers' 10: installing the profile moves the HAL onto it. */
    static final int RANKING = 50;

    static final long MAIN_RAM = 32L * 1024 * 1024;
    static final long MEDIA_ENGINE_RAM = 2L * 1024 * 1024;
    static final int PLATFORM_ALIGNMENT = 16;
    static final long VRAM = 2L * 1024 * 1024;

    /** 70 % of main RAM in 16-byte aligned blocks of at least 1 KB, for every kind of request. */
    private static final PartitionSpec MAIN_PARTITION = PartitionSpec.share("main", MemoryType.SYSTEM, 0, MAIN_RAM, 0.7,
            PLATFORM_ALIGNMENT, 1024, MemoryType.SYSTEM, MemoryType.AUDIO, MemoryType.NETWORK, MemoryType.SHARED);
    /** 80 % of the Media Engine's RAM: MEDIA requests, and MEDIA_PROCESSING ones before they fall back to main. */
    private static final PartitionSpec MEDIA_ENGINE_PARTITION = PartitionSpec.share("media-engine", MemoryType.MEDIA,
            MAIN_RAM, MEDIA_ENGINE_RAM, 0.8, PLATFORM_ALIGNMENT, 512, MemoryType.MEDIA)
            .preferredFor(MemoryFlag.MEDIA_PROCESSING);

    /** The largest block there is: the whole main partition. */
    static final long MAX_ALLOCATION = MAIN_PARTITION.capacity();

    static final MemoryLayout MEMORY = new MemoryLayout(MAIN_RAM + MEDIA_ENGINE_RAM,
            List.of(MAIN_PARTITION, MEDIA_ENGINE_PARTITION), MAX_ALLOCATION, 0);

    static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Sony PSP", "MIPS R4000 (Allegrex)", "PSPSDK profile", MAIN_RAM, PLATFORM_ALIGNMENT,
                    MAX_ALLOCATION, 2, 0),
            EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.HARDWARE_3D, HalCapability.DUAL_CORE),
            PerformanceTier.LIMITED);

    /** The Graphics Engine: a 480x272 display, 2 MB of VRAM. */
    static final GraphicsLimits GRAPHICS = new GraphicsLimits(480, 272,
            EnumSet.of(PixelFormat.RGB565, PixelFormat.ARGB1555, PixelFormat.RGBA8888), VRAM);

    private Psp() {
    }
}
