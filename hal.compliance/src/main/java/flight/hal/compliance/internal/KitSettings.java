package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kit's settings, from Config Admin PID {@value #PID} (all optional).
 *
 * @param callTimeoutMillis  how long one describing or lifecycle call may take ({@code initialize()},
 *                           {@code platformInfo()}, {@code capabilities()}, {@code shutdown()}); {@value #CALL_TIMEOUT}
 * @param checkTimeoutMillis how long one check may take, soak excluded; {@value #CHECK_TIMEOUT}
 * @param soak               how long the long-running stability checks run; {@value #SOAK_SECONDS}
 */
record KitSettings(long callTimeoutMillis, long checkTimeoutMillis, Duration soak) {
    static final String PID = "flight.hal.compliance";
    static final String CALL_TIMEOUT = "call.timeout.ms";
    static final String CHECK_TIMEOUT = "check.timeout.ms";
    static final String SOAK_SECONDS = "soak.seconds";
    static final KitSettings DEFAULTS = new KitSettings(5_000, 60_000, Duration.ofSeconds(1));
    /** The longest soak the kit runs, so a typo cannot tie up the shell for days. */
    static final Duration LONGEST_SOAK = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(KitSettings.class);

    /** The settings in {@code properties}; a missing or unusable value keeps its default (logged). */
    static KitSettings of(Map<String, ?> properties) {
        long call = positive(properties, CALL_TIMEOUT, DEFAULTS.callTimeoutMillis);
        long check = positive(properties, CHECK_TIMEOUT, DEFAULTS.checkTimeoutMillis);
        long soak = positive(properties, SOAK_SECONDS, DEFAULTS.soak.toSeconds());
        return new KitSettings(call, check, Duration.ofSeconds(Math.min(soak, LONGEST_SOAK.toSeconds())));
    }

    /** These settings with a soak of {@code seconds}, or unchanged for a negative number (none given). */
    KitSettings withSoak(long seconds) {
        return seconds < 0 ? this : new KitSettings(callTimeoutMillis, checkTimeoutMillis,
                Duration.ofSeconds(Math.min(Math.max(1, seconds), LONGEST_SOAK.toSeconds())));
    }

    private static long positive(Map<String, ?> properties, String key, long fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(String.valueOf(value).trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        LOG.warn("compliance kit: {} = '{}' is not a positive whole number; using {}", key, value, fallback);
        return fallback;
    }
}
