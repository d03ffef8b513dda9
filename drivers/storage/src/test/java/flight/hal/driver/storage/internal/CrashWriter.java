package flight.hal.driver.storage.internal;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import flight.hal.storage.IoRequest;

/**
 * The child process of {@link CrashRecoveryTest}: writes to a FILE device with FUA, appends to a ZONED device with
 * FUA, stores into an NVM device's mapping and persists the range, and prints one line per acknowledged write, until
 * it is killed.
 */
public final class CrashWriter {
    static final int BLOCK = 512;
    static final int ZONE_BLOCKS = 64;
    static final int WRITES = 4096;

    private CrashWriter() {
    }

    static Map<String, Object> file(Path dir) {
        return Devices.properties(dir, "file", DeviceConfig.BLOCK_SIZE, BLOCK, DeviceConfig.CAPACITY_BYTES,
                WRITES * BLOCK);
    }

    static Map<String, Object> zoned(Path dir) {
        return Devices.properties(dir, "zns", DeviceConfig.KIND, "ZONED", DeviceConfig.BLOCK_SIZE, BLOCK,
                DeviceConfig.ZONE_SIZE_BLOCKS, ZONE_BLOCKS, DeviceConfig.ZONE_COUNT, WRITES / ZONE_BLOCKS);
    }

    static Map<String, Object> nvm(Path dir) {
        return Devices.properties(dir, "nvm", DeviceConfig.KIND, "NVM", DeviceConfig.BLOCK_SIZE, BLOCK,
                DeviceConfig.CAPACITY_BYTES, WRITES * BLOCK);
    }

    /** Writes until killed (or until every device is full); {@code args[0]} is the directory of the devices. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (HostBlockDevice file = HostBlockDevice.open(file(dir));
             HostBlockDevice zoned = HostBlockDevice.open(zoned(dir));
             HostBlockDevice nvm = HostBlockDevice.open(nvm(dir))) {
            ByteBuffer mapping = nvm.mapping().orElseThrow();
            out.println("ready");
            for (int i = 0; i < WRITES; i++) {
                file.execute(IoRequest.writeFua(i, Devices.pattern(i, 1, BLOCK))).orElseThrow();
                out.println("ack file " + i + " " + i);
                long zoneStart = (long) (i / ZONE_BLOCKS) * ZONE_BLOCKS;
                long lba = zoned.execute(IoRequest.zoneAppend(zoneStart, Devices.pattern(-i, 1, BLOCK)).withFua())
                        .orElseThrow().resultLba();
                out.println("ack zns " + lba + " " + -i);
                mapping.put(i * BLOCK, Devices.pattern(i * 7L, 1, BLOCK), 0, BLOCK);
                nvm.persist((long) i * BLOCK, BLOCK).orElseThrow();
                out.println("ack nvm " + i + " " + i * 7L);
            }
        }
    }
}
