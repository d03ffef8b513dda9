package flight.hal.driver.storage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The form of a factory configuration of {@code flight.hal.storage.device} in a Metatype-aware console.
 * {@link DeviceConfig} reads the properties; this only describes them. Bounds that depend on other fields (a
 * capacity of whole blocks, zones that fit the capacity) are in the descriptions; the device reports a violation as
 * a configuration problem and keeps the default.
 */
@ObjectClassDefinition(name = "Flight HAL block device",
        description = "One block device per configuration, backed by a file on the host and registered as a HAL "
                + "BlockDevice driver. Deleting the configuration removes the device (the file stays).")
@interface DeviceMetatype {

    @AttributeDefinition(name = "Driver name", description = "hal.driver.name: the device's driver name, as "
            + "hal:devices and pins name it.")
    String hal_driver_name() default DeviceConfig.DEFAULT_NAME;

    @AttributeDefinition(name = "Ranking", description = "service.ranking: the HAL priority among BlockDevice "
            + "drivers; the highest available one is selected.")
    int service_ranking() default 0;

    @AttributeDefinition(name = "Backing file", description = "path: the file holding the device's blocks, created "
            + "when missing. Required.")
    String path();

    @AttributeDefinition(name = "Kind", options = {
            @Option(value = "FILE", label = "FILE: a plain block device"),
            @Option(value = "NVM", label = "NVM: byte-addressable, memory-mapped (at most 2 GiB)"),
            @Option(value = "ZONED", label = "ZONED: zones written sequentially at a write pointer")},
            description = "kind: what sort of device the file emulates (case does not matter).")
    String kind() default "FILE";

    @AttributeDefinition(name = "Block size (bytes)", options = {@Option(value = "512", label = "512 B"),
            @Option(value = "1024", label = "1 KiB"), @Option(value = "2048", label = "2 KiB"),
            @Option(value = "4096", label = "4 KiB"), @Option(value = "8192", label = "8 KiB"),
            @Option(value = "16384", label = "16 KiB"), @Option(value = "32768", label = "32 KiB"),
            @Option(value = "65536", label = "64 KiB")},
            description = "block.size: the logical block size in bytes, a power of two from 512 to 65536.")
    int block_size() default 4096;

    @AttributeDefinition(name = "Capacity (bytes)", min = "512", description = "capacity.bytes: the device's size "
            + "in bytes, a whole number of blocks (at most 2 GiB for NVM). For ZONED the zones' total is used: zone "
            + "count times zone size. Default 64 MiB.")
    long capacity_bytes() default 64L << 20;

    @AttributeDefinition(name = "Largest transfer (bytes)", min = "512", max = "1073741824",
            description = "max.transfer.bytes: the largest single request in bytes, whole blocks, at most 1 GiB. "
                    + "Default 1 MiB (or one block, if larger).")
    int max_transfer_bytes() default 1 << 20;

    @AttributeDefinition(name = "Queue depth", min = "1", max = "65536",
            description = "queue.depth: requests queued before submitters are pushed back.")
    int queue_depth() default 64;

    @AttributeDefinition(name = "I/O threads", min = "1", max = "64",
            description = "io.threads: threads executing the device's requests.")
    int io_threads() default 2;

    @AttributeDefinition(name = "Direct I/O", description = "direct.io: bypass the page cache where the file system "
            + "allows it.")
    boolean direct_io() default false;

    @AttributeDefinition(name = "Zone size (blocks)", min = "1", description = "zone.size.blocks (ZONED only): "
            + "blocks per zone, at most the capacity in blocks. Default 256, or the capacity if smaller.")
    long zone_size_blocks() default 256;

    @AttributeDefinition(name = "Zone capacity (blocks)", required = false, min = "1",
            description = "zone.capacity.blocks (ZONED only): writable blocks per zone, at most the zone size. "
                    + "Empty: the zone size.")
    long zone_capacity_blocks();

    @AttributeDefinition(name = "Zone count", required = false, min = "1", max = "1048576",
            description = "zone.count (ZONED only): number of zones, at most 1,048,576 and what fits the capacity. "
                    + "Empty: as many as fit.")
    int zone_count();

    @AttributeDefinition(name = "Read-only zones", required = false, description = "zones.read.only (ZONED only): "
            + "numbers of the zones that start read-only, comma separated (0 is the first zone).")
    String zones_read_only();

    @AttributeDefinition(name = "Offline zones", required = false, description = "zones.offline (ZONED only): "
            + "numbers of the zones that start offline, comma separated (0 is the first zone).")
    String zones_offline();

    @AttributeDefinition(name = "Thermal threshold (°C)", description = "thermal.threshold.celsius: above this "
            + "temperature the device throttles its requests.")
    double thermal_threshold_celsius() default 85.0;

    @AttributeDefinition(name = "Thermal pause (µs)", min = "0", max = "1000000",
            description = "thermal.pause.micros: the pause added to each request while throttled, in microseconds.")
    long thermal_pause_micros() default 1000;

    @AttributeDefinition(name = "Thermal interval (ms)", min = "0", max = "3600000",
            description = "thermal.interval.millis: the temperature is read at most once per this many milliseconds (the sensor is the selected TemperatureSensor driver).")
    long thermal_interval_millis() default 1000;
}
