package flight.hal.jmx.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans this bundle registered on one MBean server, brought in line with the wanted set on each
 * {@link #reconcile}. Not thread-safe: one thread at a time reconciles.
 */
final class MBeanSet {
    private static final Logger LOG = LoggerFactory.getLogger(MBeanSet.class);

    private final MBeanServer server;
    private final Set<ObjectName> registered = new HashSet<>();

    MBeanSet(MBeanServer server) {
        this.server = server;
    }

    /**
     * Unregisters the MBeans no longer wanted and registers the wanted ones not registered yet (made by their
     * supplier only then).
     */
    void reconcile(Map<ObjectName, Supplier<Object>> wanted) {
        for (ObjectName name : Set.copyOf(registered)) {
            if (!wanted.containsKey(name)) {
                unregister(name);
            }
        }
        wanted.forEach((name, bean) -> {
            if (!registered.contains(name)) {
                register(name, bean.get());
            }
        });
    }

    /** Unregisters every MBean registered here. */
    void clear() {
        Set.copyOf(registered).forEach(this::unregister);
    }

    /**
     * Registers {@code bean}; one left under the same name by an earlier instance of this bundle (a framework that
     * stopped without deactivating it, in the same JVM) is replaced, since the domain is ours.
     */
    private void register(ObjectName name, Object bean) {
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException stale) {
                LOG.info("replacing the stale MBean {}", name);
                server.unregisterMBean(name);
                server.registerMBean(bean, name);
            }
            registered.add(name);
            LOG.debug("registered MBean {}", name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("could not register MBean {}", name, e);
        }
    }

    private void unregister(ObjectName name) {
        registered.remove(name);
        try {
            server.unregisterMBean(name);
            LOG.debug("unregistered MBean {}", name);
        } catch (InstanceNotFoundException gone) {
            LOG.debug("MBean {} was already unregistered", name);
        } catch (JMException | RuntimeException e) {
            LOG.warn("could not unregister MBean {}", name, e);
        }
    }
}
