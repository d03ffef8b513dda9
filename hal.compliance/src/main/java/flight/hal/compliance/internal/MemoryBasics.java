package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.util.Set;

import flight.hal.ErrorCategory;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryType;

/** Memory checks of the interface contract and of parameter validation. */
final class MemoryBasics {

    private MemoryBasics() {
    }

    static Outcome roundTrip(MemoryDriver memory) {
        Expect.that(memory.supportsMemoryType(MemoryType.SYSTEM), "SYSTEM memory is not supported");
        Expect.that(memory.maxAllocationSize() >= 2000, "maxAllocationSize() is " + memory.maxAllocationSize());
        MemoryAllocation first = Expect.ok(memory.allocate(new AllocationRequest(1000, 16, Set.of(),
                MemoryType.SYSTEM)), "allocate(1000 bytes aligned to 16)");
        Expect.that(first.size() == 1000 && first.buffer().capacity() == 1000,
                "asked for 1000 bytes, got " + first.size() + " and a buffer of " + first.buffer().capacity());
        Expect.that(first.alignment() >= 16, "asked for alignment 16, got " + first.alignment());
        expectAligned(first.buffer(), 16);
        Expect.that(memory.isValid(first.handle()), "isValid() is false for a live allocation");
        Expect.that(Expect.ok(memory.allocationInfo(first.handle()), "allocationInfo()").handle() == first.handle(),
                "allocationInfo() describes another allocation");
        for (int i = 0; i < 1000; i++) {
            first.buffer().put(i, (byte) i);
        }
        MemoryAllocation grown = Expect.ok(memory.reallocate(first.handle(), 2000), "reallocate(to 2000 bytes)");
        for (int i = 0; i < 1000; i++) {
            Expect.that(grown.buffer().get(i) == (byte) i, "reallocate() lost byte " + i);
        }
        Expect.that(!memory.isValid(first.handle()) && memory.isValid(grown.handle()),
                "after reallocate() the old handle must be invalid and the new one valid");
        Expect.ok(memory.deallocate(grown.handle()), "deallocate()");
        Expect.that(!memory.isValid(grown.handle()), "isValid() is true after deallocate()");
        Expect.ok(memory.stats(), "stats()");
        Expect.ok(memory.stats(MemoryType.SYSTEM), "stats(SYSTEM)");
        Expect.ok(memory.gcHint(), "gcHint()");
        Expect.ok(memory.trim(), "trim()");
        Expect.ok(memory.defragment(null), "defragment(null)");
        Expect.that(memory.supportsAlignment(1) && !memory.supportsAlignment(3), "supportsAlignment(1 / 3) wrong");
        return Outcome.pass("allocate, info, reallocate keeping the contents, release, stats, gc hint, trim,"
                + " defragment");
    }

    /** A direct buffer's address is checked; a heap buffer can promise no more than 8 bytes. */
    static void expectAligned(ByteBuffer buffer, int alignment) {
        if (buffer.isDirect()) {
            Expect.that(buffer.alignmentOffset(0, alignment) == 0, "the buffer is not aligned to " + alignment);
        } else {
            Expect.that(alignment <= 8, "a heap buffer cannot guarantee the requested alignment of " + alignment);
        }
    }

    static Outcome validation(MemoryDriver memory) {
        long before = Expect.ok(memory.stats(), "stats()").totalAllocations();
        Expect.error(memory.allocate(null), ErrorCategory.INVALID_PARAMETER, "allocate(null)");
        Expect.error(memory.allocate(AllocationRequest.of(0)), ErrorCategory.INVALID_PARAMETER, "allocate(0 bytes)",
                "0");
        Expect.error(memory.allocate(AllocationRequest.of(-1)), ErrorCategory.INVALID_PARAMETER,
                "allocate(-1 bytes)", "-1");
        Expect.error(memory.allocate(new AllocationRequest(64, 3, Set.of(), MemoryType.SYSTEM)),
                ErrorCategory.INVALID_PARAMETER, "allocate with alignment 3", "3");
        long max = memory.maxAllocationSize();
        if (max < Long.MAX_VALUE) {
            Expect.error(memory.allocate(AllocationRequest.of(max + 1)), ErrorCategory.INSUFFICIENT_RESOURCES,
                    "allocate(maxAllocationSize() + 1)", Long.toString(max));
        }
        for (int alignment = 2; alignment > 0; alignment <<= 1) {
            if (!memory.supportsAlignment(alignment)) {
                Expect.error(memory.allocate(new AllocationRequest(64, alignment, Set.of(), MemoryType.SYSTEM)),
                        ErrorCategory.INVALID_PARAMETER, "allocate with unsupported alignment " + alignment,
                        Integer.toString(alignment));
                break;
            }
        }
        MemoryType lacking = lackingType(memory);
        if (lacking != null) {
            Expect.error(memory.allocate(AllocationRequest.of(64).withType(lacking)),
                    ErrorCategory.UNSUPPORTED_CAPABILITY, "allocate(unsupported type " + lacking + ")",
                    lacking.name());
        }
        long after = Expect.ok(memory.stats(), "stats()").totalAllocations();
        Expect.that(after == before, "refused requests were counted: " + (after - before) + " allocations made");
        return Outcome.pass("null, zero, negative and oversized requests, bad and unsupported alignments, "
                + (lacking == null ? "" : "unsupported types, ") + "each refused with the right error naming it");
    }

    /** A memory type the driver does not serve, or null when it serves all. */
    static MemoryType lackingType(MemoryDriver memory) {
        for (MemoryType type : MemoryType.values()) {
            if (!memory.supportsMemoryType(type)) {
                return type;
            }
        }
        return null;
    }
}
