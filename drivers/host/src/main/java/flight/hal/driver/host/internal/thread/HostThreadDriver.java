package flight.hal.driver.host.internal.thread;

import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import flight.hal.HalCapability;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.driver.support.thread.WorkerThreadDriver;
import flight.hal.memory.MemoryDriver;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/** A pool of one worker per processor available to the JVM, with no limit on queued tasks. */
@Component(service = ThreadDriver.class, scope = ServiceScope.PROTOTYPE)
@RegisterHalDriver(hal_interface = ThreadDriver.class, hal_driver_name = HostThreadDriver.NAME, service_ranking = 10)
public class HostThreadDriver extends WorkerThreadDriver {
    static final String NAME = "host.thread";
    private static final Set<HalCapability> THREAD_CAPABILITIES =
            EnumSet.of(HalCapability.THREADING, HalCapability.DUAL_CORE);

    /** The host memory driver itself, not the registry's republication of whichever memory driver is selected. */
    @Reference(target = "(&(hal.driver.name=host.memory)(!(hal.selected=*)))")
    MemoryDriver hostMemory;

    public HostThreadDriver() {
        super(NAME, ThreadingModel.WORKER_POOL, numbered("host-worker-", Runtime.getRuntime().availableProcessors()),
                UNBOUNDED);
    }

    /** The host's threading capabilities, as the host memory driver finds them. */
    @Override
    protected PlatformProfile platform() {
        Set<HalCapability> capabilities = EnumSet.noneOf(HalCapability.class);
        capabilities.addAll(hostMemory.capabilities());
        capabilities.retainAll(THREAD_CAPABILITIES);
        return PlatformProfile.of(hostMemory, capabilities);
    }
}
