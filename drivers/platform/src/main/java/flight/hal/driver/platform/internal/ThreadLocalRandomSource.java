package flight.hal.driver.platform.internal;

import java.util.concurrent.ThreadLocalRandom;

import org.osgi.service.component.annotations.Component;

import flight.hal.platform.RandomSource;

/** Fast 64-bit pseudo-random numbers: each thread its own generator, so callers never contend. */
@Component(service = RandomSource.class)
public class ThreadLocalRandomSource implements RandomSource {

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }
}
