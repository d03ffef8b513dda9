package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import flight.hal.fleet.HalFleet;

class NodeComponentTest {
    private final RecordingContext recording = new RecordingContext(RemoteNode.class);
    private final BundleContext context = recording.context;
    private final List<Dictionary<?, ?>> registered = recording.registered;
    private final List<Object> services = recording.services;

    private static NodeMetatype config(String name, String... interfaces) {
        return (NodeMetatype) Proxy.newProxyInstance(NodeComponentTest.class.getClassLoader(),
                new Class<?>[] {NodeMetatype.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    case "interfaces" -> interfaces;
                    default -> throw new AssertionError("unexpected call " + method);
                });
    }

    @Test
    void aNamedNodeExportsItsBlockDevicesThroughTheHalProviderUntilDeactivated() {
        NodeComponent node = new NodeComponent();
        node.devices.add(new MemoryBlockDevice("disk0", 8).ranked(5));
        node.activate(context, config(" rack-1 ", "flight.hal.storage.BlockDevice"));

        assertEquals(1, registered.size());
        Dictionary<?, ?> properties = registered.get(0);
        assertEquals(RemoteNode.class.getName(), properties.get("service.exported.interfaces"));
        assertEquals("flight.hal", properties.get("service.exported.configs"));
        assertEquals("rack-1", properties.get(HalFleet.NODE_PROPERTY));
        assertEquals(NodeComponent.ENDPOINT, properties.get(HalDistributionProvider.ENDPOINT_NAME));
        RemoteNode exported = (RemoteNode) services.get(0);
        assertEquals("rack-1", exported.heartbeat().node());
        assertEquals("disk0", exported.devices().get(0).name());
        node.deactivate();
        assertEquals(1, recording.unregistered);
    }

    @Test
    void withoutAUsableNameOrAnExportableInterfaceNothingIsExported() {
        NodeComponent node = new NodeComponent();
        node.activate(context, config(" ", "flight.hal.storage.BlockDevice"));
        node.activate(context, config("a/b", "flight.hal.storage.BlockDevice"));
        node.activate(context, config("rack-1", "flight.hal.memory.MemoryDriver"));
        node.activate(context, config("rack-1"));
        node.deactivate();

        assertTrue(registered.isEmpty(), registered.toString());
        assertEquals(0, recording.unregistered);
    }
}
