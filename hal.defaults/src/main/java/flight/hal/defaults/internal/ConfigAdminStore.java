package flight.hal.defaults.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The defaults' store in Config Admin. The record of applied defaults is itself a configuration, PID
 * {@value #RECORD_PID}, key {@value #APPLIED}: it lives and goes with the framework storage like the configurations
 * it describes, and deleting it offers every default again on the next start.
 */
final class ConfigAdminStore implements ConfigurationStore {
    static final String RECORD_PID = "flight.hal.defaults";
    static final String APPLIED = "applied";
    /** Bound to whichever bundle uses the configuration first, as a console or FileInstall would leave it. */
    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin admin;

    ConfigAdminStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Set<String> applied() throws IOException {
        Configuration record = find(RECORD_PID);
        Dictionary<String, Object> properties = record == null ? null : record.getProperties();
        Object applied = properties == null ? null : properties.get(APPLIED);
        Set<String> ids = new TreeSet<>();
        if (applied instanceof String[] array) {
            ids.addAll(List.of(array));
        } else if (applied instanceof Iterable<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        } else if (applied != null) {
            ids.add(String.valueOf(applied));
        }
        return ids;
    }

    @Override
    public void recordApplied(Set<String> ids) throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(APPLIED, ids.toArray(String[]::new));
        admin.getConfiguration(RECORD_PID, ANY_LOCATION).update(properties);
    }

    @Override
    public boolean exists(DefaultConfiguration configuration) throws IOException {
        return find(configuration.id()) != null;
    }

    @Override
    public void create(DefaultConfiguration configuration) throws IOException {
        Configuration created = configuration.isFactory()
                ? admin.getFactoryConfiguration(configuration.factoryPid(), configuration.name(), ANY_LOCATION)
                : admin.getConfiguration(configuration.id(), ANY_LOCATION);
        created.update(configuration.properties());
    }

    /** The configuration of {@code pid} if it exists (has properties), without creating it. */
    private Configuration find(String pid) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("PID " + pid + " makes no filter", e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
