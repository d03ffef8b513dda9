package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;

import org.apache.aries.rsa.spi.DistributionProvider;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class RemoteServicesComponentTest {
    private final RecordingContext recording = new RecordingContext(DistributionProvider.class);
    private final BundleContext context = recording.context;
    private final List<Dictionary<?, ?>> registered = recording.registered;
    private final List<Object> services = recording.services;

    private static RemoteServicesMetatype config(String secret) {
        ClassLoader loader = RemoteServicesComponentTest.class.getClassLoader();
        return (RemoteServicesMetatype) Proxy.newProxyInstance(loader,
                new Class<?>[] {RemoteServicesMetatype.class}, (proxy, method, args) -> switch (
                        method.getName()) {
                    case "secret" -> secret;
                    case "bindHost" -> "127.0.0.1";
                    case "port" -> 0;
                    case "callTimeoutMillis" -> 2000;
                    default -> throw new AssertionError("unexpected call " + method);
                });
    }

    @Test
    void withoutASecretNothingIsOfferedToRemoteServiceAdmin() {
        RemoteServicesComponent component = new RemoteServicesComponent();
        component.activate(context, config(null));
        component.deactivate();
        component.activate(context, config(" "));
        component.deactivate();

        assertTrue(registered.isEmpty(), registered.toString());
    }

    @Test
    void withASecretTheProviderIsOfferedForItsConfigTypeUntilDeactivated() {
        RemoteServicesComponent component = new RemoteServicesComponent();
        component.activate(context, config("fleet"));

        assertEquals(1, registered.size());
        assertArrayEquals(new String[] {HalDistributionProvider.CONFIG_TYPE},
                (String[]) registered.get(0).get("remote.configs.supported"));
        assertTrue(services.get(0) instanceof HalDistributionProvider);
        component.deactivate();
        assertEquals(1, recording.unregistered);
    }
}
