package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;

import flight.hal.compliance.Measurement;
import flight.hal.shell.format.Sizes;

/** Block device checks under load: throughput through the scratch region, and a soak of writes read back. */
final class StorageLoad {
    private static final long THROUGHPUT_NANOS = 250_000_000L;
    private static final int SOAK_BLOCKS = 16;

    private StorageLoad() {
    }

    /**
     * Bytes written and read back per second: the whole scratch region (up to 1 MiB) written and read in one request
     * each, again and again for a quarter second (a zoned device's scratch zone is reset before each write). Seed
     * 002 sets no storage throughput level, so the figure is reported, not judged.
     */
    static Outcome throughput(Scratch scratch) {
        ByteBuffer data = scratch.pattern(scratch.blocks, 9);
        long moved = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            scratch.fresh();
            scratch.write(scratch.start, data);
            Expect.that(scratch.read(scratch.start, scratch.blocks).equals(data), "the region did not read back");
            moved += 2L * data.capacity();
            elapsed = System.nanoTime() - start;
        } while (elapsed < THROUGHPUT_NANOS);
        double mbps = moved / (elapsed / 1e9) / 1e6;
        return Outcome.measured(true, String.format(Locale.ROOT, "%s written and read back in requests of %s in %.0f ms",
                Sizes.of(moved), Sizes.of(data.capacity()), elapsed / 1e6),
                new Measurement(mbps, "MB/s", "", true));
    }

    /** Long-running stability: a few blocks of a new pattern written and read back, again for the soak's length. */
    static Outcome soak(Scratch scratch, Duration length) throws Exception {
        int blocks = Math.min(SOAK_BLOCKS, scratch.blocks);
        long rounds = Soak.run(length, round -> {
            ByteBuffer data = scratch.pattern(blocks, round + 100);
            scratch.fresh();
            scratch.write(scratch.start, data);
            scratch.expectHolds(scratch.start, data, "round " + round + " did not read back what it wrote");
        });
        return Outcome.pass(Soak.length(length) + ": " + rounds + " rounds of " + blocks + " blocks written and read"
                + " back, each with its own pattern");
    }
}
