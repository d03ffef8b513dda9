package flight.hal.driver.web.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import flight.hal.HalCapability;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.MemoryLayout;
import flight.hal.driver.support.memory.PartitionSpec;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.PixelFormat;
import flight.hal.memory.MemoryType;

/** A browser running the engine as WebAssembly, as the Flight HAL platform guide describes it. */
final class Web {
    /** Above the host drivers' 10: installing the profile moves the HAL onto it. */
    static final int RANKING = 50;

    static final long MEMORY_LIMIT = 50L * 1024 * 1024;
    static final long GC_THRESHOLD = 40L * 1024 * 1024;
    static final int PLATFORM_ALIGNMENT = 8;
    /** The WebAssembly page. */
    static final int PAGE_SIZE = 64 * 1024;
    /** Web workers the profile runs, and the tasks it lets wait for them at once. */
    static final int WORKERS = 4;
    static final int MAX_ADMITTED_TASKS = 256;
    /** A common WebGL {@code MAX_TEXTURE_SIZE}. */
    static final int MAX_TEXTURE_SIZE = 4096;

    /** The whole 50 MB linear memory, 8-byte aligned, for every kind of request. */
    private static final PartitionSpec HEAP = new PartitionSpec("heap", MemoryType.SYSTEM,
            Set.of(MemoryType.SYSTEM, MemoryType.AUDIO, MemoryType.NETWORK, MemoryType.SHARED), 0, MEMORY_LIMIT,
            PLATFORM_ALIGNMENT, PLATFORM_ALIGNMENT, null, null);

    static final MemoryLayout MEMORY = new MemoryLayout(MEMORY_LIMIT, List.of(HEAP), MEMORY_LIMIT, GC_THRESHOLD);

    static final PlatformProfile PLATFORM = new PlatformProfile(
            new PlatformInfo("Web Browser", "WebAssembly", "Emscripten profile", MEMORY_LIMIT, PLATFORM_ALIGNMENT,
                    MEMORY_LIMIT, WORKERS, PAGE_SIZE),
            EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.WEBGL, HalCapability.WEB_AUDIO,
                    HalCapability.SANDBOX_RESTRICTIONS),
            PerformanceTier.STANDARD);

    /**
     * WebGL: the texture formats it has (its 5551 format keeps alpha in the low bit, unlike ARGB1555), textures up
     * to 4096x4096, and the tab's 50 MB limit applied to graphics memory too, counted apart from the memory driver's.
     */
    static final GraphicsLimits GRAPHICS = new GraphicsLimits(MAX_TEXTURE_SIZE, MAX_TEXTURE_SIZE,
            EnumSet.of(PixelFormat.RGBA8888, PixelFormat.RGB888, PixelFormat.RGB565), MEMORY_LIMIT);

    private Web() {
    }
}
