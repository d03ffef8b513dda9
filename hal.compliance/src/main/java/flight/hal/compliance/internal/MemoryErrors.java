package flight.hal.compliance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import flight.hal.ErrorCategory;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryStats;
import flight.hal.memory.MemoryType;

/** Memory checks of error handling and of resource cleanup. */
final class MemoryErrors {
    private static final int CLEANUP_ALLOCATIONS = 100;

    private MemoryErrors() {
    }

    static Outcome errorHandling(MemoryDriver memory) {
        MemoryStats before = Expect.ok(memory.stats(), "stats()");
        Expect.that(memory.deallocate(0).isErr(), "deallocate(0) succeeded");
        Expect.unknown(memory.deallocate(Long.MAX_VALUE - 7), "deallocate(unknown handle)");
        long foreign = Expect.foreignHandle();
        Expect.foreign(memory.deallocate(foreign), "deallocate(another driver's handle)");
        Expect.foreign(memory.allocationInfo(foreign), "allocationInfo(another driver's handle)");
        Expect.foreign(memory.reallocate(foreign, 512), "reallocate(another driver's handle)");
        Expect.that(!memory.isValid(foreign), "isValid() is true for another driver's handle");
        MemoryAllocation released = Expect.ok(memory.allocate(AllocationRequest.of(256)), "allocate(256 bytes)");
        Expect.ok(memory.deallocate(released.handle()), "deallocate()");
        Expect.error(memory.deallocate(released.handle()), ErrorCategory.NOT_FOUND, "a second deallocate()");
        Expect.error(memory.allocationInfo(released.handle()), ErrorCategory.NOT_FOUND,
                "allocationInfo(released handle)");
        Expect.error(memory.reallocate(released.handle(), 512), ErrorCategory.NOT_FOUND,
                "reallocate(released handle)");
        MemoryAllocation kept = Expect.ok(memory.allocate(AllocationRequest.of(256)), "allocate(256 bytes)");
        kept.buffer().put(0, (byte) 42);
        Expect.error(memory.reallocate(kept.handle(), 0), ErrorCategory.INVALID_PARAMETER, "reallocate(to 0 bytes)");
        Expect.that(memory.isValid(kept.handle()) && Expect.ok(memory.allocationInfo(kept.handle()),
                "allocationInfo()").buffer().get(0) == 42, "a refused reallocate() changed the allocation");
        Expect.ok(memory.deallocate(kept.handle()), "deallocate()");
        MemoryType lacking = MemoryBasics.lackingType(memory);
        if (lacking != null) {
            Expect.error(memory.stats(lacking), ErrorCategory.UNSUPPORTED_CAPABILITY, "stats(" + lacking + ")");
        }
        MemoryStats after = Expect.ok(memory.stats(), "stats()");
        Expect.that(after.activeAllocations() == before.activeAllocations()
                && after.usedBytes() == before.usedBytes(), "failed calls changed the accounting: " + before
                + " became " + after);
        return Outcome.pass("null, unknown and other drivers' handles, double release, use after release, refused "
                + "reallocate: errors, nothing changed");
    }

    static Outcome cleanup(MemoryDriver memory) {
        MemoryStats before = Expect.ok(memory.stats(), "stats()");
        long largest = Math.min(64 * 1024, memory.maxAllocationSize());
        List<MemoryAllocation> held = new ArrayList<>();
        for (int i = 0; i < CLEANUP_ALLOCATIONS; i++) {
            long size = Math.min(largest, (16L << (i % 13)) + i);
            int alignment = 1 << (3 + i % 10);
            while (!memory.supportsAlignment(alignment)) {
                alignment >>= 1;
            }
            held.add(Expect.ok(memory.allocate(new AllocationRequest(size, alignment, Set.of(), MemoryType.SYSTEM)),
                    "allocate(" + size + " bytes aligned to " + alignment + ")"));
        }
        for (int parity = 1; parity >= 0; parity--) { // odd ones first, so freed blocks must merge with both sides
            for (int i = parity; i < held.size(); i += 2) {
                Expect.ok(memory.deallocate(held.get(i).handle()), "deallocate()");
            }
        }
        MemoryStats after = Expect.ok(memory.stats(), "stats()");
        Expect.that(after.activeAllocations() == before.activeAllocations(), "live allocations were "
                + before.activeAllocations() + " and are " + after.activeAllocations() + " after releasing all");
        Expect.that(after.usedBytes() == before.usedBytes(), "used bytes were " + before.usedBytes() + " and are "
                + after.usedBytes() + " after releasing all");
        Expect.that(after.largestFreeBlock() == before.largestFreeBlock(), "largest free block was "
                + before.largestFreeBlock() + " and is " + after.largestFreeBlock() + " after releasing all");
        return Outcome.pass(CLEANUP_ALLOCATIONS + " allocations of 16 B to 64 KiB released out of order: "
                + "accounting and largest free block back where they were");
    }
}
