package flight.hal.resources.internal;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether acquisitions record where they happened, so a leak report can say: like Netty's leak detector, by sampling
 * one acquisition in {@code samplingInterval} on average ({@link Mode#SAMPLED}), every one ({@link Mode#PARANOID}),
 * or none.
 */
record LeakTracking(Mode mode, int samplingInterval) {
    static final LeakTracking DEFAULT = new LeakTracking(Mode.SAMPLED, 128);

    enum Mode {
        DISABLED, SAMPLED, PARANOID;

        static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The acquisition site, as a throwable whose stack trace is the caller's; null when not sampled. */
    Throwable sample() {
        boolean record = switch (mode) {
            case DISABLED -> false;
            case PARANOID -> true;
            case SAMPLED -> ThreadLocalRandom.current().nextInt(samplingInterval) == 0;
        };
        return record ? new Throwable("acquired here") : null;
    }
}
