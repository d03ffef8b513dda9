package flight.hal.it;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Config Admin configurations one test makes: drivers from factory PIDs and the registry's own configuration.
 * {@link #deleteAll()} deletes every one of them, so the next test starts from the shipped drivers only.
 */
final class DriverConfigurations {
    /**
     * Factory PID of {@code flight.hal.driver.testing.internal.HostileMemoryDriver}; its property {@value #FAULT}
     * picks the fault.
     */
    static final String HOSTILE_MEMORY = "flight.hal.hostile.memory";
    static final String FAULT = "fault";
    /** Factory PID of configured test memory drivers ({@code BASIC_MEMORY} only). */
    static final String TEST_MEMORY = "flight.hal.test.memory";
    static final String REGISTRY = "flight.hal.registry";
    static final String INITIALIZE_TIMEOUT = "initialize.timeout.ms";
    /** Prefix of the registry property that requires capabilities of an interface's drivers. */
    static final String REQUIRE = "require.";

    private final ConfigurationAdmin admin;
    private final List<Configuration> drivers = new ArrayList<>();
    private Configuration registry;

    DriverConfigurations(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** A driver of factory {@code factoryPid} named {@code name} at {@code ranking}, with {@code more} properties. */
    Configuration driver(String factoryPid, String name, int ranking, Map<String, String> more) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>(more);
        properties.put("hal.driver.name", name);
        properties.put("service.ranking", ranking);
        Configuration configuration = admin.getFactoryConfiguration(factoryPid, name, "?");
        configuration.update(properties);
        drivers.add(configuration);
        return configuration;
    }

    /** A hostile memory driver with one {@code fault} (a {@code HostileMemoryDriver.Fault} name). */
    Configuration hostileMemory(String name, int ranking, String fault) throws Exception {
        return driver(HOSTILE_MEMORY, name, ranking, Map.of(FAULT, fault));
    }

    /** Replaces the registry's configuration by {@code properties}. */
    void registry(Map<String, String> properties) throws Exception {
        registry = admin.getConfiguration(REGISTRY, "?");
        registry.update(new Hashtable<>(properties));
    }

    /** Deletes the registry's configuration: it goes back to its defaults. */
    void deleteRegistry() throws Exception {
        if (registry != null) {
            registry.delete();
            registry = null;
        }
    }

    /** Deletes the driver configuration {@code driver}, made here; its driver goes away. */
    void delete(Configuration driver) throws Exception {
        drivers.remove(driver);
        driver.delete();
    }

    /** Deletes every configuration made here and not deleted yet. */
    void deleteAll() throws Exception {
        for (Configuration driver : List.copyOf(drivers)) {
            delete(driver);
        }
        deleteRegistry();
    }
}
