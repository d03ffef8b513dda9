package flight.hal.graphics;

/**
 * A graphics driver's accounting at one moment.
 *
 * @param textureMemoryBytes the accounted graphics memory ({@link GraphicsLimits#textureMemoryBytes()})
 * @param usedBytes          bytes held by live buffers of the driver's own memory and live render targets
 * @param peakUsedBytes      highest {@code usedBytes} since initialization
 * @param buffers            live buffers, including views of memory allocations
 * @param renderTargets      live render targets
 */
public record GraphicsStats(long textureMemoryBytes, long usedBytes, long peakUsedBytes, int buffers,
                            int renderTargets) {
}
