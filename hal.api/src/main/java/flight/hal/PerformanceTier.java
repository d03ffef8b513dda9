package flight.hal;

/** How much a platform can do, from a 16 MB console ({@link #MINIMAL}) to a desktop ({@link #HIGH}). */
public enum PerformanceTier {
    /** Below 32 MB of memory, no threading: Dreamcast class. */
    MINIMAL,
    /** Below 256 MB: PSP class. */
    LIMITED,
    /** A sandboxed or mid-range platform: browsers. */
    STANDARD,
    /** A desktop or server machine. */
    HIGH;

    /** The tier the design documents assign by total memory: below 32 MB minimal, below 256 MB limited, else high. */
    public static PerformanceTier forTotalMemory(long totalMemoryBytes) {
        if (totalMemoryBytes < 32L * 1024 * 1024) {
            return MINIMAL;
        }
        return totalMemoryBytes < 256L * 1024 * 1024 ? LIMITED : HIGH;
    }
}
