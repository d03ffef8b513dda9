package flight.hal.driver.host.internal.memory;

import java.util.Map;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host memory driver's own component properties, read once per activation or modification. Its priority is
 * not among them: that is the registration's {@code service.ranking}, which the driver does not read.
 *
 * @param maxAllocationBytes the {@code max.allocation.bytes} property: a lower cap on a single allocation, if set
 */
record HostMemoryConfig(OptionalLong maxAllocationBytes) {

    static final String MAX_ALLOCATION_BYTES = "max.allocation.bytes";

    /** The configuration of a driver that was never activated. */
    static final HostMemoryConfig DEFAULT = new HostMemoryConfig(OptionalLong.empty());

    private static final Logger LOG = LoggerFactory.getLogger(HostMemoryConfig.class);

    /** Reads the properties; a malformed or non-positive value is logged and ignored. */
    static HostMemoryConfig from(Map<String, ?> properties) {
        OptionalLong max = number(properties, MAX_ALLOCATION_BYTES);
        if (max.isPresent() && max.getAsLong() <= 0) {
            LOG.warn("ignoring {}={}: the limit must be positive", MAX_ALLOCATION_BYTES, max.getAsLong());
            max = OptionalLong.empty();
        }
        return new HostMemoryConfig(max);
    }

    /** A numeric property given as a number or as a string (Config Admin files may hold either). */
    private static OptionalLong number(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return OptionalLong.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                LOG.warn("ignoring {}={}: not a number", key, text);
            }
        } else if (value != null) {
            LOG.warn("ignoring {}={}: not a number", key, value);
        }
        return OptionalLong.empty();
    }
}
