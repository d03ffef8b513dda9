package flight.hal.compliance.internal;

import java.time.Duration;

/** The loop of a long-running stability check: rounds until its length has passed, never fewer than one. */
final class Soak {

    /** One round of a soak; {@code round} counts from 0. */
    @FunctionalInterface
    interface Round {
        void run(long round) throws Exception;
    }

    private Soak() {
    }

    /** {@code "1 s"}, {@code "0.2 s"}: a soak's length for a report. */
    static String length(Duration length) {
        return MemoryStress.format(length.toMillis() / 1000.0) + " s";
    }

    /**
     * Runs {@code round} again and again for {@code length} (a timed loop, not a sleep), stopping early when the kit
     * abandons the check (its thread is interrupted).
     *
     * @return the number of rounds run
     */
    static long run(Duration length, Round round) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        long rounds = 0;
        do {
            round.run(rounds++);
        } while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted());
        return rounds;
    }
}
