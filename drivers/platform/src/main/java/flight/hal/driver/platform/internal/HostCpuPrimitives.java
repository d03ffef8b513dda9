package flight.hal.driver.platform.internal;

import java.lang.invoke.VarHandle;

import org.osgi.service.component.annotations.Component;

import flight.hal.platform.CpuPrimitives;
import flight.hal.platform.SpinLock;

/** Spinlocks with backoff, and fences through {@link VarHandle}, which the JIT maps to the CPU's barriers. */
@Component(service = CpuPrimitives.class)
public class HostCpuPrimitives implements CpuPrimitives {

    @Override
    public SpinLock newSpinLock() {
        return new BackoffSpinLock();
    }

    @Override
    public void fullFence() {
        VarHandle.fullFence();
    }

    @Override
    public void acquireFence() {
        VarHandle.acquireFence();
    }

    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
    }
}
