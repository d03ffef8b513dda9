package flight.hal.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Negative;

class SizesTest {
    private static final Pattern SCALED = Pattern.compile("(\\d+)\\.(\\d) ([KMGTPE])iB \\(([0-9,]+) B\\)");
    private static final List<String> UNITS = List.of("K", "M", "G", "T", "P", "E");

    @Property
    void theExactCountReadsBackAndTheScaledFigureIsTheCountRoundedDown(@ForAll @LongRange(min = 1024) long bytes) {
        String text = Sizes.of(bytes);
        Matcher parts = SCALED.matcher(text);
        assertTrue(parts.matches(), text);
        assertEquals(bytes, Long.parseLong(parts.group(4).replace(",", "")), text);
        BigDecimal unit = BigDecimal.valueOf(2).pow(10 * (UNITS.indexOf(parts.group(3)) + 1));
        BigDecimal shown = new BigDecimal(parts.group(1) + "." + parts.group(2)).multiply(unit);
        BigDecimal tenth = unit.divide(BigDecimal.TEN);
        assertTrue(shown.compareTo(BigDecimal.valueOf(bytes)) <= 0, text + " reads larger than it is");
        assertTrue(shown.add(tenth).compareTo(BigDecimal.valueOf(bytes)) > 0, text + " is short by a tenth or more");
        int whole = Integer.parseInt(parts.group(1));
        assertTrue(whole >= 1 && whole < 1024, text + ": the largest unit whose figure is at least 1");
    }

    @Property
    void belowOneKibibyteOnlyTheExactCount(@ForAll @LongRange(min = 0, max = 1023) long bytes) {
        String text = Sizes.of(bytes);
        assertTrue(text.matches("\\d{1,3}(,\\d{3})? B"), text);
        assertEquals(bytes, Long.parseLong(text.replace(",", "").replace(" B", "")), text);
    }

    @Property
    void aNegativeCountIsUnknown(@ForAll @Negative long bytes) {
        assertEquals(Sizes.UNKNOWN, Sizes.of(bytes));
    }

    @Test
    void unitBoundaries() {
        assertEquals("1,023 B", Sizes.of(1023));
        assertEquals("1.0 KiB (1,024 B)", Sizes.of(1024));
        assertEquals("1023.9 KiB (1,048,575 B)", Sizes.of(1024 * 1024 - 1));
        assertEquals("1.0 MiB (1,048,576 B)", Sizes.of(1024 * 1024));
        assertEquals("14.1 GiB (15,165,584,179 B)", Sizes.of(15_165_584_179L));
        assertEquals("7.9 EiB (9,223,372,036,854,775,807 B)", Sizes.of(Long.MAX_VALUE));
        assertEquals("0 B", Sizes.of(0));
    }

    @Test
    void anUnlimitedLimitSaysSo() {
        assertEquals(Sizes.UNLIMITED, Sizes.limit(Long.MAX_VALUE, true));
        assertEquals("512 B", Sizes.limit(512, false));
    }

    @Test
    void ratesAreShortAndRoundedDown() {
        assertEquals("0.0 B/s", Sizes.rate(0));
        assertEquals("1023.9 B/s", Sizes.rate(1023.99));
        assertEquals("1.0 KiB/s", Sizes.rate(1024));
        assertEquals("12.3 MiB/s", Sizes.rate(12.39 * 1024 * 1024));
        assertEquals(Sizes.UNKNOWN, Sizes.rate(-1));
        assertEquals(Sizes.UNKNOWN, Sizes.rate(Double.NaN));
    }

    @Property
    void aRateNeverReadsLargerThanItIs(@ForAll @LongRange(min = 0, max = 1L << 53) long bytesPerSecond) {
        Matcher parts = Pattern.compile("(\\d+\\.\\d) (B|[KMGTPE]iB)/s").matcher(Sizes.rate(bytesPerSecond));
        assertTrue(parts.matches(), Sizes.rate(bytesPerSecond));
        int power = parts.group(2).equals("B") ? 0 : UNITS.indexOf(parts.group(2).substring(0, 1)) + 1;
        BigDecimal shown = new BigDecimal(parts.group(1)).multiply(BigDecimal.valueOf(2).pow(10 * power));
        assertTrue(shown.compareTo(BigDecimal.valueOf(bytesPerSecond)) <= 0, Sizes.rate(bytesPerSecond));
    }
}
