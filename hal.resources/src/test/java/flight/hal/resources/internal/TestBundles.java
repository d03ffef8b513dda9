package flight.hal.resources.internal;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;

/**
 * Bundle-scoped managers without a framework: each is activated as the component runtime would for a bundle whose
 * context knows no services, so every share finds no driver to share with.
 */
final class TestBundles {

    private TestBundles() {
    }

    /** The manager the bundle {@code bundleId} named {@code symbolicName} gets. */
    static ResourceManager manager(ResourceAccounting accounting, long bundleId, String symbolicName) {
        BundleContext context = stub(BundleContext.class, null);
        Bundle bundle = stub(Bundle.class, new Object[] {bundleId, symbolicName, context});
        BundleResourceManager manager = new BundleResourceManager();
        manager.accounting = accounting;
        manager.activate(stub(ComponentContext.class, bundle));
        return manager;
    }

    /** The administration an allowed bundle gets. */
    static ResourceAdministration administration(ResourceAccounting accounting) {
        return new Administration(accounting, "the test");
    }

    /** An object of {@code type} answering only what a bundle-scoped manager asks; null and defaults otherwise. */
    private static <T> T stub(Class<T> type, Object answers) {
        return type.cast(Proxy.newProxyInstance(TestBundles.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUsingBundle" -> answers;
                    case "getBundleId" -> ((Object[]) answers)[0];
                    case "getSymbolicName" -> ((Object[]) answers)[1];
                    case "getBundleContext" -> ((Object[]) answers)[2];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> method.getReturnType() == boolean.class ? false : null;
                }));
    }
}
