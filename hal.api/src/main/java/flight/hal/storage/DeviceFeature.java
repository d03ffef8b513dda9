package flight.hal.storage;

/** What a block device can do beyond reading and writing blocks. */
public enum DeviceFeature {
    /** Byte-addressable persistent memory: a mapping and {@link BlockDevice#persist(long, long)}. */
    NVM,
    /** Zoned namespace: sequential-write zones with write pointers, zone append and zone management. */
    ZONED,
    /** Force unit access on writes. */
    FUA,
    /** Discard (trim): discarded blocks read back as zeros. */
    DISCARD,
    /** Zone write pointers and states survive a restart of the device. */
    PERSISTENT_WRITE_POINTERS,
    /** Transfers bypass the operating system's page cache (O_DIRECT). */
    DIRECT_IO,
    /** The NVM mapping is synchronous (MAP_SYNC on a DAX file system): a persist needs no file system sync. */
    SYNCHRONOUS_MAPPING
}
