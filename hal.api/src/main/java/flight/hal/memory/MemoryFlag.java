package flight.hal.memory;

/** What an allocation is for; a driver honours each flag it accepts and refuses the ones it cannot honour. */
public enum MemoryFlag {
    /** The memory reads as zeros when handed out. */
    ZERO_INITIALIZED,
    /** Normal cached access is wanted. */
    CACHEABLE,
    /** Bypass caches (device-shared memory). */
    UNCACHED,
    /** Usable for I/O without an intermediate copy. */
    DMA_CAPABLE,
    /** Readable by the graphics processor. */
    GPU_VISIBLE,
    /** Holds code to execute. */
    EXECUTABLE,
    /** Short-lived; a driver may place it in scratch memory. */
    TEMPORARY,
    /** May be served from the scratch area when the main pool is exhausted (Dreamcast). */
    ALLOW_SCRATCH,
    /** Audio/video processing buffer; served from the media engine's memory where there is one (PSP). */
    MEDIA_PROCESSING
}
