package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

class BudgetCounterTest {
    private final BudgetCounter counter = new BudgetCounter();

    @Test
    void refusesAnAdditionThatWouldCrossTheLimit() {
        assertTrue(counter.tryAdd(600, 1000));
        assertFalse(counter.tryAdd(401, 1000));
        assertTrue(counter.tryAdd(400, 1000));
        assertFalse(counter.tryAdd(1, 1000));
        assertEquals(1000, counter.current());
    }

    @Test
    void forcedAdditionsGoOverAndCountOverruns() {
        counter.force(800, 1000);
        counter.force(300, 1000);
        counter.subtract(1100);
        ResourceStats stats = counter.snapshot(ResourceType.MEMORY, ResourceBudget.of(1000, 0), ResourcePressure.NONE);
        assertEquals(0, stats.currentUsage());
        assertEquals(1100, stats.peakUsage());
        assertEquals(1, stats.overrunCount());
    }

    @Test
    void concurrentReservationsFillTheLimitExactlyAndNeverOvershoot() throws Exception {
        long limit = 1_000_003;
        List<Long> successes = Concurrently.run(() -> {
            long mine = 0;
            while (counter.tryAdd(7, limit)) {
                mine++;
            }
            return mine;
        });
        long total = successes.stream().mapToLong(Long::longValue).sum();
        assertEquals(limit / 7, total);
        assertEquals(total * 7, counter.current());
    }

    @Test
    void concurrentReserveAndReleaseLoseNoUpdateAndStayUnderTheLimit() throws Exception {
        long limit = 100;
        AtomicLong highest = new AtomicLong();
        List<Long> granted = Concurrently.run(() -> {
            long mine = 0;
            for (int i = 0; i < 50_000; i++) {
                if (counter.tryAdd(30, limit)) {
                    highest.accumulateAndGet(counter.current(), Math::max);
                    mine++;
                    counter.subtract(30);
                }
            }
            return mine;
        });
        assertEquals(0, counter.current());
        assertTrue(highest.get() <= limit, "usage reached " + highest.get());
        assertTrue(counter.snapshot(ResourceType.MEMORY, ResourceBudget.unlimited(), ResourcePressure.NONE)
                .peakUsage() <= limit);
        assertTrue(granted.stream().mapToLong(Long::longValue).sum() > 0);
    }
}
