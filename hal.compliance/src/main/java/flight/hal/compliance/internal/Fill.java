package flight.hal.compliance.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;

/**
 * Allocations of 4 to 64 KiB in a fixed sequence, each filled with its own byte, held until released: the load of the
 * stress checks. Requests carry {@code ALLOW_SCRATCH} and {@code MEDIA_PROCESSING}, so a driver may use every pool.
 */
final class Fill {
    /** The kit fills drivers that manage at most this much; more would endanger the framework's own JVM. */
    static final long CAPACITY_LIMIT = 256L * 1024 * 1024;
    private static final Set<MemoryFlag> FLAGS = Set.of(MemoryFlag.ALLOW_SCRATCH, MemoryFlag.MEDIA_PROCESSING);

    /** An allocation held and the byte it was filled with. */
    private record Held(MemoryAllocation allocation, byte mark) {
    }

    private final MemoryDriver memory;
    private final List<Held> held = new ArrayList<>();
    private long heldBytes;
    private int next;

    Fill(MemoryDriver memory) {
        this.memory = memory;
    }

    /** The size of the {@code index}-th request: 4 to 64 KiB, capped by the largest allocation. */
    private long size(int index) {
        return Math.min(memory.maxAllocationSize(), 4096 + (index * 7919L % 61) * 1024);
    }

    /**
     * Allocates until {@code bytes} are held or the driver refuses.
     *
     * @return null when {@code bytes} are held, else the refusal
     */
    HalError until(long bytes) {
        while (heldBytes < bytes) {
            HalError refusal = allocateNext();
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** Allocates the next request of the sequence and fills it; its refusal, or null. */
    HalError allocateNext() {
        long size = size(next);
        HalResult<MemoryAllocation> result =
                memory.allocate(new AllocationRequest(size, 8, FLAGS, MemoryType.SYSTEM));
        if (result != null && result.isErr()) {
            return result.errorOrNull();
        }
        MemoryAllocation allocation = Expect.ok(result, "allocate(" + size + " bytes)");
        byte mark = (byte) (next * 37 + 1);
        paint(allocation.buffer(), mark);
        held.add(new Held(allocation, mark));
        heldBytes += size;
        next++;
        return null;
    }

    /** Releases the {@code index}-th held allocation (counted modulo what is held). */
    void release(int index) {
        MemoryAllocation allocation = held.remove(Math.floorMod(index, held.size())).allocation();
        heldBytes -= allocation.size();
        Expect.ok(memory.deallocate(allocation.handle()), "deallocate()");
    }

    /** Whether every held allocation still holds its own byte: no block overlapped another. */
    boolean intact() {
        byte[] chunk = new byte[4096];
        for (Held each : held) {
            ByteBuffer buffer = each.allocation().buffer();
            for (int index = 0; index < buffer.capacity(); index += chunk.length) {
                int length = Math.min(chunk.length, buffer.capacity() - index);
                buffer.get(index, chunk, 0, length);
                for (int i = 0; i < length; i++) {
                    if (chunk[i] != each.mark()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    void releaseAll() {
        while (!held.isEmpty()) {
            release(held.size() - 1);
        }
    }

    long heldBytes() {
        return heldBytes;
    }

    int heldCount() {
        return held.size();
    }

    private static void paint(ByteBuffer buffer, byte value) {
        byte[] chunk = new byte[Math.min(4096, buffer.capacity())];
        Arrays.fill(chunk, value);
        for (int index = 0; index < buffer.capacity(); index += chunk.length) {
            buffer.put(index, chunk, 0, Math.min(chunk.length, buffer.capacity() - index));
        }
    }
}
