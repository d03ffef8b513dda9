package flight.hal.driver.psp.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.thread.WorkerThreadDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/** Two cores: the main Allegrex CPU and the Media Engine, one worker each. */
@Component(service = ThreadDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = ThreadDriver.class, hal_driver_name = PspThreadDriver.NAME,
        service_ranking = Psp.RANKING)
public class PspThreadDriver extends WorkerThreadDriver {
    static final String NAME = "psp.thread";

    public PspThreadDriver() {
        super(NAME, ThreadingModel.DUAL_CORE, List.of("psp-main-cpu", "psp-media-engine"), UNBOUNDED);
    }

    @Override
    protected PlatformProfile platform() {
        return Psp.PLATFORM;
    }
}
