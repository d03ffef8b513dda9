package flight.hal.driver.host.internal.graphics;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.graphics.SoftwareGraphicsDriver;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.PixelFormat;
import flight.hal.memory.MemoryDriver;

/**
 * Software rendering on the host with no limits but the JVM's: any size whose pixels fit one Java buffer, every pixel
 * format, graphics memory bounded only by the heap. It reports the platform the host memory driver knows.
 */
@Component(service = GraphicsDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = GraphicsDriver.class, hal_driver_name = HostGraphicsDriver.NAME,
        service_ranking = 10)
public class HostGraphicsDriver extends SoftwareGraphicsDriver {
    static final String NAME = "host.graphics";
    static final GraphicsLimits LIMITS = new GraphicsLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            EnumSet.allOf(PixelFormat.class), Long.MAX_VALUE);

    /** The host memory driver itself, not the registry's republication of whichever memory driver is selected. */
    @Reference(target = "(&(hal.driver.name=host.memory)(!(hal.selected=*)))")
    MemoryDriver hostMemory;

    public HostGraphicsDriver() {
        super(NAME, LIMITS);
    }

    /** Software rendering needs no hardware capability. */
    @Override
    protected PlatformProfile platform() {
        return PlatformProfile.of(hostMemory, Set.of());
    }
}
