package flight.hal.compliance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;
import flight.hal.shell.format.Sizes;

/** Graphics checks under stress (exhaustion of graphics memory, concurrent drawing) and with a memory driver. */
final class GraphicsStress {
    /** Graphics memory is exhausted in this many buffers. */
    private static final int SLICES = 16;
    private static final int THREADS = 4;
    private static final int ROUNDS = 50;

    private final GraphicsDriver graphics;
    private final GraphicsLimits limits;
    private final DriverHandle<MemoryDriver> memory;

    GraphicsStress(GraphicsDriver graphics, GraphicsLimits limits, DriverHandle<MemoryDriver> memory) {
        this.graphics = graphics;
        this.limits = limits;
        this.memory = memory;
    }

    /** The seed's cross-driver coordination: a buffer over an allocation of the selected memory driver. */
    Outcome sharedMemory() {
        HalResult<DriverLease<MemoryDriver>> leased = memory.lease();
        if (leased.isErr()) {
            return Outcome.skip("no memory driver is selected to allocate from: " + leased.errorOrNull());
        }
        try (DriverLease<MemoryDriver> lease = leased.valueOrNull()) {
            MemoryDriver allocator = lease.driver();
            MemoryAllocation allocation = Expect.ok(allocator.allocate(AllocationRequest.of(1024)),
                    allocator.name() + ".allocate(1024 bytes)");
            try {
                GraphicsBuffer view = Expect.ok(graphics.createBufferFromMemory(allocation, BufferUsage.DYNAMIC),
                        "createBufferFromMemory()");
                Expect.that(graphics.isValidBuffer(view) && view.size() == 1024 && view.sharesMemory(),
                        "the buffer over the allocation is not valid, not of its size or not marked as shared");
                view.data().put(7, (byte) 99);
                Expect.that(allocation.buffer().get(7) == 99, "the buffer is a copy, not a view of the allocation");
                Expect.ok(graphics.releaseBuffer(view), "releaseBuffer()");
            } finally {
                allocator.deallocate(allocation.handle());
            }
            return Outcome.pass("a buffer over an allocation of " + allocator.name() + " shares its bytes");
        }
    }

    Outcome exhaustion() {
        if (!limits.accountsTextureMemory()) {
            return Outcome.skip("graphics memory is bounded only by the machine");
        }
        long slice = Math.max(1, limits.textureMemoryBytes() / SLICES);
        List<GraphicsBuffer> first = new ArrayList<>();
        List<GraphicsBuffer> second = new ArrayList<>();
        int fitted;
        try {
            HalError refusal = fill(slice, first);
            Expect.that(refusal != null, "the driver accepted more than its " + limits.textureMemoryBytes()
                    + " bytes of texture memory");
            Expect.that(refusal.category() == ErrorCategory.INSUFFICIENT_RESOURCES
                    && refusal.message().contains(Long.toString(limits.textureMemoryBytes())),
                    "exhaustion was reported as " + refusal + ", not as INSUFFICIENT_RESOURCES naming the limit");
            fitted = first.size();
            Expect.that(fitted > 0, "the first buffer of " + slice + " bytes was refused with " + refusal
                    + ": nothing fitted into the " + limits.textureMemoryBytes() + " bytes of texture memory");
            releaseAll(first);
            Expect.that(fill(slice, second) != null && second.size() == fitted, "after releasing everything "
                    + second.size() + " buffers fitted, where " + fitted + " had");
        } finally {
            releaseAll(first);
            releaseAll(second);
        }
        return Outcome.pass(fitted + " buffers of " + Sizes.of(slice) + " filled the "
                + Sizes.of(limits.textureMemoryBytes()) + " of texture memory; refused, released, and the same again");
    }

    /** Creates buffers of {@code size} into {@code held} until refused; the refusal, or null if never refused. */
    private HalError fill(long size, List<GraphicsBuffer> held) {
        for (int i = 0; i <= SLICES + 1; i++) {
            HalResult<GraphicsBuffer> created = graphics.createBuffer(size, BufferUsage.STATIC);
            if (created.isErr()) {
                return created.errorOrNull();
            }
            held.add(created.valueOrNull());
        }
        return null;
    }

    private void releaseAll(List<GraphicsBuffer> held) {
        held.forEach(graphics::releaseBuffer);
        held.clear();
    }

    Outcome concurrency() throws Exception {
        GraphicsStats before = Expect.ok(graphics.stats(), "stats()");
        String unfinished = Concurrently.run(THREADS, thread -> draw(0xFF000000 | (0x40 << (thread * 8)) | thread));
        if (unfinished != null) {
            return Outcome.fail(unfinished);
        }
        GraphicsStats after = Expect.ok(graphics.stats(), "stats()");
        Expect.that(after.usedBytes() == before.usedBytes() && after.renderTargets() == before.renderTargets(),
                "after every thread released its targets the accounting is " + after + ", it was " + before);
        return Outcome.pass(THREADS + " threads x " + ROUNDS + " rounds of create, clear, read back, release");
    }

    /** One thread's rounds: its targets must show its colour. */
    private void draw(int colour) {
        for (int round = 0; round < ROUNDS; round++) {
            drawOnce(colour);
        }
    }

    /** Creates a target, clears it to {@code colour}, reads it back and releases it. */
    private void drawOnce(int colour) {
        PixelFormat format = Colours.formatOf(limits);
        int width = Math.min(32, limits.maxWidth());
        int height = Math.min(32, limits.maxHeight());
        RenderTarget target = Expect.ok(graphics.createRenderTarget(width, height, format), "createRenderTarget()");
        Expect.ok(graphics.clear(target, colour), "clear()");
        int[] pixels = Expect.ok(graphics.readPixels(target, 0, 0, width, height), "readPixels()");
        Expect.that(pixels.length == width * height, "readPixels() returned " + pixels.length + " of "
                + width * height + " pixels");
        for (int pixel : pixels) {
            Expect.that(pixel == format.quantize(colour), "a target showed another thread's colour");
        }
        Expect.ok(graphics.releaseRenderTarget(target), "releaseRenderTarget()");
    }

    /** Long-running stability: targets created, drawn, read back and released for the soak's length. */
    Outcome soak(Duration length) throws Exception {
        GraphicsStats before = Expect.ok(graphics.stats(), "stats()");
        long rounds = Soak.run(length, round -> drawOnce(0xFF000000 | (int) (round * 0x010203)));
        GraphicsStats after = Expect.ok(graphics.stats(), "stats()");
        Expect.that(after.usedBytes() == before.usedBytes() && after.renderTargets() == before.renderTargets(),
                "after the soak the accounting is " + after + ", it was " + before);
        return Outcome.pass(Soak.length(length) + ": " + rounds + " targets created, cleared, read back and"
                + " released; accounting back where it was");
    }
}
