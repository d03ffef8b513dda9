package flight.hal.resources;

import java.util.Locale;
import java.util.Optional;

/** The categories of resources the manager budgets, with the bits the Flight HAL design documents give them. */
public enum ResourceType {
    /** Physical hardware resources: timers, DMA channels, GPU buffers. */
    HARDWARE(0x01),
    /** Memory regions, pools, caches. */
    MEMORY(0x02),
    /** CPU time, bandwidth limits. */
    PERFORMANCE(0x04),
    /** Message queues, event channels. */
    COMMUNICATION(0x08),
    /** Platform-specific resources. */
    PLATFORM(0x10),
    /** Resources an application defines itself. */
    CUSTOM(0x80000000);

    private final int bits;

    ResourceType(int bits) {
        this.bits = bits;
    }

    /** The type's bit, as in the design documents. */
    public int bits() {
        return bits;
    }

    /** The type named {@code name}, ignoring case and surrounding blanks; empty for anything else. */
    public static Optional<ResourceType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (ResourceType type : values()) {
            if (type.name().equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
