package flight.hal.defaults.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class FirstStartDefaultsTest {

    /** Config Admin as a map of PID to properties, with the record beside it; can be told to fail creating one. */
    static final class MapStore implements ConfigurationStore {
        final Map<String, Dictionary<String, Object>> configurations = new TreeMap<>();
        Set<String> record = new HashSet<>();
        String failing;
        boolean recordUnwritable;

        @Override
        public Set<String> applied() {
            return Set.copyOf(record);
        }

        @Override
        public void recordApplied(Set<String> ids) throws IOException {
            if (recordUnwritable) {
                throw new IOException("disk full");
            }
            record = new HashSet<>(ids);
        }

        @Override
        public boolean exists(DefaultConfiguration configuration) {
            return configurations.containsKey(configuration.id());
        }

        @Override
        public void create(DefaultConfiguration configuration) throws IOException {
            if (configuration.id().equals(failing)) {
                throw new IOException("refused");
            }
            configurations.put(configuration.id(), configuration.properties());
        }
    }

    private final MapStore store = new MapStore();
    private final FirstStartDefaults defaults = new FirstStartDefaults(store);

    private static DefaultConfiguration device(String name, long capacity) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("hal.driver.name", name);
        properties.put("capacity.bytes", capacity);
        return DefaultConfiguration.of("flight.hal.storage.device~" + name + ".config", properties);
    }

    private static final List<DefaultConfiguration> SET = List.of(device("file0", 4096), device("nvm0", 8192),
            device("zns0", 16384));

    @Test
    void theFirstPassCreatesEveryDefaultAndRecordsIt() {
        FirstStartDefaults.Outcome outcome = defaults.apply(SET);
        assertEquals(List.of("flight.hal.storage.device~file0", "flight.hal.storage.device~nvm0",
                "flight.hal.storage.device~zns0"), outcome.created());
        assertEquals(store.configurations.keySet(), store.record);
        assertEquals(8192L, store.configurations.get("flight.hal.storage.device~nvm0").get("capacity.bytes"));
        assertTrue(outcome.failures().isEmpty());
    }

    @Test
    void aDeletedDefaultStaysDeletedOnTheNextStart() {
        defaults.apply(SET);
        store.configurations.remove("flight.hal.storage.device~zns0");
        FirstStartDefaults.Outcome again = defaults.apply(SET);
        assertTrue(again.created().isEmpty(), again.toString());
        assertFalse(store.configurations.containsKey("flight.hal.storage.device~zns0"));
    }

    @Test
    void aChangedDefaultIsNotOverwritten() {
        defaults.apply(SET);
        store.configurations.get("flight.hal.storage.device~file0").put("capacity.bytes", 1L << 30);
        defaults.apply(SET);
        assertEquals(1L << 30, store.configurations.get("flight.hal.storage.device~file0").get("capacity.bytes"));
    }

    @Test
    void aConfigurationMadeBeforeTheFirstPassIsKeptAndRecorded() {
        Dictionary<String, Object> byHand = new Hashtable<>(Map.of("hal.driver.name", "mine"));
        store.configurations.put("flight.hal.storage.device~nvm0", byHand);
        FirstStartDefaults.Outcome outcome = defaults.apply(SET);
        assertEquals(List.of("flight.hal.storage.device~nvm0"), outcome.adopted());
        assertEquals("mine", store.configurations.get("flight.hal.storage.device~nvm0").get("hal.driver.name"));
        assertTrue(store.record.contains("flight.hal.storage.device~nvm0"));
    }

    @Test
    void aDefaultAddedByANewerRuntimeIsAppliedOnceOnItsFirstStart() {
        defaults.apply(SET.subList(0, 2));
        store.configurations.remove("flight.hal.storage.device~file0");
        FirstStartDefaults.Outcome upgraded = defaults.apply(SET);
        assertEquals(List.of("flight.hal.storage.device~zns0"), upgraded.created());
        assertFalse(store.configurations.containsKey("flight.hal.storage.device~file0"));
    }

    @Test
    void aDefaultThatCouldNotBeCreatedIsReportedAndTriedAgainNextStart() {
        store.failing = "flight.hal.storage.device~nvm0";
        FirstStartDefaults.Outcome outcome = defaults.apply(SET);
        assertEquals(1, outcome.failures().size());
        assertTrue(outcome.failures().get(0).contains("flight.hal.storage.device~nvm0 could not be created"),
                outcome.failures().get(0));
        assertFalse(store.record.contains("flight.hal.storage.device~nvm0"));
        store.failing = null;
        assertEquals(List.of("flight.hal.storage.device~nvm0"), defaults.apply(SET).created());
    }

    @Test
    void anUnwritableRecordIsReportedAndTheNextStartFindsTheConfigurationsExisting() {
        store.recordUnwritable = true;
        FirstStartDefaults.Outcome outcome = defaults.apply(SET);
        assertEquals(3, outcome.created().size());
        assertTrue(outcome.failures().get(0).contains("could not be written"), outcome.failures().toString());
        store.recordUnwritable = false;
        FirstStartDefaults.Outcome next = defaults.apply(SET);
        assertTrue(next.created().isEmpty());
        assertEquals(3, next.adopted().size());
    }
}
