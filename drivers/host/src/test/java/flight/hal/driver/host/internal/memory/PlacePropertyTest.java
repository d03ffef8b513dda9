package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import flight.hal.memory.MemoryType;
import flight.hal.testkit.HalProperty;

/** A place gives back every field it was packed from, and is never {@link Place#NONE}. */
class PlacePropertyTest {

    private static final int CLASSES = RegionAllocator.LARGEST_CLASS_SHIFT - RegionAllocator.SMALLEST_CLASS_SHIFT + 1;

    @HalProperty
    void aSlotKeepsItsClassSlotSizeTypeAndStripe(@ForAll @IntRange(min = 0, max = CLASSES - 1) int home,
            @ForAll @IntRange(min = 0, max = (1 << 30) - 1) int slot, @ForAll @IntRange(min = 1, max = 1 << 20) int size,
            @ForAll MemoryType type, @ForAll @IntRange(min = 0, max = 63) int stripe) {
        long place = Place.slot(home, slot, size, type, stripe);
        assertNotEquals(Place.NONE, place);
        assertEquals(home, Place.home(place));
        assertEquals(slot, Place.slot(place));
        assertEquals(size, Place.size(place));
        assertEquals(type, Place.type(place));
        assertEquals(stripe, Place.stripe(place));
    }

    @HalProperty
    void memoryOfItsOwnKeepsItsSizeTypeAndStripe(@ForAll @LongRange(min = 1, max = (1L << 50) - 1) long size,
            @ForAll MemoryType type, @ForAll @IntRange(min = 0, max = 63) int stripe) {
        long place = Place.own(size, type, stripe);
        assertNotEquals(Place.NONE, place);
        assertEquals(-1, Place.home(place));
        assertEquals(size, Place.size(place));
        assertEquals(type, Place.type(place));
        assertEquals(stripe, Place.stripe(place));
    }
}
