package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;


/**
 * Empty zones for the zone tests, one per test state. Opening a zone table creates and forces its metadata file, far
 * too slow to do per state, so tables of many zones are opened and their zones handed out one by one. A table's
 * metadata file is deleted as soon as it is open; the open channel keeps it until the table is garbage.
 */
final class FreshZones {
    private static final long BLOCKS_PER_ZONE = 4;
    private static final int ZONES_PER_TABLE = 4096;
    private static final int BLOCK_SIZE = 512;

    private static Path directory;
    private static int tables;
    private static ZoneTable table;
    private static int nextZone = ZONES_PER_TABLE;

    private FreshZones() {
    }

    /** An empty zone of a table, named by its start LBA; no other caller gets it. */
    static synchronized EmptyZone take() {
        if (nextZone == ZONES_PER_TABLE) {
            table = openTable();
            nextZone = 0;
        }
        return new EmptyZone(table, nextZone++ * BLOCKS_PER_ZONE);
    }

    /** A zone no write has touched yet: {@code start} is its first LBA and its write pointer. */
    record EmptyZone(ZoneTable table, long start) {
    }

    private static ZoneTable openTable() {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("hal-stress-zones");
                directory.toFile().deleteOnExit();
            }
            Path device = directory.resolve("zoned-" + tables++);
            DeviceConfig config = DeviceConfig.from(Map.of("path", device.toString(), "kind", "ZONED",
                    "block.size", BLOCK_SIZE, "zone.size.blocks", BLOCKS_PER_ZONE, "zone.count", ZONES_PER_TABLE,
                    "capacity.bytes", ZONES_PER_TABLE * BLOCKS_PER_ZONE * BLOCK_SIZE)).orElseThrow();
            ZoneTable opened = ZoneTable.open(config).orElseThrow();
            try (Stream<Path> written = Files.list(directory)) { // its metadata: the only file a table writes
                for (Path file : written.toList()) {
                    Files.delete(file);
                }
            }
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
