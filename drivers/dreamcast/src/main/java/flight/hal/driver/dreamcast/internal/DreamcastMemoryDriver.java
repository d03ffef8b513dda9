package flight.hal.driver.dreamcast.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.MemoryDriver;

/** 16 MB of main RAM: the main partition, and the scratch partition for requests flagged {@code ALLOW_SCRATCH}. */
@Component(service = MemoryDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = DreamcastMemoryDriver.NAME,
        service_ranking = Dreamcast.RANKING)
public class DreamcastMemoryDriver extends PartitionedMemoryDriver {
    static final String NAME = "dreamcast.memory";

    public DreamcastMemoryDriver() {
        super(NAME, Dreamcast.MEMORY);
    }

    @Override
    protected PlatformProfile platform() {
        return Dreamcast.PLATFORM;
    }
}
