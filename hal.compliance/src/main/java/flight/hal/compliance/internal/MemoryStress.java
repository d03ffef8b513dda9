package flight.hal.compliance.internal;

import java.util.Locale;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.compliance.Measurement;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.shell.format.Sizes;

/** Memory checks that fill the driver: efficiency, exhaustion and recovery, pressure. */
final class MemoryStress {
    private static final double PRESSURE_SHARE = 0.9;
    private static final int PRESSURE_CYCLES = 300;

    private final MemoryDriver memory;
    private final Sla sla;
    /** The first fill, made by the efficiency check and examined by the exhaustion check. */
    private Fill first;
    private MemoryStats before;
    private HalError refusal;

    MemoryStress(MemoryDriver memory, Sla sla) {
        this.memory = memory;
        this.sla = sla;
    }

    /** Why the driver is not filled, or null when it may be. */
    private String tooLargeToFill() {
        long managed = Expect.ok(memory.stats(), "stats()").totalBytes();
        return managed <= Fill.CAPACITY_LIMIT ? null : "the driver manages " + managed + " bytes; the kit fills only"
                + " drivers of up to " + Fill.CAPACITY_LIMIT + " bytes, as more would endanger the framework's JVM";
    }

    /**
     * Fills the driver until it refuses (kept for {@link #exhaustion()}, to be run next) and measures the share of the free memory
     * that mixed allocations obtained.
     */
    Outcome efficiency() {
        String tooLarge = tooLargeToFill();
        if (tooLarge != null) {
            return Outcome.skip(tooLarge);
        }
        before = Expect.ok(memory.stats(), "stats()");
        if (before.freeBytes() <= 0) {
            return Outcome.skip("the driver reports " + before.freeBytes() + " free bytes: there is nothing to fill");
        }
        Fill fill = new Fill(memory);
        refusal = fill.until(before.freeBytes() + 1);
        first = fill; // only a fill that completed is examined for exhaustion
        if (fill.heldCount() == 0) {
            return Outcome.fail("obtained 0 of " + Sizes.of(before.freeBytes()) + " free: the first allocation was refused"
                    + " with " + refusal);
        }
        double percent = before.freeBytes() == 0 ? 0 : 100.0 * first.heldBytes() / before.freeBytes();
        String requirement = sla.hasEfficiencyLevel() ? "> " + format(sla.minEfficiencyPct()) + " %" : "";
        return Outcome.measured(percent > sla.minEfficiencyPct(), String.format(Locale.ROOT,
                "%d allocations of 4 to 64 KiB obtained %s of %s free before the driver refused",
                first.heldCount(), Sizes.of(first.heldBytes()), Sizes.of(before.freeBytes())),
                new Measurement(percent, "%", requirement, false));
    }

    Outcome exhaustion() {
        String tooLarge = tooLargeToFill();
        if (tooLarge != null) {
            return Outcome.skip(tooLarge);
        }
        if (before != null && before.freeBytes() <= 0) {
            return Outcome.skip("the driver reports " + before.freeBytes() + " free bytes: there is nothing to exhaust");
        }
        Expect.that(first != null, "the fill of the efficiency check did not complete");
        Fill fill = first;
        long handedOut = fill.heldBytes();
        try {
            Expect.that(handedOut > 0, "the driver handed out 0 bytes before it refused: nothing was exhausted");
            Expect.that(refusal != null, "the driver handed out more than the " + before.freeBytes()
                    + " bytes its stats reported free");
            Expect.that(refusal.category() == ErrorCategory.OUT_OF_MEMORY
                    || refusal.category() == ErrorCategory.INSUFFICIENT_RESOURCES,
                    "exhaustion was reported as " + refusal + "; expected OUT_OF_MEMORY or INSUFFICIENT_RESOURCES");
            Expect.that(fill.allocateNext() != null, "an allocation succeeded after the driver reported exhaustion");
            Expect.that(fill.intact(), "allocations overlap: one's bytes were overwritten by another's");
        } finally {
            fill.releaseAll();
        }
        expectBackTo(before);
        Fill again = new Fill(memory);
        try {
            Expect.that(again.until(before.freeBytes() + 1) != null, "the second fill was never refused");
            Expect.that(again.heldBytes() == handedOut, "after releasing everything the driver handed out "
                    + again.heldBytes() + " bytes, where it had handed out " + handedOut);
        } finally {
            again.releaseAll();
        }
        expectBackTo(before);
        return Outcome.pass("exhausted after " + Sizes.of(handedOut) + " (" + refusal.category()
                + "), nothing overlapped, everything released, the same " + Sizes.of(handedOut) + " again");
    }

    Outcome pressure() {
        String tooLarge = tooLargeToFill();
        if (tooLarge != null) {
            return Outcome.skip(tooLarge);
        }
        MemoryStats start = Expect.ok(memory.stats(), "stats()");
        if (start.freeBytes() <= 0) {
            return Outcome.skip("the driver reports " + start.freeBytes() + " free bytes: there is nothing to press");
        }
        Fill fill = new Fill(memory);
        int refused = 0;
        int cycles = 0;
        try {
            long target = Math.max(1, (long) (start.freeBytes() * PRESSURE_SHARE));
            HalError refusal = fill.until(target);
            Expect.that(refusal == null, "refused at " + fill.heldBytes() + " of " + target + " bytes: " + refusal);
            for (; cycles < PRESSURE_CYCLES && fill.heldCount() > 0; cycles++) {
                fill.release(cycles * 7);
                HalError cycleRefusal = fill.allocateNext();
                Expect.that(cycleRefusal == null || cycleRefusal.category() == ErrorCategory.OUT_OF_MEMORY,
                        "under pressure an allocation failed with " + cycleRefusal);
                refused += cycleRefusal == null ? 0 : 1;
            }
            Expect.that(fill.intact(), "allocations overlap: one's bytes were overwritten by another's");
            Expect.that(refused < cycles, "every one of the " + cycles + " allocations under pressure was refused:"
                    + " nothing was allocated under pressure");
        } finally {
            fill.releaseAll();
        }
        expectBackTo(start);
        return Outcome.pass(String.format(Locale.ROOT, "held %.0f %% of the free memory, then %d release and"
                + " allocate cycles (%d refused for lack of memory); nothing overlapped, all released",
                PRESSURE_SHARE * 100, cycles, refused));
    }

    private void expectBackTo(MemoryStats before) {
        MemoryStats after = Expect.ok(memory.stats(), "stats()");
        Expect.that(after.activeAllocations() == before.activeAllocations() && after.usedBytes() == before.usedBytes()
                && after.freeBytes() == before.freeBytes(), "after releasing everything the accounting is " + after
                + ", it was " + before);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f", value);
    }
}
