package flight.hal.driver.storage.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PowerOfTwo;
import flight.hal.storage.StorageErrors;

/**
 * A block device's configuration, read from the component properties of its factory configuration.
 *
 * @param name             {@code hal.driver.name}; default {@value #DEFAULT_NAME}, the registration's default
 * @param ranking          {@code service.ranking}; default 0
 * @param path             {@code path}: the backing file, created when missing (required)
 * @param kind             {@code kind}: FILE, NVM or ZONED; default FILE
 * @param blockSize        {@code block.size}: logical block size in bytes, a power of two in [512, 65536]; default
 *                         4096
 * @param capacityBlocks   from {@code capacity.bytes} (default 64 MiB), a whole number of blocks; for ZONED the
 *                         zones' total (zone count times zone size)
 * @param maxTransferBytes {@code max.transfer.bytes}: the largest single request, whole blocks; default 1 MiB
 * @param queueDepth       {@code queue.depth}: queued requests before push-back; default 64
 * @param ioThreads        {@code io.threads}: threads executing requests; default 2
 * @param directIo         {@code direct.io}: bypass the page cache where the file system allows; default false
 * @param zones            {@code zone.size.blocks} (default 256), {@code zone.capacity.blocks} (default the size),
 *                         {@code zone.count} (default as many as fit the capacity; at most {@value #MAX_ZONES}),
 *                         {@code zones.read.only} and {@code zones.offline} (zone numbers, comma separated)
 * @param thermal          {@code thermal.threshold.celsius} (default 85), {@code thermal.pause.micros} (default
 *                         1000), {@code thermal.interval.millis} (default 1000)
 */
