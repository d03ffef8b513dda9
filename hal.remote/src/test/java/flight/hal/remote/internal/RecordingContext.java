package flight.hal.remote.internal;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A bundle context that records the registrations of one service type; every other call is unexpected and fails. */
final class RecordingContext {
    final List<Dictionary<?, ?>> registered = new CopyOnWriteArrayList<>();
    final List<Object> services = new CopyOnWriteArrayList<>();
    volatile int unregistered;
    private final Semaphore registrations = new Semaphore(0);
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
                    registrations.release();
                    return Proxy.newProxyInstance(loader, new Class<?>[] {ServiceRegistration.class},
                            (registration, m, a) -> {
                                synchronized (this) {
                                    unregistered++;
                                }
                                return null;
                            });
                });
    }

    /** Waits at most 10 s for {@code count} more registrations, made on any thread. */
    boolean awaitRegistrations(int count) throws InterruptedException {
        return registrations.tryAcquire(count, 10, TimeUnit.SECONDS);
    }
}
