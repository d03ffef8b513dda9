package flight.hal.testkit;

/** The bytes a model writes: cheap to make from a seed and an index, and different for every seed. */
final class Pattern {

    private Pattern() {
    }

    static byte byteAt(long seed, long index) {
        long mixed = (seed + index) * 0x9E3779B97F4A7C15L;
        return (byte) (mixed >>> 56);
    }
}
