package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryType;
import flight.hal.testkit.HalProperty;

/**
 * The handle table against a map: entries and their places, removals (with the shifting back of later entries), growth and lookups of
 * handles it never had all agree, whatever the order of the calls.
 */
class HandleTablePropertyTest {

    private static final ByteBuffer BUFFER = ByteBuffer.allocate(1);

    /**
     * Each step enters the next handle (handles, like a {@link flight.hal.HandleIssuer}'s, grow, with gaps) or removes
     * one picked by the step's value among the live ones, or one never entered.
     */
    @HalProperty
    void agreesWithAMap(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 99) Integer> steps) {
        HandleTable table = new HandleTable(new RegionAllocator());
        Map<Long, MemoryAllocation> model = new HashMap<>();
        long next = 1L << 43;
        for (int step : steps) {
            if (step < 55 || model.isEmpty()) {
                next += 1 + step % 3;
                MemoryAllocation allocation = allocation(next);
                // entered on any stripe: a removal finds it from every thread's stripe
                table.put(allocation, place(next), step % ThreadStripe.COUNT);
                model.put(next, allocation);
            } else if (step < 95) {
                long handle = model.keySet().stream().sorted().skip(step % model.size()).findFirst().orElseThrow();
                model.remove(handle);
                assertEquals(place(handle), table.remove(handle));
                assertEquals(Place.NONE, table.remove(handle), "a second removal of one handle finds nothing");
            } else {
                assertEquals(Place.NONE, table.remove(next + 1000), "a handle never entered");
            }
            assertEquals(model.size(), table.size());
        }
        for (Map.Entry<Long, MemoryAllocation> entry : model.entrySet()) {
            assertSame(entry.getValue(), table.get(entry.getKey()));
        }
        assertNull(table.get(next + 1000));
        Set<MemoryAllocation> values = new HashSet<>(table.values());
        assertEquals(new HashSet<>(model.values()), values);
        table.clear();
        assertEquals(0, table.size());
    }

    private static MemoryAllocation allocation(long handle) {
        return new MemoryAllocation(handle, BUFFER, 1, 1, Set.of(), MemoryType.SYSTEM);
    }

    /** A place that differs by handle, so that a row's place that moved with the wrong key would show. */
    private static long place(long handle) {
        return Place.own(handle & 0xFFFF_FFFFL | 1, MemoryType.SYSTEM, 0);
    }
}
