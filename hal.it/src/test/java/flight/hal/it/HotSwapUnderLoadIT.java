package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;
import flight.hal.registry.SelectionEvent;

/**
 * Two threads allocate and free through leases while the top driver's bundle is stopped and started 200 times: no
 * call may fail, every allocation is freed by the driver that made it, and no driver is shut down under a lease.
 */
@RunWith(PaxExam.class)
public class HotSwapUnderLoadIT extends HalItSupport {
    private static final int CYCLES = 200;
    private static final int CALLERS = 2;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong calls = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    /** Selection events taken off the queue while waiting for calls; counted with the ones left on it. */
    private final List<SelectionEvent> seen = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Test
    public void noCallIsLostWhileTheTopDriverComesAndGoes() throws Exception {
        Bundle drivers = installTestDrivers();
        awaitSelected(TEST);
        consumeEventsThroughSelectionOf(TEST);
        DriverHandle<MemoryDriver> memory = registry.handle(MemoryDriver.class);

        CountDownLatch started = new CountDownLatch(CALLERS);
        List<Thread> callers = List.of(caller(memory, started), caller(memory, started));
        callers.forEach(Thread::start);
        assertTrue(started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long before = calls.get();
            drivers.stop();
            drivers.start();
            awaitCallsBeyond(before);
        }
        running.set(false);
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }

        assertTrue("failed calls: " + failures, failures.isEmpty());
        collectSelectionEvents();
        assertEquals("swaps to the test driver", CYCLES, selectionsOf(TEST));
        assertEquals("swaps back to the host driver", CYCLES, selectionsOf(HOST));
        assertTrue("calls made: " + calls.get(), calls.get() >= CYCLES);

        MemoryStats host = registry.handle(MemoryDriver.class).current().stats().orElseThrow();
        assertEquals(TEST, selectedMemoryDriver());
        assertEquals("allocations left in the selected driver", 0, host.activeAllocations());
    }

    /** Takes the selection events still queued or in delivery (they arrive asynchronously) until all are seen. */
    private void collectSelectionEvents() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (selectionsOf(TEST) < CYCLES || selectionsOf(HOST) < CYCLES) {
            SelectionEvent event = selections.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                return;
            }
            seen.add(event);
        }
        selections.drainTo(seen);
    }

    private long selectionsOf(String driver) {
        return seen.stream().filter(event -> driver.equals(event.selected())).count();
    }

    /** Makes sure calls keep flowing through every cycle, so each swap happens under load. */
    private void awaitCallsBeyond(long before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (calls.get() < before + CALLERS && System.nanoTime() < deadline && failures.isEmpty()) {
            SelectionEvent event = selections.poll(1, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
            }
        }
    }

    private Thread caller(DriverHandle<MemoryDriver> memory, CountDownLatch started) {
        Thread thread = new Thread(() -> {
            started.countDown();
            while (running.get()) {
                HalResult<DriverLease<MemoryDriver>> leased = memory.lease();
                if (leased.isErr()) {
                    failures.add("lease: " + leased.errorOrNull());
                    continue;
                }
                try (DriverLease<MemoryDriver> lease = leased.orElseThrow()) {
                    MemoryDriver driver = lease.driver();
                    HalResult<MemoryAllocation> allocation = driver.allocate(AllocationRequest.of(256));
                    if (allocation.isErr()) {
                        failures.add(driver.name() + " allocate: " + allocation.errorOrNull());
                        continue;
                    }
                    allocation.orElseThrow().buffer().putLong(0, calls.get());
                    if (!driver.isActive()) {
                        failures.add(driver.name() + " was shut down while leased");
                    }
                    HalResult<Void> freed = driver.deallocate(allocation.orElseThrow().handle());
                    if (freed.isErr()) {
                        failures.add(driver.name() + " deallocate: " + freed.errorOrNull());
                    }
                    calls.incrementAndGet();
                }
            }
        }, "hal-caller");
        thread.setDaemon(true);
        return thread;
    }

}
