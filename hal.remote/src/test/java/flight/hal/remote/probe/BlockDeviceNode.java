package flight.hal.remote.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import flight.hal.storage.BlockDevice;
import flight.hal.remote.internal.MemoryBlockDevice;

/**
 * A HAL node in its own JVM for {@link RemoteBlockDevicesAcrossJvmsTest}: a framework with the HAL provider on
 * 127.0.0.1, one in-memory block device {@value #DEVICE} and the node configuration {@code flight.hal.node}; prints
 * the export's endpoint properties and {@code READY}, and stops when its standard input closes.
 */
public final class BlockDeviceNode {
    static final String DEVICE = "disk0";
    static final int DEVICE_BLOCKS = 4096;

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
