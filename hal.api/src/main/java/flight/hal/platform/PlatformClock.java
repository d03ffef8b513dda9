package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/** Monotonic time for timestamps and profiling ({@code hn4_hal_get_time_ns}). */
@ProviderType
public interface PlatformClock {

    /** Nanoseconds from an arbitrary origin; never decreases. */
    long nanoTime();
}
