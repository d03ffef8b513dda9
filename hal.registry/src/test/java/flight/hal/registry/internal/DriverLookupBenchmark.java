package flight.hal.registry.internal;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import flight.hal.HalDriver;
import flight.hal.registry.DriverLease;

/**
 * Reaching the selected driver, and calling it so that the call cannot straddle a swap: the registry's handle
 * ({@code handle.current}: one volatile read; {@code handle.call} and {@code handle.lease}: a lease counted on the
 * caller's stripe, {@code lease()} + call + {@code close()} for the latter) against a plain volatile field
 * ({@code volatile.field}, the peer of {@code current()}) and the lock-based peers a registry would otherwise use
 * ({@code synchronized} lookup; a read lock held over the call, the write lock taken by a swap). Each variant is a
 * {@link Lookup} chosen once per fork, so the measured path holds no dispatch of its own. Run at 1 and at 2 threads in
 * one invocation, so the cost per thread under contention shows next to the uncontended one. Lives beside the
 * registry's code (its test sources) to reach its package-private handle; hal.benchmarks puts it in benchmarks.jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DriverLookupBenchmark {

    @Param({"volatile.field", "handle.current", "handle.call", "handle.lease", "synchronized", "readLock.call"})
    public String variant;

    private final RoleHandle<HalDriver> handle = new RoleHandle<>("bench.Driver", Set.of(), new Owners(), () -> 0);
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    private HalDriver guarded;
    private volatile HalDriver selected;
    private Lookup lookup;

    /** One way to reach the selected driver and call it. */
    private interface Lookup {
        Object lookupAndCall();
    }

    @Setup
    public void select() {
        BenchmarkDriver driver = new BenchmarkDriver();
        // an activation reads only the candidate's driver; the service reference matters to selection, not to calls
        handle.publish(new Activation(new Candidate("bench.Driver", null, driver), null, () -> { }));
        guarded = driver;
        selected = driver;
        lookup = switch (variant) {
            case "volatile.field" -> () -> selected.initialize();
            case "handle.current" -> () -> handle.current().initialize();
            case "handle.call" -> () -> handle.call(HalDriver::initialize);
            case "handle.lease" -> () -> {
                try (DriverLease<HalDriver> lease = handle.lease().orElseThrow()) {
                    return lease.driver().initialize();
                }
            };
            case "synchronized" -> () -> {
                synchronized (monitor) {
                    return guarded.initialize();
                }
            };
            case "readLock.call" -> () -> {
                swapLock.readLock().lock();
                try {
                    return guarded.initialize();
                } finally {
                    swapLock.readLock().unlock();
                }
            };
            default -> throw new IllegalArgumentException(variant);
        };
    }

    @Benchmark
    @Threads(1)
    public Object oneThread() {
        return lookup.lookupAndCall();
    }

    @Benchmark
    @Threads(2)
    public Object twoThreads() {
        return lookup.lookupAndCall();
    }
}
