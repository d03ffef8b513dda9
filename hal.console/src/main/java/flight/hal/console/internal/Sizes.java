package flight.hal.console.internal;

import java.util.Locale;

/** Byte counts and rates as people read them: {@code 14.1 GiB (15,165,584,179 B)}. */
final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** {@code 512 B}, or {@code 1.5 KiB (1,536 B)} from 1 KiB on. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%,d B)", value, UNITS[unit], bytes);
    }

    /** A rate in bytes per second, short: {@code 12.3 MiB/s}. */
    static String rate(double bytesPerSecond) {
        int unit = 0;
        double value = bytesPerSecond;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s/s", value, UNITS[unit]);
    }

    /** {@code part} of {@code whole} in percent, 0 for an empty whole, at most 100. */
    static double percent(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return Math.min(100.0, 100.0 * part / whole);
    }
}
