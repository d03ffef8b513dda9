package flight.hal.driver.dreamcast.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriver;
import flight.hal.graphics.GraphicsDriver;

/** The PowerVR2's limits in software: 640x480 at most, RGB565 and ARGB1555, 8 MB of texture memory. */
@Component(service = GraphicsDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = GraphicsDriver.class, hal_driver_name = DreamcastGraphicsDriver.NAME,
        service_ranking = Dreamcast.RANKING)
public class DreamcastGraphicsDriver extends SoftwareGraphicsDriver {
    static final String NAME = "dreamcast.graphics";

    public DreamcastGraphicsDriver() {
        super(NAME, Dreamcast.GRAPHICS);
    }

    @Override
    protected PlatformProfile platform() {
        return Dreamcast.PLATFORM;
    }
}
