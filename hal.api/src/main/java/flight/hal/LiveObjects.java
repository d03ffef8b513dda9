package flight.hal;

/**
 * What a driver still holds for its clients: objects handed out by handle and not yet released.
 *
 * @param count objects (allocations, buffers, render targets, ...)
 * @param bytes bytes they take
 *
 * @since 1.1
 */
public record LiveObjects(long count, long bytes) {
    /** Nothing. */
    public static final LiveObjects NONE = new LiveObjects(0, 0);

    /** Whether there is nothing. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Both together; sums that would overflow stay at {@link Long#MAX_VALUE}. */
    public LiveObjects plus(LiveObjects other) {
        return new LiveObjects(saturatedAdd(count, other.count), saturatedAdd(bytes, other.bytes));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public String toString() {
        return count + " object(s), " + bytes + " bytes";
    }
}
