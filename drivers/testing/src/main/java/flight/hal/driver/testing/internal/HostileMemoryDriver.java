package flight.hal.driver.testing.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PlatformInfo;
import flight.hal.RegisterHalDriver;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;

/**
 * A memory driver that misbehaves in exactly one way, to show that the registry and the compliance kit survive hostile
 * drivers. One instance
 * per factory configuration of PID {@value #FACTORY_PID}, which gives {@code hal.driver.name},
 * {@code service.ranking} and {@value #FAULT}: the name of one {@link Fault}. Apart from that fault it is the heap
 * memory driver {@link HeapMemoryDriver}.
 *
 * <p>A configuration without a valid {@value #FAULT} is refused: the component does not activate. Its lifecycle is
 * {@link HeapMemoryDriver}'s, inherited: a changed configuration modifies the instance in place, its fault included.
 */
@Component(service = MemoryDriver.class, configurationPid = HostileMemoryDriver.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@RegisterHalDriver(hal_interface = MemoryDriver.class, hal_driver_name = "hostile.memory")
public class HostileMemoryDriver extends HeapMemoryDriver {
    static final String FACTORY_PID = "flight.hal.hostile.memory";
    static final String FAULT = "fault";

    /** The one way an instance misbehaves. */
    public enum Fault {
        /** {@code capabilities()} returns null. */
        NULL_CAPABILITIES,
        /** {@code capabilities()} throws an {@link IllegalStateException}. */
        THROW_CAPABILITIES,
        /** {@code initialize()} returns null instead of a result. */
        NULL_INITIALIZE,
        /** {@code initialize()} throws an {@link IllegalStateException}. */
        THROW_INITIALIZE,
        /**
         * {@code initialize()} does not return until the component is deactivated (its configuration deleted or its
         * bundle stopped), ignoring interrupts like a driver stuck in native code; then it returns an error.
         */
        HANG_INITIALIZE,
        /** {@code platformInfo()} returns null. */
        NULL_PLATFORM_INFO,
        /** {@code platformInfo()} throws an {@link IllegalStateException}. */
        THROW_PLATFORM_INFO,
        /** {@code isAvailable()} throws an {@link IllegalStateException}. */
        THROW_AVAILABLE,
        /** {@code allocate()} does not return until the component is deactivated, ignoring interrupts. */
        HANG_ALLOCATE,
        /** {@code allocate()} returns null instead of a result. */
        NULL_ALLOCATE,
        /** {@code stats()} throws an {@link IllegalStateException}. */
        THROW_STATS
    }

    private final CountDownLatch deactivated = new CountDownLatch(1);
    private volatile Fault fault;

    /** Refuses a configuration without a valid fault: thrown from activation, the component does not activate. */
    @Override
    void configure(Map<String, Object> componentProperties) {
        fault = faultOf(componentProperties);
        super.configure(componentProperties);
    }

    @Deactivate
    void deactivate() {
        deactivated.countDown();
    }

    private static Fault faultOf(Map<String, Object> componentProperties) {
        Object configured = componentProperties.get(FAULT);
        for (Fault candidate : Fault.values()) {
            if (candidate.name().equals(String.valueOf(configured).trim())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("a hostile memory driver needs " + FAULT + " = one of "
                + Arrays.toString(Fault.values()) + ", was " + configured);
    }

    @Override
    public Set<HalCapability> capabilities() {
        return switch (fault) {
            case NULL_CAPABILITIES -> null;
            case THROW_CAPABILITIES -> throw misbehaviour("capabilities()");
            default -> super.capabilities();
        };
    }

    @Override
    public HalResult<Void> initialize() {
        return switch (fault) {
            case NULL_INITIALIZE -> null;
            case THROW_INITIALIZE -> throw misbehaviour("initialize()");
            case HANG_INITIALIZE -> hangUntilDeactivated();
            default -> super.initialize();
        };
    }

    @Override
    public PlatformInfo platformInfo() {
        return switch (fault) {
            case NULL_PLATFORM_INFO -> null;
            case THROW_PLATFORM_INFO -> throw misbehaviour("platformInfo()");
            default -> super.platformInfo();
        };
    }

    @Override
    public boolean isAvailable() {
        if (fault == Fault.THROW_AVAILABLE) {
            throw misbehaviour("isAvailable()");
        }
        return super.isAvailable();
    }

    @Override
    public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
        return switch (fault) {
            case HANG_ALLOCATE -> hangUntilDeactivated("allocate()").map(nothing -> null);
            case NULL_ALLOCATE -> null;
            default -> super.allocate(request);
        };
    }

    @Override
    public HalResult<MemoryStats> stats() {
        if (fault == Fault.THROW_STATS) {
            throw misbehaviour("stats()");
        }
        return super.stats();
    }

    private HalResult<Void> hangUntilDeactivated() {
        return hangUntilDeactivated("initialize()");
    }

    private HalResult<Void> hangUntilDeactivated(String method) {
        boolean interrupted = false;
        while (deactivated.getCount() > 0) {
            try {
                deactivated.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return HalResult.err(HalError.initializationFailed("hostile driver " + name()
                + ": " + method + " hung until the component was deactivated"));
    }

    private IllegalStateException misbehaviour(String method) {
        return new IllegalStateException("hostile driver " + name() + ": " + method + " fails on purpose (" + fault
                + ")");
    }
}
