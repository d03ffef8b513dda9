package flight.hal.testkit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import flight.hal.PowerOfTwo;

/** Generators of the numbers a careless or hostile caller passes: every one must be refused with an error result. */
public final class BadNumbers {

    private BadNumbers() {
    }

    /** Sizes and counts that are zero or negative, with the extremes always among them. */
    public static Arbitrary<Long> nonPositive() {
        return Arbitraries.oneOf(Arbitraries.of(0L, -1L, Long.MIN_VALUE, (long) Integer.MIN_VALUE),
                Arbitraries.longs().lessOrEqual(0));
    }

    /** Sizes larger than {@code limit}: just over it, far over it, and the ones whose sums and products overflow. */
    public static Arbitrary<Long> over(long limit) {
        long justOver = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + 1;
        return Arbitraries.oneOf(Arbitraries.of(justOver, Long.MAX_VALUE, 1L << 62, Long.MAX_VALUE / 2 + 1),
                Arbitraries.longs().between(justOver, Long.MAX_VALUE));
    }

    /** Ints that are zero or negative. */
    public static Arbitrary<Integer> nonPositiveInts() {
        return Arbitraries.oneOf(Arbitraries.of(0, -1, Integer.MIN_VALUE), Arbitraries.integers().lessOrEqual(0));
    }

    /** Ints that make a product or a sum with another int overflow: {@code Integer.MAX_VALUE} and its neighbours. */
    public static Arbitrary<Integer> overflowingInts() {
        return Arbitraries.oneOf(Arbitraries.of(Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 65_536),
                Arbitraries.integers().between(1 << 20, Integer.MAX_VALUE));
    }

    /** Alignments that are not positive powers of two. */
    public static Arbitrary<Integer> notPowersOfTwo() {
        return Arbitraries.oneOf(Arbitraries.of(0, -1, 3, 6, 100, Integer.MIN_VALUE, Integer.MAX_VALUE),
                Arbitraries.integers().filter(value -> !PowerOfTwo.is(value)));
    }

    /** Handles no driver issued: 0, and random values (with overwhelming probability foreign to any driver). */
    public static Arbitrary<Long> strayHandles() {
        return Arbitraries.oneOf(Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE), Arbitraries.longs());
    }
}
