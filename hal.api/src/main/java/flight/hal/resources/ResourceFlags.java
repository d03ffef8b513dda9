package flight.hal.resources;

/** What a resource is for and what may be done with it. */
public enum ResourceFlags {
    /** Normal cached access is wanted. */
    CACHEABLE,
    /** The graphics processor reads or writes it. */
    GPU_ACCESSIBLE,
    /** Usable for DMA transfers. */
    DMA_CAPABLE,
    /** May be shared with other drivers ({@link ResourceManager#share(ResourceHandle, String)}). */
    SHAREABLE,
    /** Kept for the life of the application: a hint to reclaimers to leave it alone. */
    PERSISTENT,
    /** Short-lived. */
    TEMPORARY
}
