package flight.hal.jmx.internal;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceType;

/** The object names of the HAL's MBeans, all under {@value #DOMAIN}. */
final class ObjectNames {
    static final String DOMAIN = "flight.hal";
    /** Every MBean this bundle registers. */
    static final ObjectName ALL = name(DOMAIN + ":*");

    private ObjectNames() {
    }

    /** {@code flight.hal:type=Interface,name=<interface class name>}. */
    static ObjectName halInterface(String interfaceName) {
        return name(DOMAIN + ":type=Interface,name=" + value(interfaceName));
    }

    /** {@code flight.hal:type=Budget,name=<resource type>}. */
    static ObjectName budget(ResourceType type) {
        return name(DOMAIN + ":type=Budget,name=" + type.name());
    }

    /** {@code flight.hal:type=Pool,bundle=<owner's symbolic name>,bundleId=<owner's id>,name=<pool name>}. */
    static ObjectName pool(PoolStats pool) {
        return name(DOMAIN + ":type=Pool,bundle=" + value(pool.ownerSymbolicName()) + ",bundleId="
                + pool.ownerBundleId() + ",name=" + value(pool.name()));
    }

    /** {@code flight.hal:type=BlockDevice,name=<device name>}. */
    static ObjectName blockDevice(String deviceName) {
        return name(DOMAIN + ":type=BlockDevice,name=" + value(deviceName));
    }

    /**
     * A key property value as given when it can stand unquoted, else quoted: names chosen by configuration or by
     * other bundles may hold the characters an object name reserves.
     */
    static String value(String raw) {
        boolean plain = !raw.isEmpty() && raw.chars().noneMatch(c -> ",=:\"*?\\\n".indexOf(c) >= 0);
        return plain ? raw : ObjectName.quote(raw);
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not an object name: " + name, e);
        }
    }
}
