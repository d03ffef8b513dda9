package flight.hal.registry.internal;

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

/**
 * Reaching the selected driver, and calling it so that the call cannot straddle a swap: the registry's handle
 * ({@code current}: one volatile read; {@code call}: a lease counted on an atomic) against the lock-based peers a
 * registry would otherwise use ({@code synchronized} lookup; a read lock held over the call, the write lock taken by
 * a swap). Two threads, so contention shows. Lives in the registry's package to reach its package-private handle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DriverLookupBenchmark {

    @Param({"handle.current", "handle.call", "synchronized", "readLock.call"})
    public String variant;

    private final SelectedDriverHandle<HalDriver> handle = new SelectedDriverHandle<>("bench.Driver");
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    private HalDriver guarded;

    @Setup
    public void select() {
        BenchmarkDriver driver = new BenchmarkDriver();
        // a binding reads only the candidate's driver; the service reference matters to selection, not to calls
        handle.publish(new Binding(new Candidate("bench.Driver", null, driver)));
        guarded = driver;
    }

    @Benchmark
    public Object lookupAndCall() {
        switch (variant) {
            case "handle.current":
                return handle.current().initialize();
            case "handle.call":
                return handle.call(HalDriver::initialize);
            case "synchronized":
                synchronized (monitor) {
                    return guarded.initialize();
                }
            case "readLock.call":
                swapLock.readLock().lock();
                try {
                    return guarded.initialize();
                } finally {
                    swapLock.readLock().unlock();
                }
            default:
                throw new IllegalArgumentException(variant);
        }
    }
}