record DeviceConfig(String name, int ranking, Path path, DeviceKind kind, int blockSize, long capacityBlocks,
                    int maxTransferBytes, int queueDepth, int ioThreads, boolean directIo, ZoneGeometry zones,
                    ThermalPolicy thermal) {

    static final String NAME = "hal.driver.name";
    /** The name of a device whose configuration gives none; the same in its {@code @RegisterHalDriver}. */
    static final String DEFAULT_NAME = "storage.device";
    static final String RANKING = "service.ranking";
    static final String PATH = "path";
    static final String KIND = "kind";
    static final String BLOCK_SIZE = "block.size";
    static final String CAPACITY_BYTES = "capacity.bytes";
    static final String MAX_TRANSFER_BYTES = "max.transfer.bytes";
    static final String QUEUE_DEPTH = "queue.depth";
    static final String IO_THREADS = "io.threads";
    static final String DIRECT_IO = "direct.io";
    static final String ZONE_SIZE_BLOCKS = "zone.size.blocks";
    static final String ZONE_CAPACITY_BLOCKS = "zone.capacity.blocks";
    static final String ZONE_COUNT = "zone.count";
    static final String ZONES_READ_ONLY = "zones.read.only";
    static final String ZONES_OFFLINE = "zones.offline";
    static final String THERMAL_THRESHOLD = "thermal.threshold.celsius";
    static final String THERMAL_PAUSE_MICROS = "thermal.pause.micros";
    static final String THERMAL_INTERVAL_MILLIS = "thermal.interval.millis";

    private static final long DEFAULT_CAPACITY = 64L << 20;
    private static final int DEFAULT_BLOCK_SIZE = 4096;
    /** The most zones a device has: each is an object in memory and a record in the metadata file. */
    static final int MAX_ZONES = 1 << 20;
    private static final int DEFAULT_MAX_TRANSFER = 1 << 20;

    /** Reads and checks the properties; every problem is named in one {@code INVALID_PARAMETER} error. */
    static HalResult<DeviceConfig> from(Map<String, ?> properties) {
        Settings settings = new Settings(properties);
        DeviceConfig config = read(settings);
        if (!settings.problems().isEmpty()) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.CONFIG_INVALID,
                    "block device configuration for " + config.path() + " rejected: "
                            + String.join("; ", settings.problems())));
        }
        return HalResult.ok(config);
    }

    /** The configuration as far as it can be read, with defaults for bad values: enough to name a broken device. */
    static DeviceConfig bestEffort(Map<String, ?> properties) {
        return read(new Settings(properties));
    }

    private static DeviceConfig read(Settings settings) {
        String pathText = settings.text(PATH, "");
        if (pathText.isEmpty()) {
            settings.problem(PATH + " is required: the file that holds the device's blocks");
        }
        Path path = Path.of(pathText.isEmpty() ? "unset" : pathText).toAbsolutePath();
        DeviceKind kind = settings.choice(KIND, DeviceKind.FILE);
        int blockSize = (int) settings.checked(BLOCK_SIZE, settings.integer(BLOCK_SIZE, DEFAULT_BLOCK_SIZE, 512,
                65536), PowerOfTwo::is, DEFAULT_BLOCK_SIZE, "is not a power of two");
        String wholeBlocks = "is not a whole number of " + blockSize + "-byte blocks";
        long capacityBytes = settings.checked(CAPACITY_BYTES, settings.number(CAPACITY_BYTES, DEFAULT_CAPACITY,
                blockSize, kind == DeviceKind.NVM ? Integer.MAX_VALUE : (long) Integer.MAX_VALUE * blockSize),
                bytes -> bytes % blockSize == 0, DEFAULT_CAPACITY, wholeBlocks);
        int defaultMaxTransfer = Math.max(DEFAULT_MAX_TRANSFER, blockSize);
        int maxTransfer = (int) settings.checked(MAX_TRANSFER_BYTES, settings.integer(MAX_TRANSFER_BYTES,
                defaultMaxTransfer, blockSize, 1 << 30), bytes -> bytes % blockSize == 0, defaultMaxTransfer,
                wholeBlocks);
        ZoneGeometry zones = kind == DeviceKind.ZONED ? zones(settings, capacityBytes / blockSize) : ZoneGeometry.NONE;
        long capacityBlocks = kind == DeviceKind.ZONED ? zones.count() * zones.sizeBlocks() : capacityBytes / blockSize;
        ThermalPolicy thermal = new ThermalPolicy(settings.decimal(THERMAL_THRESHOLD, 85.0),
                TimeUnit.MICROSECONDS.toNanos(settings.number(THERMAL_PAUSE_MICROS, 1000, 0, 1_000_000)),
                TimeUnit.MILLISECONDS.toNanos(settings.number(THERMAL_INTERVAL_MILLIS, 1000, 0, 3_600_000)));
        return new DeviceConfig(settings.text(NAME, DEFAULT_NAME),
                settings.integer(RANKING, 0, Integer.MIN_VALUE, Integer.MAX_VALUE), path, kind, blockSize,
                capacityBlocks, maxTransfer, settings.integer(QUEUE_DEPTH, 64, 1, 1 << 16),
                settings.integer(IO_THREADS, 2, 1, 64), settings.flag(DIRECT_IO), zones, thermal);
    }

    private static ZoneGeometry zones(Settings settings, long capacityBlocks) {
        long size = settings.number(ZONE_SIZE_BLOCKS, Math.min(256, capacityBlocks), 1, capacityBlocks);
        long capacity = settings.number(ZONE_CAPACITY_BLOCKS, size, 1, size);
        int maxCount = (int) Math.min(MAX_ZONES, Integer.MAX_VALUE / size);
        long fitting = Math.min(capacityBlocks / size, maxCount);
        if (settings.text(ZONE_COUNT, "").isEmpty() && capacityBlocks / size > maxCount) {
            settings.problem(capacityBlocks / size + " zones of " + size + " blocks fill the capacity, more than the "
                    + maxCount + " a device can have: set zone.count or larger zones");
        }
        int count = settings.integer(ZONE_COUNT, (int) fitting, 1, maxCount);
        return new ZoneGeometry(size, capacity, count, settings.indexes(ZONES_READ_ONLY, count),
                settings.indexes(ZONES_OFFLINE, count));
    }

    /** The device's size in bytes. */
    long capacityBytes() {
        return capacityBlocks * blockSize;
    }

    /** The file beside the backing file that holds {@code suffix} metadata (zones, discards). */
    Path sidecar(String suffix) {
        return path.resolveSibling(path.getFileName() + "." + suffix);
    }
}
