package flight.hal.testkit;

import net.jqwik.api.statistics.Statistics;

/** Reports how many driver calls one try made, in buckets of ten, in the property's statistics. */
final class CallCount {

    private CallCount() {
    }

    static void report(long calls) {
        long bucket = calls / 10 * 10;
        Statistics.label("driver calls per try").collect(bucket + "-" + (bucket + 9));
    }
}
