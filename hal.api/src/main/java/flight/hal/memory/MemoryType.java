package flight.hal.memory;

/** Which memory an allocation comes from. */
public enum MemoryType {
    /** General-purpose main memory. */
    SYSTEM,
    /** Graphics memory (VRAM, texture memory). */
    VIDEO,
    /** Sound memory. */
    AUDIO,
    /** Buffers for network I/O. */
    NETWORK,
    /** Memory shared between processors or drivers. */
    SHARED,
    /** Temporary scratch memory. */
    SCRATCH,
    /** Media engine memory. */
    MEDIA
}
