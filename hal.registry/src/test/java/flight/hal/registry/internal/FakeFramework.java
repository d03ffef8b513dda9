package flight.hal.registry.internal;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Just enough of a framework to activate a {@link DriverRegistry}: its driver tracker hears of the drivers registered
 * here, and gets them, as it would from the service registry. Publications of selected drivers are accepted and
 * dropped; framework properties are all unset.
 */
final class FakeFramework {
    private final Map<ServiceReference<?>, Object> services = new ConcurrentHashMap<>();
    private volatile ServiceListener tracker;
    final BundleContext context = (BundleContext) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "createFilter" -> FrameworkUtil.createFilter((String) args[0]);
                case "addServiceListener" -> {
                    tracker = (ServiceListener) args[0];
                    yield null;
                }
                case "getService" -> services.get(args[0]);
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "FakeFramework";
                default -> method.getReturnType() == boolean.class ? false : null;
            });

    /** An active registry configured with {@code configuration}. */
    DriverRegistry startRegistry(Map<String, Object> configuration) throws Exception {
        DriverRegistry registry = new DriverRegistry();
        registry.activate(context, configuration);
        return registry;
    }

    /** Registers {@code driver} under {@code reference}; returns once the registry has selected again. */
    void register(FakeReference reference, Object driver) {
        services.put(reference, driver);
        tracker.serviceChanged(new ServiceEvent(ServiceEvent.REGISTERED, reference));
    }

    /** Unregisters the driver of {@code reference}; returns once the registry has selected again. */
    void unregister(FakeReference reference) {
        tracker.serviceChanged(new ServiceEvent(ServiceEvent.UNREGISTERING, reference));
        services.remove(reference);
    }
}
