package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;
import flight.hal.testkit.Refusals;

/**
 * A device under test together with the simple model of what it must hold: every byte, every zone's write pointer
 * and state, and the counters. Each good call checks the device's answer against the model and then updates the
 * model; each bad call must be refused and change nothing but the counters of refused submissions.
 */
final class DeviceModel implements AutoCloseable {
    final DeviceGeometry geometry;
    final Path dir;
    HostBlockDevice device;
    /** The device's bytes as the model says they are. */
    final byte[] contents;
    /** Per zone: blocks written since the last reset, and the state. */
    final long[] zoneWritten;
    final ZoneState[] zoneStates;
    private long submitted;
    private long completed;
    private long failed;
    private long bytesRead;
    private long bytesWritten;

    private DeviceModel(DeviceGeometry geometry, Path dir) {
        this.geometry = geometry;
        this.dir = dir;
        this.contents = new byte[(int) geometry.capacityBytes()];
        this.zoneWritten = new long[geometry.zoneCount()];
        this.zoneStates = new ZoneState[geometry.zoneCount()];
        Arrays.fill(zoneStates, ZoneState.EMPTY);
        this.device = geometry.open(dir);
    }

    /** Opens a fresh device of {@code geometry} in a new temporary folder, which {@link #close()} removes. */
    static DeviceModel open(DeviceGeometry geometry) {
        try {
            return new DeviceModel(geometry, Files.createTempDirectory("hal-storage-property"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int blockSize() {
        return geometry.blockSize();
    }

    /** Counts a call that went through the submission queue and completed with {@code result}. */
    void counted(HalResult<IoResult> result) {
        submitted++;
        IoResult done = result.valueOrNull();
        if (done == null) {
            failed++;
            return;
        }
        completed++;
        long bytes = done.blocks() * blockSize();
        if (done.operation() == IoOperation.READ) {
            bytesRead += bytes;
        } else if (done.operation().transfersData()) {
            bytesWritten += bytes;
        }
    }

    void assertStats() {
        assertEquals(new DeviceStats(submitted, completed, failed, 0, 0, bytesRead, bytesWritten), device.stats(),
                "counters");
    }

    /** What a refused call must leave as it was: every counter but the refused submissions, and the zones. */
    private record Untouched(long completed, long bytesRead, long bytesWritten, List<ZoneInfo> zones) {
    }

    private Untouched untouched() {
        DeviceStats stats = device.stats();
        return new Untouched(stats.completed(), stats.bytesRead(), stats.bytesWritten(),
                device.reportZones().valueOrNull());
    }

    /**
     * Asserts that {@code call} is refused and changes nothing; {@code submissions} of the call went through the
     * queue (each counted as submitted and failed) before it was refused.
     */
    HalError refused(String description, Supplier<HalResult<?>> call, int submissions) {
        HalError error = Refusals.assertRefusedWithoutChange(description, call, this::untouched);
        submitted += submissions;
        failed += submissions;
        assertStats();
        assertZones();
        return error;
    }

    /** A buffer of {@code length} bytes behind {@code offset} bytes the caller skipped, its limit short of the end. */
    static ByteBuffer callerBuffer(int offset, int length, boolean direct) {
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(offset + length + 3)
                : ByteBuffer.allocate(offset + length + 3);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) 0x5A);
        }
        return buffer.position(offset).limit(offset + length);
    }

    /** Asserts that the device's bytes at {@code lba} equal the model's. */
    void assertContents(long lba, ByteBuffer read, String description) {
        byte[] expected = Arrays.copyOfRange(contents, (int) (lba * blockSize()),
                (int) (lba * blockSize()) + read.remaining());
        byte[] actual = new byte[read.remaining()];
        read.duplicate().get(actual);
        assertTrue(Arrays.equals(expected, actual), () -> description + ": the bytes read differ from the model's "
                + "at offset " + Arrays.mismatch(expected, actual));
    }

    /** Records {@code data} (its remaining bytes) as written at {@code lba}. */
    void wrote(long lba, ByteBuffer data) {
        data.duplicate().get(contents, (int) (lba * blockSize()), data.remaining());
    }

    void zeroed(long lba, long blocks) {
        Arrays.fill(contents, (int) (lba * blockSize()), (int) ((lba + blocks) * blockSize()), (byte) 0);
    }

    /** The model's zone report. */
    List<ZoneInfo> zones() {
        List<ZoneInfo> zones = new ArrayList<>();
        for (int zone = 0; zone < zoneStates.length; zone++) {
            long start = zone * geometry.zoneSize();
            zones.add(new ZoneInfo(zone, start, geometry.zoneSize(), geometry.zoneCapacity(),
                    start + zoneWritten[zone], zoneStates[zone]));
        }
        return zones;
    }

    void assertZones() {
        if (geometry.kind() == DeviceKind.ZONED) {
            assertEquals(zones(), device.reportZones().orElseThrow(), "zones");
        }
    }

    /** Records {@code blocks} written at zone {@code zone}'s write pointer. */
    void advanced(int zone, long blocks) {
        zoneWritten[zone] += blocks;
        if (zoneWritten[zone] == geometry.zoneCapacity()) {
            zoneStates[zone] = ZoneState.FULL;
        } else if (zoneStates[zone] != ZoneState.EXPLICITLY_OPEN) {
            zoneStates[zone] = ZoneState.IMPLICITLY_OPEN;
        }
    }

    /** Closes the device and opens it again from its files; the counters start afresh. */
    void reopen() {
        device.close();
        device = geometry.open(dir);
        submitted = completed = failed = bytesRead = bytesWritten = 0;
        assertZones();
    }

    @Override
    public void close() {
        device.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return geometry.toString();
    }
}
