package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/** Fast 64-bit pseudo-random numbers ({@code hn4_hal_get_random_u64}); not for cryptography. Thread-safe. */
@ProviderType
public interface RandomSource {

    /** The next 64 random bits. */
    long nextLong();
}
