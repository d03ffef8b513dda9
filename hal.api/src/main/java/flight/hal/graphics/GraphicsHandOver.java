package flight.hal.graphics;

import java.util.List;

import flight.hal.LiveObjects;

/**
 * The live buffers and render targets a graphics driver hands to its successor ({@link flight.hal.ObjectOwner}). Each
 * keeps its handle and its memory, so what clients hold stays valid with its contents.
 *
 * @param buffers the live buffers
 * @param targets the live render targets with their pixels
 *
 * @since 1.1
 */
public record GraphicsHandOver(List<GraphicsBuffer> buffers, List<TargetPixels> targets) {

    public GraphicsHandOver {
        buffers = List.copyOf(buffers);
        targets = List.copyOf(targets);
    }

    /** How many objects and bytes: buffers count their size, views of memory allocations nothing, targets their pixels. */
    public LiveObjects size() {
        long bytes = 0;
        for (GraphicsBuffer buffer : buffers) {
            bytes = Math.addExact(bytes, buffer.sharesMemory() ? 0 : buffer.size());
        }
        for (TargetPixels target : targets) {
            bytes = Math.addExact(bytes, target.target().sizeInBytes());
        }
        return new LiveObjects(buffers.size() + (long) targets.size(), bytes);
    }
}
