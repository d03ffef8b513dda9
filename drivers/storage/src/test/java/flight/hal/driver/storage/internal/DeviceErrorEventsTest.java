package flight.hal.driver.storage.internal;

import static flight.hal.driver.storage.internal.Devices.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.storage.IoRequest;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.StorageEvents;

/** A device posts what the medium failed, and a failure to open, to Event Admin; the caller's mistakes it does not. */
class DeviceErrorEventsTest {
    private static final int BLOCK = 512;

    @TempDir
    Path dir;

    private final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();
    /** Records what is posted; a device never sends (synchronously), nor calls anything else. */
    private final EventAdmin recording = (EventAdmin) Proxy.newProxyInstance(EventAdmin.class.getClassLoader(),
            new Class<?>[] {EventAdmin.class}, (proxy, method, arguments) -> {
                if (!method.getName().equals("postEvent")) {
                    throw new AssertionError("Event Admin called by " + method);
                }
                posted.add((Event) arguments[0]);
                return null;
            });

    private HostBlockDevice open(Map<String, Object> properties) {
        HostBlockDevice device = new HostBlockDevice();
        device.eventAdmin = recording;
        device.activate(properties);
        return device;
    }

    private static void assertEvent(Event event, String device, String operation, String code, String message) {
        assertNotNull(event, "no event posted");
        assertEquals(StorageEvents.DEVICE_ERROR, event.getTopic());
        assertEquals(device, event.getProperty(StorageEvents.DEVICE));
        assertEquals(operation, event.getProperty(StorageEvents.OPERATION));
        assertEquals(code, event.getProperty(StorageEvents.ERROR_CODE));
        assertEquals(message, event.getProperty(StorageEvents.MESSAGE));
    }

    @Test
    void aDeviceThatCannotOpenPostsItsFailure() throws Exception {
        Path notADirectory = Files.createFile(dir.resolve("plain-file"));
        try (HostBlockDevice device = open(Devices.properties(notADirectory, "nowhere"))) {
            Event event = posted.poll();
            assertNotNull(event, device.ioPath());
            assertEquals(StorageEvents.OPEN, event.getProperty(StorageEvents.OPERATION));
            assertEquals("nowhere", event.getProperty(StorageEvents.DEVICE));
            assertTrue(device.ioPath().contains((String) event.getProperty(StorageEvents.MESSAGE)), device.ioPath());
            assertEquals(ErrorCategory.IO_ERROR.name(), event.getProperty(StorageEvents.ERROR_CATEGORY));
        }
    }

    @Test
    void whatTheMediumFailsIsPostedOnBothPathsAndRefusedRequestsAreNot() throws Exception {
        try (HostBlockDevice device = open(Devices.properties(dir, "zns", DeviceConfig.KIND, "ZONED",
                DeviceConfig.BLOCK_SIZE, BLOCK, DeviceConfig.ZONE_SIZE_BLOCKS, 16, DeviceConfig.ZONE_COUNT, 4,
                DeviceConfig.ZONES_OFFLINE, "1"))) {
            assertTrue(device.initialize().isOk(), device.ioPath());

            HalResult<?> read = device.read(16, ByteBuffer.allocate(BLOCK));
            assertEquals(StorageErrors.ZONE_OFFLINE, code(read));
            assertEvent(posted.poll(), "zns", "READ", StorageErrors.ZONE_OFFLINE, read.errorOrNull().message());

            HalResult<?> write = device.submit(IoRequest.write(16, Devices.pattern(1, 1, BLOCK)))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(StorageErrors.ZONE_OFFLINE, code(write));
            assertEvent(posted.poll(10, TimeUnit.SECONDS), "zns", "WRITE", StorageErrors.ZONE_OFFLINE,
                    write.errorOrNull().message());

            assertEquals(StorageErrors.OUT_OF_RANGE, code(device.read(1 << 20, ByteBuffer.allocate(BLOCK))));
            assertNull(posted.poll(), "a refused request is the caller's error, not the device's");
        }
    }

    @Test
    void anEventAdminThatThrowsDoesNotReachTheCaller() {
        try (HostBlockDevice device = open(Devices.properties(dir, "zns", DeviceConfig.KIND, "ZONED",
                DeviceConfig.BLOCK_SIZE, BLOCK, DeviceConfig.ZONE_SIZE_BLOCKS, 16, DeviceConfig.ZONE_COUNT, 4,
                DeviceConfig.ZONES_OFFLINE, "1"))) {
            device.eventAdmin = (EventAdmin) Proxy.newProxyInstance(EventAdmin.class.getClassLoader(),
                    new Class<?>[] {EventAdmin.class}, (proxy, method, arguments) -> {
                        throw new IllegalStateException("a broken Event Admin");
                    });
            assertEquals(StorageErrors.ZONE_OFFLINE, code(device.read(16, ByteBuffer.allocate(BLOCK))));
        }
    }
}
