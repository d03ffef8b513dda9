package flight.hal.remote.internal;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A bundle context that records the registrations of one service type, their property changes and unregistrations;
 * every other call is unexpected and fails.
 */
final class RecordingContext {
    final List<Dictionary<?, ?>> registered = new CopyOnWriteArrayList<>();
    final List<Object> services = new CopyOnWriteArrayList<>();
    volatile int unregistered;
    /** The properties each {@code setProperties} published, in order. */
    final List<Dictionary<?, ?>> modified = new CopyOnWriteArrayList<>();
    private final Semaphore registrations = new Semaphore(0);
    private final Semaphore unregistrations = new Semaphore(0);
    private final Semaphore modifications = new Semaphore(0);
    /** How many of {@link #modified} {@link #awaitModified} has looked at. */
    private int seen;
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
                                switch (m.getName()) {
                                    case "unregister" -> {
                                        synchronized (this) {
                                            unregistered++;
                                        }
                                        unregistrations.release();
                                    }
                                    case "setProperties" -> {
                                        modified.add((Dictionary<?, ?>) a[0]);
                                        modifications.release();
                                    }
                                    default -> throw new AssertionError("unexpected call " + m);
                                }
                                return null;
                            });
                });
    }

    /** Waits at most 10 s for {@code count} more registrations, made on any thread. */
    boolean awaitRegistrations(int count) throws InterruptedException {
        return registrations.tryAcquire(count, 10, TimeUnit.SECONDS);
    }

    /** Waits at most 10 s for {@code count} more unregistrations, made on any thread. */
    boolean awaitUnregistrations(int count) throws InterruptedException {
        return unregistrations.tryAcquire(count, 10, TimeUnit.SECONDS);
    }

    /**
     * Waits at most 10 s for a {@code setProperties} that sets {@code key} to {@code value}, made after the one the
     * previous call found.
     */
    boolean awaitModified(String key, Object value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (; seen < modified.size(); seen++) {
                if (value.equals(modified.get(seen).get(key))) {
                    seen++;
                    return true;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !modifications.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
    }
}
