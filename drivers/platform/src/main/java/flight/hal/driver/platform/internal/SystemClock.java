package flight.hal.driver.platform.internal;

import org.osgi.service.component.annotations.Component;

import flight.hal.platform.PlatformClock;

/** Monotonic time from {@link System#nanoTime()}. */
@Component(service = PlatformClock.class)
public class SystemClock implements PlatformClock {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
