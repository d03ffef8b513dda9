package flight.hal.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceType;

class ObjectNamesAndMBeanSetTest {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void namesAreQuotedOnlyWhenTheyHoldReservedCharacters() throws Exception {
        assertEquals(new ObjectName("flight.hal:type=Interface,name=flight.hal.memory.MemoryDriver"),
                ObjectNames.halInterface("flight.hal.memory.MemoryDriver"));
        assertEquals(new ObjectName("flight.hal:type=Budget,name=MEMORY"), ObjectNames.budget(ResourceType.MEMORY));
        for (String odd : new String[] {"a,b", "a=b", "a:b", "a\"b", "a*", "a?", "a\\b", ""}) {
            ObjectName device = ObjectNames.blockDevice(odd);
            assertEquals(odd, ObjectName.unquote(device.getKeyProperty("name")), odd);
            assertFalse(device.isPattern(), odd);
        }
        assertEquals("scratch", ObjectNames.blockDevice("scratch").getKeyProperty("name"));
    }

    @Test
    void reconcileRegistersWhatIsNewUnregistersWhatWentAndClearLeavesNothing() throws Exception {
        MBeanSet set = new MBeanSet(server);
        ObjectName a = ObjectNames.blockDevice("a");
        ObjectName b = ObjectNames.blockDevice("b");
        Counting made = new Counting();
        set.reconcile(Map.of(a, made, b, made));
        set.reconcile(Map.of(a, made, b, made));
        assertEquals(2, made.count, "an MBean already registered is not made again");
        assertEquals(Set.of(a, b), server.queryNames(ObjectNames.ALL, null));

        set.reconcile(Map.of(a, made));
        assertTrue(server.isRegistered(a));
        assertFalse(server.isRegistered(b));

        set.clear();
        assertEquals(Set.of(), server.queryNames(ObjectNames.ALL, null));
    }

    @Test
    void aStaleMBeanOfAnEarlierInstanceIsReplaced() throws Exception {
        ObjectName a = ObjectNames.blockDevice("a");
        server.registerMBean(new Marker(), a);
        Marker mine = new Marker();
        new MBeanSet(server).reconcile(Map.of(a, () -> mine));
        assertEquals(mine.id(), server.getAttribute(a, "Id"));
    }

    @Test
    void oneMBeanThatCannotBeRegisteredLeavesTheOthersRegistered() {
        MBeanSet set = new MBeanSet(server);
        ObjectName bad = ObjectNames.blockDevice("bad");
        ObjectName good = ObjectNames.blockDevice("good");
        set.reconcile(Map.of(bad, () -> "not an MBean", good, Marker::new));
        assertFalse(server.isRegistered(bad));
        assertTrue(server.isRegistered(good));
        assertEquals(Set.of(good), server.queryNames(ObjectNames.ALL, null));
    }

    public interface MarkerMBean {
        String getId();
    }

    public static final class Marker implements MarkerMBean {
        private final String id = Integer.toHexString(System.identityHashCode(this));

        @Override
        public String getId() {
            return id;
        }

        String id() {
            return id;
        }
    }

    private static final class Counting implements Supplier<Object> {
        int count;

        @Override
        public Object get() {
            count++;
            return new Marker();
        }
    }
}
