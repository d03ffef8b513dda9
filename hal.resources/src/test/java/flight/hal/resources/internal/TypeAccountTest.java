package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceType;

/** The pressure level follows usage, judged against the level's bounds, announced in order. */
class TypeAccountTest {
    /** Announced under the account's lock, so in order and one at a time. */
    private final List<ResourcePressure> heard = new ArrayList<>();
    private final TypeAccount memory = new TypeAccount(ResourceType.MEMORY, (type, pressure, stats) -> heard.add(pressure));

    TypeAccountTest() {
        // LOW from 400, MEDIUM from 640, HIGH from 800, CRITICAL from 900; a margin of 50
        memory.rescale(new ResourceBudget(1000, 0, 80, 90), 5);
    }

    private void change(long bytes) {
        long used = bytes > 0 ? memory.usage.add(bytes, Long.MAX_VALUE) : memory.usage.subtract(-bytes);
        memory.usageChanged(used);
    }

    @Test
    void changesWithinTheLevelsBoundsAnnounceNothing() {
        change(399);
        change(-399);
        change(500);
        change(100);
        change(-245);
        assertEquals(List.of(ResourcePressure.LOW), heard);
        change(-6);
        assertEquals(List.of(ResourcePressure.LOW, ResourcePressure.NONE), heard);
        assertEquals(ResourcePressure.NONE, memory.pressure());
    }

    @Test
    void aRescaleJudgesTheUsageAgainstTheNewLevels() {
        change(500);
        memory.rescale(new ResourceBudget(10_000, 0, 80, 90), 5);
        assertEquals(List.of(ResourcePressure.LOW, ResourcePressure.NONE), heard);
        change(4000);
        assertEquals(ResourcePressure.LOW, memory.pressure());
    }

    @Test
    void afterConcurrentRisesAndFallsTheLevelIsThatOfTheUsage() throws Exception {
        Concurrently.run(() -> {
            for (int i = 0; i < 20_000; i++) {
                long bytes = 100 + i % 250;
                change(bytes);
                change(-bytes);
            }
            return 0L;
        });
        assertEquals(0, memory.usage.current());
        assertTrue(memory.scale().level(memory.pressure()).holds(0));
        assertEquals(ResourcePressure.NONE, memory.pressure());
        synchronized (memory) {
            for (int i = 1; i < heard.size(); i++) {
                assertNotEquals(heard.get(i - 1), heard.get(i), "the same level announced twice in a row");
            }
        }
    }
}
