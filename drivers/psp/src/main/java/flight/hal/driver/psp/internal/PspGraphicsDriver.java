package flight.hal.driver.psp.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriver;
import flight.hal.graphics.GraphicsDriver;

/** The Graphics Engine's limits in software: the 480x272 display, 16- and 32-bit formats, 2 MB of VRAM. */
@Component(service = GraphicsDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = GraphicsDriver.class, hal_driver_name = PspGraphicsDriver.NAME,
        service_ranking = Psp.RANKING)
public class PspGraphicsDriver extends SoftwareGraphicsDriver {
    static final String NAME = "psp.graphics";

    public PspGraphicsDriver() {
        super(NAME, Psp.GRAPHICS);
    }

    @Override
    protected PlatformProfile platform() {
        return Psp.PLATFORM;
    }
}
