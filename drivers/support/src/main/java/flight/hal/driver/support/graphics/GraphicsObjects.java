package flight.hal.driver.support.graphics;

import java.util.HashMap;
import java.util.Map;

import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.RenderTarget;

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

    synchronized int liveCount() {
        return buffers.size() + targets.size();
    }

    synchronized GraphicsStats stats() {
        return new GraphicsStats(textureMemoryBytes, usedBytes, peakUsedBytes, buffers.size(), targets.size());
    }
}
