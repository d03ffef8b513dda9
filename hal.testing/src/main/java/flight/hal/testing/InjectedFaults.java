package flight.hal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.osgi.service.cm.Configuration;

/** A fault-injecting memory driver {@link HalHarness#injectFaults} registered; closing it removes the driver. */
public final class InjectedFaults implements AutoCloseable {
    private final Configuration configuration;
    private final HalHarness harness;

    InjectedFaults(Configuration configuration, HalHarness harness) {
        this.configuration = configuration;
        this.harness = harness;
    }

    /** Deletes the driver's configuration and waits until the registry no longer lists it. */
    @Override
    public void close() throws InterruptedException {
        String name = String.valueOf(configuration.getProperties().get("hal.driver.name"));
        try {
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        harness.awaitGone(name);
    }
}
