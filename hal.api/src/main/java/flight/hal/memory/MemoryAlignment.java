package flight.hal.memory;

import flight.hal.PowerOfTwo;

/** The alignments engines ask for by name; any power of two a driver supports can also be asked for in bytes. */
public enum MemoryAlignment {
    NONE(1),
    WORD(8),
    SIMD(16),
    CACHE_LINE(64),
    GPU(256),
    PAGE(4096);

    private final int bytes;

    MemoryAlignment(int bytes) {
        this.bytes = bytes;
    }

    /** The alignment in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether {@code alignment} is a positive power of two no larger than {@code maxAlignment}. */
    public static boolean isPowerOfTwoWithin(int alignment, int maxAlignment) {
        return PowerOfTwo.is(alignment) && alignment <= maxAlignment;
    }
}
