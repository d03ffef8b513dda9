package flight.hal.resources.internal;

/**
 * The one place where the accounting adds sizes. Sizes and usages are never negative and limits never exceed
 * {@link Long#MAX_VALUE}, so a sum that would pass {@code Long.MAX_VALUE} is judged by subtracting from the limit
 * instead of adding: no sum ever wraps around to a negative usage, and nothing is boxed or thrown on any path.
 */
final class ByteSums {

    private ByteSums() {
    }

    /** Whether {@code bytes} more on top of {@code used} stay within {@code limit} (both at least 0). */
    static boolean fits(long used, long bytes, long limit) {
        return bytes <= limit - used;
    }

    /**
     * How many bytes are missing for {@code bytes} more on top of {@code used} to fit {@code limit}: 0 when they fit,
     * {@code Long.MAX_VALUE} when the shortfall itself is larger than any usage can be.
     */
    static long shortfall(long used, long bytes, long limit) {
        long headroom = limit - used; // never overflows: both are between 0 and Long.MAX_VALUE
        if (bytes <= headroom) {
            return 0;
        }
        return headroom < 0 && bytes > Long.MAX_VALUE + headroom ? Long.MAX_VALUE : bytes - headroom;
    }

    /** {@code a + b} of two non-negative counts of bytes, or {@code Long.MAX_VALUE} where it would overflow. */
    static long saturatedSum(long a, long b) {
        return fits(a, b, Long.MAX_VALUE) ? a + b : Long.MAX_VALUE;
    }
}
