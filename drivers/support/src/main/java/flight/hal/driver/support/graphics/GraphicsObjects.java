package flight.hal.driver.support.graphics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flight.hal.LiveObjects;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsHandOver;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.RenderTarget;
import flight.hal.graphics.TargetPixels;

/**
 * One initialization's live buffers and render targets and the graphics memory they are charged, guarded by this
 * object's monitor.
 */
final class GraphicsObjects {
    private final long textureMemoryBytes;
    private final Map<Long, GraphicsBuffer> buffers = new HashMap<>();
    private final Map<Long, Surface> targets = new HashMap<>();
    private long usedBytes;
    private long peakUsedBytes;

    GraphicsObjects(long textureMemoryBytes) {
        this.textureMemoryBytes = textureMemoryBytes;
    }

    /** Charges {@code bytes} of graphics memory; false, charging nothing, when they do not fit. */
    synchronized boolean charge(long bytes) {
        if (bytes > textureMemoryBytes - usedBytes) {
            return false;
        }
        usedBytes += bytes;
        peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
        return true;
    }

    synchronized void refund(long bytes) {
        usedBytes -= bytes;
    }

    synchronized long usedBytes() {
        return usedBytes;
    }

    synchronized void add(GraphicsBuffer buffer) {
        buffers.put(buffer.handle(), buffer);
    }

    synchronized void add(Surface surface) {
        targets.put(surface.target.handle(), surface);
    }

    /** The live buffer with {@code buffer}'s handle and memory; null when there is none. */
    synchronized GraphicsBuffer buffer(GraphicsBuffer buffer) {
        GraphicsBuffer live = buffers.get(buffer.handle());
        return live != null && live.data() == buffer.data() ? live : null;
    }

    /** The surface of the live target {@code target}; null when there is none. */
    synchronized Surface surface(RenderTarget target) {
        Surface live = targets.get(target.handle());
        return live != null && live.target.equals(target) ? live : null;
    }

    /** Removes a live buffer, refunding its charge; false when it is not live. */
    synchronized boolean remove(GraphicsBuffer buffer) {
        if (buffer(buffer) == null) {
            return false;
        }
        buffers.remove(buffer.handle());
        usedBytes -= charge(buffer);
        return true;
    }

    /** What a buffer is charged: its size, or nothing for a view of a memory allocation. */
    static long charge(GraphicsBuffer buffer) {
        return buffer.sharesMemory() ? 0 : buffer.size();
    }

    /** Removes a live target, refunding its pixels; false when it is not live. */
    synchronized boolean remove(RenderTarget target) {
        if (surface(target) == null) {
            return false;
        }
        targets.remove(target.handle());
        usedBytes -= target.sizeInBytes();
        return true;
    }

    /** Adds objects another driver made, all or none: false, adding nothing, when their bytes do not fit. */
    synchronized boolean adopt(List<GraphicsBuffer> adoptedBuffers, List<Surface> adoptedTargets, long bytes) {
        if (!charge(bytes)) {
            return false;
        }
        adoptedBuffers.forEach(this::add);
        adoptedTargets.forEach(this::add);
        return true;
    }

    /** Every live object, the targets with their own pixel buffers. */
    synchronized GraphicsHandOver export() {
        return new GraphicsHandOver(List.copyOf(buffers.values()), targets.values().stream()
                .map(surface -> new TargetPixels(surface.target, surface.pixels())).toList());
    }

    /** Removes every live object, refunding its charge; what was removed. */
    synchronized LiveObjects removeAll() {
        LiveObjects removed = liveObjects();
        buffers.clear();
        targets.clear();
        usedBytes = 0;
        return removed;
    }

    /** Live objects, and the graphics memory they are charged. */
    synchronized LiveObjects liveObjects() {
        return new LiveObjects(buffers.size() + (long) targets.size(), usedBytes);
    }

    synchronized GraphicsStats stats() {
        return new GraphicsStats(textureMemoryBytes, usedBytes, peakUsedBytes, buffers.size(), targets.size());
    }
}
