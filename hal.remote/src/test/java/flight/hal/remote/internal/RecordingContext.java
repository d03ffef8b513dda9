package flight.hal.remote.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that records the registrations of one service type; every other call is unexpected and fails. */
final class RecordingContext {
    final List<Dictionary<?, ?>> registered = new ArrayList<>();
    final List<Object> services = new ArrayList<>();
    int unregistered;
    final BundleContext context;

    RecordingContext(Class<?> serviceType) {
        ClassLoader loader = getClass().getClassLoader();
        context = (BundleContext) Proxy.newProxyInstance(loader, new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || args[0] != serviceType) {
                        throw new AssertionError("unexpected call " + method);
                    }
                    services.add(args[1]);
                    registered.add((Dictionary<?, ?>) args[2]);
                    return Proxy.newProxyInstance(loader, new Class<?>[] {ServiceRegistration.class},
                            (registration, m, a) -> {
                                unregistered++;
                                return null;
                            });
                });
    }
}
