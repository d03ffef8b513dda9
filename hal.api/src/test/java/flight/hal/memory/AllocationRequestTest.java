package flight.hal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;

class AllocationRequestTest {
    private static final long MAX = 1 << 20;

    @Test
    void acceptsSizesAndAlignmentsWithinTheLimits() {
        assertTrue(AllocationRequest.of(1).check(MAX, 64).isOk());
        assertTrue(AllocationRequest.of(MAX, MemoryAlignment.CACHE_LINE).check(MAX, 64).isOk());
    }

    @Test
    void refusesEachOutOfRangeValueNamingIt() {
        assertError(AllocationRequest.of(0), ErrorCategory.INVALID_PARAMETER, "was 0");
        assertError(AllocationRequest.of(-5), ErrorCategory.INVALID_PARAMETER, "was -5");
        assertError(new AllocationRequest(8, 24, Set.of(), MemoryType.SYSTEM), ErrorCategory.INVALID_PARAMETER,
                "power of two, was 24");
        assertError(new AllocationRequest(8, 0, Set.of(), MemoryType.SYSTEM), ErrorCategory.INVALID_PARAMETER,
                "was 0");
        assertError(AllocationRequest.of(8, MemoryAlignment.PAGE), ErrorCategory.INVALID_PARAMETER,
                "alignment 4096 exceeds the largest supported alignment of 64");
        assertError(AllocationRequest.of(MAX + 1), ErrorCategory.INSUFFICIENT_RESOURCES,
                "requested 1048577 bytes exceeds the maximum single allocation of 1048576 bytes");
        assertError(AllocationRequest.of(Long.MAX_VALUE), ErrorCategory.INSUFFICIENT_RESOURCES,
                String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void flagsAndTypeAreCarried() {
        AllocationRequest request = AllocationRequest.of(64)
                .withFlags(MemoryFlag.ALLOW_SCRATCH, MemoryFlag.ZERO_INITIALIZED).withType(MemoryType.AUDIO);
        assertTrue(request.has(MemoryFlag.ALLOW_SCRATCH));
        assertEquals(Set.of(MemoryFlag.ALLOW_SCRATCH, MemoryFlag.ZERO_INITIALIZED), request.flags());
        assertEquals(MemoryType.AUDIO, request.type());
        assertEquals(MemoryAlignment.WORD.bytes(), request.alignment());
    }

    private static void assertError(AllocationRequest request, ErrorCategory category, String detail) {
        HalError error = request.check(MAX, 64).errorOrNull();
        assertEquals(category, error.category(), String.valueOf(error));
        assertTrue(error.message().contains(detail), error.message());
    }
}
