package flight.hal.registry.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A service reference ordered as the framework orders them: ranking, then registration order. */
final class FakeReference implements ServiceReference<Object> {
    private final Map<String, Object> properties = new HashMap<>();

    FakeReference(long serviceId, String name, int ranking) {
        properties.put(Constants.SERVICE_ID, serviceId);
        properties.put(flight.hal.HalDriver.NAME_PROPERTY, name);
        properties.put(flight.hal.HalDriver.INTERFACE_PROPERTY, "flight.hal.memory.MemoryDriver");
        rank(ranking);
    }

    void rank(int ranking) {
        properties.put(Constants.SERVICE_RANKING, ranking);
    }

    @Override
    public Object getProperty(String key) {
        return properties.get(key);
    }

    @Override
    public String[] getPropertyKeys() {
        return properties.keySet().toArray(new String[0]);
    }

    @Override
    public Bundle getBundle() {
        return null;
    }

    @Override
    public Bundle[] getUsingBundles() {
        return null;
    }

    @Override
    public boolean isAssignableTo(Bundle bundle, String className) {
        return true;
    }

    @Override
    public int compareTo(Object other) {
        FakeReference that = (FakeReference) other;
        int byRanking = Integer.compare((Integer) getProperty(Constants.SERVICE_RANKING),
                (Integer) that.getProperty(Constants.SERVICE_RANKING));
        return byRanking != 0 ? byRanking
                : Long.compare((Long) that.getProperty(Constants.SERVICE_ID), (Long) getProperty(Constants.SERVICE_ID));
    }

    @Override
    public Dictionary<String, Object> getProperties() {
        return new Hashtable<>(properties);
    }

    @Override
    public <A> A adapt(Class<A> type) {
        return null;
    }
}
