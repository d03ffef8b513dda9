package flight.hal.driver.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.thread.WorkerThreadDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/** A bounded pool of web workers: four workers, at most 256 tasks queued or running at once. */
@Component(service = ThreadDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = ThreadDriver.class, hal_driver_name = WebThreadDriver.NAME,
        service_ranking = Web.RANKING)
public class WebThreadDriver extends WorkerThreadDriver {
    static final String NAME = "web.thread";

    public WebThreadDriver() {
        super(NAME, ThreadingModel.WORKER_POOL, numbered("web-worker-", Web.WORKERS), Web.MAX_ADMITTED_TASKS);
    }

    @Override
    protected PlatformProfile platform() {
        return Web.PLATFORM;
    }
}
