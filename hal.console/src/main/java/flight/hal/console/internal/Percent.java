package flight.hal.console.internal;

/** How much of a bar a value fills. */
final class Percent {

    private Percent() {
    }

    /** {@code part} of {@code whole} in percent, 0 for an empty whole, at most 100. */
    static double of(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return Math.min(100.0, 100.0 * part / whole);
    }
}
