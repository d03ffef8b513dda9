package flight.hal.resources.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;

/**
 * Registers {@link ResourceAdministration} and hands it only to the bundles that may administer the manager: its own
 * bundle (the shell commands) and those named in {@value ResourceAdministration#ADMIN_BUNDLES_PROPERTY}, or in the
 * framework property {@value #ADMIN_BUNDLES_FRAMEWORK_PROPERTY} (the runtime's own grants, e.g. its Web Console). The service
 * is a {@link ServiceFactory} because only a factory learns which bundle asks; anyone else gets {@code null}. A
 * change of the list re-registers the service, so that every grant is made again under the new list and the old ones
 * are revoked. It registers the service itself ({@code service = {}}) since a component's service cannot be a
 * factory of the component's choosing; the capability says so to the resolver, which cannot see that registration.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=flight.hal.resources.ResourceAdministration")
@Component(service = {}, configurationPid = ResourceManager.PID)
public final class AdministrationGate implements ServiceFactory<ResourceAdministration> {
    private static final Logger LOG = LoggerFactory.getLogger(AdministrationGate.class);
    /** Framework property: symbolic names that may administer the manager besides those configured. */
    static final String ADMIN_BUNDLES_FRAMEWORK_PROPERTY = "flight.hal.resources.admin.bundles";

    @Reference
    ResourceAccounting accounting;

    private BundleContext context;
    /** Sorted, so that the service property and the log show the names in a stable order. */
    private volatile Set<String> allowed = Set.of();
    private ServiceRegistration<ResourceAdministration> registration;

    @Activate
    synchronized void activate(BundleContext bundleContext, Map<String, Object> properties) {
        context = bundleContext;
        allowed = granted(properties);
        registration = register();
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        Set<String> now = granted(properties);
        if (!now.equals(allowed)) {
            registration.unregister();
            allowed = now;
            registration = register();
        }
    }

    /** The service shows who may get it: operators see the administrators with {@code inspect}. */
    private ServiceRegistration<ResourceAdministration> register() {
        return context.registerService(ResourceAdministration.class, this, FrameworkUtil.asDictionary(Map.of(
                ResourceAdministration.ADMIN_BUNDLES_PROPERTY, allowed.toArray(String[]::new))));
    }

    @Deactivate
    synchronized void deactivate() {
        registration.unregister();
    }

    @Override
    public ResourceAdministration getService(Bundle bundle, ServiceRegistration<ResourceAdministration> used) {
        if (!mayAdminister(bundle)) {
            LOG.warn("refused the resource administration to bundle {} [{}]: it is not one of {}={} (PID {})",
                    bundle.getSymbolicName(), bundle.getBundleId(), ResourceAdministration.ADMIN_BUNDLES_PROPERTY,
                    allowed, ResourceManager.PID);
            return null;
        }
        return new Administration(accounting, "bundle " + bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]");
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ResourceAdministration> used,
                             ResourceAdministration administration) {
        ((Administration) administration).revoke();
    }

    /** The manager's own bundle always; any other by its symbolic name in the configured list. */
    boolean mayAdminister(Bundle bundle) {
        return bundle.getBundleId() == context.getBundle().getBundleId()
                || allowed.contains(bundle.getSymbolicName());
    }

    /** The names configured in {@code properties} and those of the framework property. */
    private Set<String> granted(Map<String, Object> properties) {
        Set<String> names = new TreeSet<>(adminBundles(properties.get(ResourceAdministration.ADMIN_BUNDLES_PROPERTY)));
        names.addAll(adminBundles(context.getProperty(ADMIN_BUNDLES_FRAMEWORK_PROPERTY)));
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** The configured symbolic names: a String (comma-separated, as a .cfg file gives it), a String[] or a collection. */
    static Set<String> adminBundles(Object value) {
        Stream<?> names;
        if (value == null) {
            names = Stream.empty();
        } else if (value instanceof Object[] array) {
            names = Arrays.stream(array);
        } else if (value instanceof Collection<?> collection) {
            names = collection.stream();
        } else {
            names = Stream.of(value);
        }
        return names.flatMap(name -> Arrays.stream(String.valueOf(name).split(","))).map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new),
                        Collections::unmodifiableSortedSet));
    }
}
