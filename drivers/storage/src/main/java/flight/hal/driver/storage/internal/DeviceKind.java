package flight.hal.driver.storage.internal;

/** The kinds of block device a configuration can make. */
enum DeviceKind {
    /** Blocks in a file, through positional {@code FileChannel} I/O. */
    FILE,
    /** A memory-mapped file standing in for byte-addressable persistent memory. */
    NVM,
    /** A file divided into sequential-write zones, ZNS style, with persisted write pointers. */
    ZONED
}
