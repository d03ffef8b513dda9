package flight.hal.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.Verdict;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;

/** Just enough of OSGi to open drivers as the kit does, and drivers with one method bent. */
final class Fakes {
    /** The kit's threads for every unit test; daemon threads, so a fixture that hangs does not hold the JVM. */
    static final KitThreads THREADS = new KitThreads();
    /** Short bounds, so the hostile fixtures' hangs end the tests quickly. */
    static final KitSettings QUICK = new KitSettings(1_000, 60_000, java.time.Duration.ofMillis(200));

    private Fakes() {
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** {@code driver} as a service of {@code halInterface} named {@code name}, opened by the kit. */
    static DriverUnderTest open(HalDriver driver, Class<? extends HalDriver> halInterface, String name,
                                boolean prototype) {
        return opening(driver, halInterface, name, prototype, QUICK).orElseThrow();
    }

    /** Opens {@code driver} as the kit does, with {@code settings}: the driver or why it could not be opened. */
    static HalResult<DriverUnderTest> opening(HalDriver driver, Class<? extends HalDriver> halInterface, String name,
                                              boolean prototype, KitSettings settings) {
        Map<String, Object> properties = Map.of(HalDriver.NAME_PROPERTY, name, HalDriver.INTERFACE_PROPERTY,
                halInterface.getName(), Constants.SERVICE_SCOPE,
                prototype ? Constants.SCOPE_PROTOTYPE : Constants.SCOPE_SINGLETON);
        ServiceReference<?> reference = proxy(ServiceReference.class,
                (self, method, args) -> method.getName().equals("getProperty") ? properties.get(args[0]) : null);
        ServiceObjects<?> objects = proxy(ServiceObjects.class,
                (self, method, args) -> method.getName().equals("getService") ? driver : null);
        BundleContext context = proxy(BundleContext.class, (self, method, args) -> objects);
        return DriverUnderTest.open(context, reference, new DriverCalls(THREADS, settings, name));
    }

    /** {@code target} with {@code method} answered by {@code replacement} (given the arguments) instead. */
    static <T> T bend(Class<T> type, T target, String method, Function<Object[], Object> replacement) {
        return bend(type, target, Set.of(method), replacement);
    }

    /** {@code target} with each of {@code methods} answered by {@code replacement} instead. */
    static <T> T bend(Class<T> type, T target, Set<String> methods, Function<Object[], Object> replacement) {
        return proxy(type, (self, called, args) -> {
            if (methods.contains(called.getName())) {
                return replacement.apply(args);
            }
            try {
                return called.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** A handle whose lease is always on {@code driver}. */
    static <T extends HalDriver> DriverHandle<T> handleOf(T driver) {
        DriverLease<T> lease = new DriverLease<>() {
            @Override
            public T driver() {
                return driver;
            }

            @Override
            public void close() {
                // nothing is held
            }
        };
        return new DriverHandle<>() {
            @Override
            public String interfaceName() {
                return driver.getClass().getName();
            }

            @Override
            public Set<HalCapability> requiredCapabilities() {
                return Set.of();
            }

            @Override
            public T current() {
                return driver;
            }

            @Override
            public HalResult<DriverLease<T>> lease() {
                return HalResult.ok(lease);
            }

            @Override
            public HalResult<DriverLease<T>> leaseOwner(long handle) {
                return HalResult.ok(lease);
            }
        };
    }

    /** Runs {@code suite} against {@code driver}, a private instance of {@code halInterface}. */
    static List<CheckResult> check(Suite suite, HalDriver driver, Class<? extends HalDriver> halInterface) {
        return run(suite, open(driver, halInterface, driver.name(), true));
    }

    /** Runs {@code suite} against {@code tested} and returns the results, closing {@code tested}. */
    static List<CheckResult> run(Suite suite, DriverUnderTest tested) {
        Checks checks = new Checks(tested.calls);
        try {
            suite.run(tested, Sla.of(tested.driver.platformInfo()), checks);
        } finally {
            tested.close(false);
        }
        return checks.results();
    }

    static CheckResult named(List<CheckResult> results, String name) {
        Optional<CheckResult> found = results.stream().filter(result -> result.name().equals(name)).findFirst();
        assertTrue(found.isPresent(), () -> "no check named " + name + " in " + results);
        return found.get();
    }

    /**
     * Asserts that no check failed, except on a duration: its verdict depends on the machine's load (a p99.9 catches
     * the moments a busy machine takes the processor away), so a test only requires it was measured.
     */
    static void assertNoFailure(List<CheckResult> results) {
        assertEquals(List.of(), results.stream()
                .filter(result -> result.verdict() == Verdict.FAIL && !result.isTiming()).toList());
    }
}
