package flight.hal;

/**
 * The one power-of-two rule of the HAL: alignments, block sizes and page sizes are all checked by it, so that every
 * contract means the same by "a power of two".
 *
 * @since 2.0
 */
public final class PowerOfTwo {

    private PowerOfTwo() {
    }

    /** Whether {@code value} is a positive power of two (1, 2, 4, ...). */
    public static boolean is(long value) {
        return value > 0 && (value & (value - 1)) == 0;
    }
}
