package flight.hal.shell.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Byte counts for people: {@code 14.1 GiB (15,165,584,179 B)} — binary units with one decimal, rounded down so a size
 * never reads larger than it is, then the exact count with thousands separators; below one KiB only the exact count,
 * {@code 512 B}. A negative count is what a source reports when it does not know, and reads {@value #UNKNOWN}.
 */
public final class Sizes {
    /** What a negative count, a size the source does not know, prints as. */
    public static final String UNKNOWN = "unknown";
    /** What an unlimited budget or maximum prints as, for the callers that know it is one. */
    public static final String UNLIMITED = "unlimited";
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** {@code bytes} for people; see the class comment. */
    public static String of(long bytes) {
        if (bytes < 0) {
            return UNKNOWN;
        }
        String exact = exact(bytes);
        if (bytes < 1024) {
            return exact;
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;   // 1 for KiB .. 6 for EiB
        BigDecimal scaled = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << (10 * unit)), 1,
                RoundingMode.DOWN);
        return scaled.toPlainString() + " " + UNITS[unit - 1] + " (" + exact + ")";
    }

    /** {@link #UNLIMITED} when {@code unlimited}, else {@link #of(long)}. */
    public static String limit(long bytes, boolean unlimited) {
        return unlimited ? UNLIMITED : of(bytes);
    }

    /**
     * A transfer rate, short because it changes every second: {@code 12.3 MiB/s}, {@code 512.0 B/s}; rounded down like
     * {@link #of(long)}. A negative or NaN rate (one the source does not know) reads {@value #UNKNOWN}.
     */
    public static String rate(double bytesPerSecond) {
        if (!(bytesPerSecond >= 0)) {
            return UNKNOWN;
        }
        int unit = 0;
        double value = bytesPerSecond;
        while (value >= 1024 && unit < UNITS.length) {
            value /= 1024;
            unit++;
        }
        BigDecimal shown = new BigDecimal(value).setScale(1, RoundingMode.DOWN);   // the exact binary value
        return shown.toPlainString() + " " + (unit == 0 ? "B" : UNITS[unit - 1]) + "/s";
    }

    /** The exact count with thousands separators and the unit: {@code 15,165,584,179 B}. */
    private static String exact(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes);
    }
}
