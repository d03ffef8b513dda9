package flight.hal.driver.psp.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.MemoryDriver;

/**
 * 32 MB of main RAM and the Media Engine's partition for requests flagged {@code MEDIA_PROCESSING} or typed {@code
 * MEDIA}.
 */
@Component(service = MemoryDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = PspMemoryDriver.NAME,
        service_ranking = Psp.RANKING)
public class PspMemoryDriver extends PartitionedMemoryDriver {
    static final String NAME = "psp.memory";

    public PspMemoryDriver() {
        super(NAME, Psp.MEMORY);
    }

    @Override
    protected PlatformProfile platform() {
        return Psp.PLATFORM;
    }
}
