package flight.hal.it;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;

/**
 * A thread that keeps leasing the selected memory driver and, under each lease, allocating, writing, verifying and
 * releasing a block, until stopped. A call fails when there is no driver to lease, when it reaches a driver not among
 * the expected ones, or when any step errs or reads back other bytes than it wrote.
 */
final class LeasedMemoryCaller {
    private static final int BLOCK_BYTES = 512;
    private static final int FAILURES_KEPT = 20;

    private final DriverHandle<MemoryDriver> memory;
    private final Set<String> expectedDrivers;
    private final Semaphore progress;
    private final Thread thread;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final Queue<String> firstFailures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** @param progress released once per successful call, for a test that waits until calls flow */
    LeasedMemoryCaller(String name, DriverHandle<MemoryDriver> memory, Set<String> expectedDrivers,
                       Semaphore progress) {
        this.memory = memory;
        this.expectedDrivers = Set.copyOf(expectedDrivers);
        this.progress = progress;
        this.thread = new Thread(this::callUntilStopped, name);
        thread.setDaemon(true);
    }

    /**
     * Allocates a block from {@code driver}, fills it with values derived from {@code pattern}, reads them back and
     * releases it.
     *
     * @return the driver's name, or the error of the first step that failed
     */
    static HalResult<String> allocateWriteVerifyRelease(MemoryDriver driver, long pattern) {
        HalResult<MemoryAllocation> allocated = driver.allocate(AllocationRequest.of(BLOCK_BYTES));
        if (allocated.isErr()) {
            return HalResult.err(allocated.errorOrNull());
        }
        MemoryAllocation allocation = allocated.orElseThrow();
        for (int offset = 0; offset + Long.BYTES <= BLOCK_BYTES; offset += Long.BYTES) {
            allocation.buffer().putLong(offset, pattern + offset);
        }
        for (int offset = 0; offset + Long.BYTES <= BLOCK_BYTES; offset += Long.BYTES) {
            long read = allocation.buffer().getLong(offset);
            if (read != pattern + offset) {
                return HalResult.err(HalError.of(ErrorCategory.INTERNAL, driver.name() + ": allocation "
                        + allocation.handle() + " holds " + read + " at " + offset + ", wrote " + (pattern + offset)));
            }
        }
        return driver.deallocate(allocation.handle()).map(released -> driver.name());
    }

    void start() {
        thread.start();
    }

    /** Stops calling; whether the thread ended within {@code timeoutSeconds}. */
    boolean stop(long timeoutSeconds) throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        return !thread.isAlive();
    }

    long calls() {
        return calls.get();
    }

    long failedCalls() {
        return failedCalls.get();
    }

    /** The first failures, described. */
    List<String> firstFailures() {
        return List.copyOf(firstFailures);
    }

    private void callUntilStopped() {
        long pattern = (long) System.identityHashCode(this) << 32;
        while (running) {
            pattern += BLOCK_BYTES;
            String failure = callOnce(pattern);
            if (failure == null) {
                calls.incrementAndGet();
                progress.release();
            } else if (failedCalls.incrementAndGet() <= FAILURES_KEPT) {
                firstFailures.add(failure);
            }
        }
    }

    /** One leased call; what went wrong, or null. */
    private String callOnce(long pattern) {
        HalResult<DriverLease<MemoryDriver>> leased = memory.lease();
        if (leased.isErr()) {
            return "lease: " + leased.errorOrNull();
        }
        try (DriverLease<MemoryDriver> lease = leased.orElseThrow()) {
            MemoryDriver driver = lease.driver();
            if (!expectedDrivers.contains(driver.name())) {
                return "a call reached '" + driver.name() + "', not one of " + expectedDrivers;
            }
            HalResult<String> done = allocateWriteVerifyRelease(driver, pattern);
            return done.isOk() ? null : driver.name() + ": " + done.errorOrNull();
        } catch (RuntimeException thrown) {
            return "a leased call threw " + thrown;
        }
    }
}
