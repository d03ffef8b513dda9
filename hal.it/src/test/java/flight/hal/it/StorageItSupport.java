package flight.hal.it;

import static org.ops4j.pax.exam.CoreOptions.composite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import flight.hal.storage.BlockDevice;

/**
 * The framework with the platform and storage bundles, and block devices made through Config Admin in a fresh folder.
 */
public abstract class StorageItSupport extends HalItSupport {
    static final String BLOCK_DEVICE = BlockDevice.class.getName();
    static final String DEVICE_FACTORY_PID = "flight.hal.storage.device";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** This test's folder for backing files. */
    protected Path devices;

    static Option storageFramework() {
        return composite(halFramework(), ourBundle("flight.hal.driver.platform"), ourBundle("flight.hal.driver.storage"));
    }

    @Before
    public void createDeviceFolder() throws Exception {
        Path work = Files.createDirectories(Paths.get(System.getProperty("hal.it.work")));
        devices = Files.createTempDirectory(work, "devices");
    }

    /** Creates (or replaces) the factory configuration of device {@code name}, backed by a file in the folder. */
    protected Configuration device(String name, Object... keyValues) throws Exception {
        return device(configurationAdmin, devices, name, keyValues);
    }

    /** Creates (or replaces) the factory configuration of device {@code name}, backed by a file in {@code folder}. */
    static Configuration device(ConfigurationAdmin admin, Path folder, String name, Object... keyValues)
            throws Exception {
        Configuration configuration = admin.getFactoryConfiguration(DEVICE_FACTORY_PID, name, "?");
        configuration.update(properties(folder, name, keyValues));
        return configuration;
    }

    protected Dictionary<String, Object> properties(String name, Object... keyValues) {
        return properties(devices, name, keyValues);
    }

    private static Dictionary<String, Object> properties(Path folder, String name, Object... keyValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("hal.driver.name", name);
        properties.put("path", folder.resolve(name + ".img").toString());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    /** Waits for the device registered as {@code name} (not the registry's republication) and returns it. */
    protected BlockDevice awaitDevice(String name) throws Exception {
        return (BlockDevice) awaitService("(&(objectClass=" + BLOCK_DEVICE + ")(hal.driver.name=" + name
                + ")(!(hal.selected=*)))");
    }
}
