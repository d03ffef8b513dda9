package flight.hal.driver.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriver;
import flight.hal.graphics.GraphicsDriver;

/** WebGL's limits in software: 4096x4096 at most, its texture formats, the tab's 50 MB. */
@Component(service = GraphicsDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = GraphicsDriver.class, hal_driver_name = WebGraphicsDriver.NAME,
        service_ranking = Web.RANKING)
public class WebGraphicsDriver extends SoftwareGraphicsDriver {
    static final String NAME = "web.graphics";

    public WebGraphicsDriver() {
        super(NAME, Web.GRAPHICS);
    }

    @Override
    protected PlatformProfile platform() {
        return Web.PLATFORM;
    }
}
