package flight.hal.registry.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;

/**
 * The registry's configuration (PID {@code flight.hal.registry}), read once per change: time bounds, what happens to
 * the objects of a driver that is left, capabilities required per interface, and pins.
 *
 * @param drainTimeoutNanos  how long leaving a driver waits for its open leases
 * @param initTimeoutNanos   how long a driver's initialize(), shutdown(), export or adoption may take
 * @param dropOnLeave        {@code retiring.policy=drop}: a driver that is left is shut down at once, its objects dropped
 * @param required           capabilities required per interface, by class name or simple name
 * @param pins               pinned drivers
 */
record RegistrySettings(long drainTimeoutNanos, long initTimeoutNanos, boolean dropOnLeave,
                        Map<String, Set<HalCapability>> required, Pins pins) {
    static final String DRAIN_TIMEOUT = "lease.drain.timeout.ms";
    static final String INIT_TIMEOUT = "initialize.timeout.ms";
    static final String RETIRING_POLICY = "retiring.policy";
    static final String REQUIRE_PREFIX = "require.";
    static final long DEFAULT_TIMEOUT_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrySettings.class);

    static RegistrySettings from(Map<String, Object> configuration, Pins pins) {
        Map<String, Set<HalCapability>> required = new HashMap<>();
        configuration.forEach((key, value) -> {
            if (key.startsWith(REQUIRE_PREFIX)) {
                required.put(key.substring(REQUIRE_PREFIX.length()), capabilities(key, value));
            }
        });
        Object policy = configuration.get(RETIRING_POLICY);
        boolean drop = policy != null && "drop".equalsIgnoreCase(policy.toString().trim());
        if (policy != null && !drop && !"keep".equalsIgnoreCase(policy.toString().trim())) {
            LOG.warn("{}={} is neither keep nor drop; keeping the objects of drivers that are left", RETIRING_POLICY,
                    policy);
        }
        return new RegistrySettings(millis(configuration, DRAIN_TIMEOUT), millis(configuration, INIT_TIMEOUT), drop,
                Map.copyOf(required), pins);
    }

    /** What every driver of {@code interfaceName} must have. */
    Set<HalCapability> requiredOf(String interfaceName) {
        Set<HalCapability> byClass = required.get(interfaceName);
        return byClass != null ? byClass
                : required.getOrDefault(interfaceName.substring(interfaceName.lastIndexOf('.') + 1), Set.of());
    }

    /** How long a caller waits for selection work: leaving a driver, handing its objects over, initializing another. */
    long workBoundNanos() {
        return 2 * drainTimeoutNanos + 4 * initTimeoutNanos;
    }

    /** A milliseconds setting; a missing, malformed or negative value is logged and replaced by the default. */
    static long millis(Map<String, Object> configuration, String key) {
        Object configured = configuration.get(key);
        if (configured != null) {
            try {
                long millis = Long.parseLong(configured.toString().trim());
                if (millis >= 0) {
                    return TimeUnit.MILLISECONDS.toNanos(millis);
                }
            } catch (NumberFormatException malformed) {
                // reported below
            }
            LOG.warn("{}={} is not a number of milliseconds >= 0; using {}", key, configured, DEFAULT_TIMEOUT_MS);
        }
        return TimeUnit.MILLISECONDS.toNanos(DEFAULT_TIMEOUT_MS);
    }

    private static Set<HalCapability> capabilities(String key, Object value) {
        Set<HalCapability> capabilities = EnumSet.noneOf(HalCapability.class);
        for (String name : String.valueOf(value).split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                capabilities.add(HalCapability.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                LOG.warn("{}: '{}' is not a HAL capability; ignored", key, name);
            }
        }
        return Set.copyOf(capabilities);
    }
}
