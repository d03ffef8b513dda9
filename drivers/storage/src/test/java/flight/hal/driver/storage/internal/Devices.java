package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import flight.hal.HalResult;

/** Test helpers: devices opened as a configuration would open them, block patterns, and error codes. */
final class Devices {

    private Devices() {
    }

    /** The properties of a device backed by {@code dir/name.img}, plus {@code keyValues}. */
    static Map<String, Object> properties(Path dir, String name, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(DeviceConfig.NAME, name);
        properties.put(DeviceConfig.PATH, dir.resolve(name + ".img").toString());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    /** A device opened from {@link #properties}, which must be available. */
    static HostBlockDevice open(Path dir, String name, Object... keyValues) {
        HostBlockDevice device = HostBlockDevice.open(properties(dir, name, keyValues));
        assertTrue(device.initialize().isOk(), () -> "device " + name + " did not open: " + device.ioPath());
        return device;
    }

    /** {@code blocks} blocks of {@code blockSize} bytes, each byte derived from {@code seed} and its position. */
    static ByteBuffer pattern(long seed, int blocks, int blockSize) {
        ByteBuffer data = ByteBuffer.allocate(blocks * blockSize);
        for (int i = 0; i < data.capacity(); i++) {
            data.put(i, (byte) (seed * 31 + i * 7 + (i >> 8)));
        }
        return data;
    }

    /** Reads {@code blocks} blocks at {@code lba}, which must succeed. */
    static ByteBuffer read(HostBlockDevice device, long lba, int blocks) {
        ByteBuffer data = ByteBuffer.allocate(blocks * device.deviceCapabilities().logicalBlockSize());
        HalResult<?> read = device.read(lba, data);
        assertTrue(read.isOk(), () -> "read at " + lba + ": " + read);
        return data;
    }

    /** The error code of a result, which must be an error. */
    static String code(HalResult<?> result) {
        assertTrue(result.isErr(), () -> "expected an error, got " + result);
        return result.errorOrNull().code();
    }

    /** Asserts that {@code lba} holds {@code expected}. */
    static void assertHolds(HostBlockDevice device, long lba, ByteBuffer expected) {
        int blocks = expected.capacity() / device.deviceCapabilities().logicalBlockSize();
        assertEquals(expected.duplicate().clear(), read(device, lba, blocks), "content at LBA " + lba);
    }

    /** Waits for {@code latch}, at most 10 s, keeping an interrupt for the caller to see. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isZero(ByteBuffer data) {
        for (int i = data.position(); i < data.limit(); i++) {
            if (data.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
