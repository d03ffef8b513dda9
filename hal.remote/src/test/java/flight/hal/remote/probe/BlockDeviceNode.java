package flight.hal.remote.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Constants;

import flight.hal.storage.BlockDevice;
import flight.hal.remote.internal.MemoryBlockDevice;

/**
 * A HAL node in its own JVM for {@link RemoteBlockDevicesAcrossJvmsTest}: a framework with the HAL provider on
 * 127.0.0.1, one in-memory block device {@value #DEVICE} (ranking {@value #DEVICE_RANKING}) and the node configuration {@code flight.hal.node}; prints
 * the export's endpoint properties and {@code READY}, and stops when its standard input closes.
 */
public final class BlockDeviceNode {
    static final String DEVICE = "disk0";
    static final int DEVICE_BLOCKS = 4096;
    /** The device's ranking on the node, which the controller's driver keeps: above a local device's. */
    static final int DEVICE_RANKING = 100;

    private BlockDeviceNode() {
    }

    /** Arguments: the port, the fleet secret and the node's name. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path work = Files.createTempDirectory("block-node");
        ProbeFramework framework = new ProbeFramework("hal", work.resolve("felix"),
                f -> f.configure("flight.hal.remote", ProbeFramework.halSettings(port, args[1])));
        try {
            Dictionary<String, Object> driver = new Hashtable<>();
            driver.put(BlockDevice.INTERFACE_PROPERTY, BlockDevice.class.getName());
            driver.put(BlockDevice.NAME_PROPERTY, DEVICE);
            driver.put(Constants.SERVICE_RANKING, DEVICE_RANKING);
            framework.context().registerService(BlockDevice.class, new MemoryBlockDevice(DEVICE, DEVICE_BLOCKS),
                    driver);
            Dictionary<String, Object> node = new Hashtable<>();
            node.put("name", args[2]);
            framework.configure("flight.hal.node", node);
            ProbeNode.announceAndServe(framework);
        } finally {
            framework.close();
        }
    }
}
