package flight.hal.driver.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.memory.PartitionedMemoryDriver;
import flight.hal.memory.MemoryDriver;

/** A 50 MB linear memory; crossing 40 MB in use hints a collection, as a browser would start collecting. */
@Component(service = MemoryDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = WebMemoryDriver.NAME,
        service_ranking = Web.RANKING)
public class WebMemoryDriver extends PartitionedMemoryDriver {
    static final String NAME = "web.memory";

    public WebMemoryDriver() {
        super(NAME, Web.MEMORY);
    }

    @Override
    protected PlatformProfile platform() {
        return Web.PLATFORM;
    }
}
