package flight.hal.driver.storage.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of one device, opened fresh in its own folder before each test and closed after it. */
abstract class DeviceTestCase {

    @TempDir
    Path dir;
    HostBlockDevice device;

    /** The device's name, which also names its backing file. */
    abstract String name();

    /** The device's configuration, as key-value pairs. */
    abstract Object[] configuration();

    @BeforeEach
    void open() {
        device = Devices.open(dir, name(), configuration());
    }

    /** Closes the device and opens its file again, with {@code keyValues} as configuration. */
    void reopen(Object... keyValues) {
        device.close();
        device = Devices.open(dir, name(), keyValues);
    }

    @AfterEach
    void close() {
        device.close();
    }
}
