package flight.hal.driver.dreamcast.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.thread.WorkerThreadDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/** One SH-4, no threads: every task runs on the one worker, one after another. */
@Component(service = ThreadDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = ThreadDriver.class, hal_driver_name = DreamcastThreadDriver.NAME,
        service_ranking = Dreamcast.RANKING)
public class DreamcastThreadDriver extends WorkerThreadDriver {
    static final String NAME = "dreamcast.thread";

    public DreamcastThreadDriver() {
        super(NAME, ThreadingModel.SINGLE_THREAD, List.of("dreamcast-sh4"), UNBOUNDED);
    }

    @Override
    protected PlatformProfile platform() {
        return Dreamcast.PLATFORM;
    }
}
