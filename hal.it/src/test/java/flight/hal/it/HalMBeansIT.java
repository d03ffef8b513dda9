package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePool;
import flight.hal.resources.ResourceType;
import flight.hal.storage.BlockDevice;

/**
 * The {@code flight.hal:} MBeans on the platform MBean server, as any JMX client attached to the JVM reads them: an
 * interface's selection and candidates follow a hot swap, pin and unpin work through the MBean and answer errors with
 * a message, and budgets, pools and block devices have MBeans with their values that come and go with them.
 */
@RunWith(PaxExam.class)
public class HalMBeansIT extends ManagementItSupport {
    private static final ObjectName MEMORY_MBEAN = name("flight.hal:type=Interface,name=" + MEMORY);
    private static final String[] ONE_STRING = {String.class.getName()};

    @Configuration
    public Option[] configuration() {
        return options(managementFramework(JMX));
    }

    @Test
    public void theInterfaceMBeanFollowsAHotSwapAndPinsAndUnpins() throws Exception {
        awaitSelected(HOST);
        awaitAttribute(MEMORY_MBEAN, "SelectedDriver", HOST);
        assertEquals(MEMORY, attribute(MEMORY_MBEAN, "InterfaceName"));

        Bundle testDrivers = installTestDrivers();
        awaitSelected(TEST);
        assertEquals(TEST, attribute(MEMORY_MBEAN, "SelectedDriver"));
        Map<String, String> states = candidateStates();
        assertEquals("SELECTED", states.get(TEST));
        assertEquals("STANDBY", states.get(HOST));
        assertEquals("test.memory outranks host.memory", List.of(TEST, HOST),
                states.keySet().stream().filter(name -> name.equals(TEST) || name.equals(HOST)).toList());

        String pinned = (String) MBEANS.invoke(MEMORY_MBEAN, "pin", new Object[] {HOST}, ONE_STRING);
        assertTrue(pinned, pinned.startsWith(MEMORY + " pinned to " + HOST));
        awaitSelected(HOST);
        assertEquals(HOST, attribute(MEMORY_MBEAN, "PinnedDriver"));
        assertEquals("SELECTED", candidateStates().get(HOST));

        String blank = (String) MBEANS.invoke(MEMORY_MBEAN, "pin", new Object[] {" "}, ONE_STRING);
        assertTrue(blank, blank.startsWith("error: INVALID_PARAMETER"));
        assertEquals("a refused pin changes nothing", HOST, attribute(MEMORY_MBEAN, "PinnedDriver"));

        String unpinned = (String) MBEANS.invoke(MEMORY_MBEAN, "unpin", new Object[0], new String[0]);
        assertTrue(unpinned, unpinned.contains("unpinned"));
        awaitSelected(TEST);
        assertEquals("", attribute(MEMORY_MBEAN, "PinnedDriver"));
        String notPinned = (String) MBEANS.invoke(MEMORY_MBEAN, "unpin", new Object[0], new String[0]);
        assertTrue(notPinned, notPinned.startsWith("error: NOT_FOUND"));

        testDrivers.uninstall();
        awaitSelected(HOST);
        assertEquals(HOST, attribute(MEMORY_MBEAN, "SelectedDriver"));
        assertEquals(null, candidateStates().get(TEST));
    }

    @Test
    public void budgetPoolAndDeviceMBeansShowTheirValuesAndComeAndGoWithThem() throws Exception {
        ObjectName memoryBudget = name("flight.hal:type=Budget,name=MEMORY");
        assertTrue(administration.setBudget(ResourceType.MEMORY, new ResourceBudget(1 << 20, 1 << 16, 50, 80)).isOk());
        awaitAttribute(memoryBudget, "MaxBytes", (long) (1 << 20));
        assertEquals((long) (1 << 16), attribute(memoryBudget, "ReservedBytes"));
        assertEquals(80, attribute(memoryBudget, "CriticalPercent"));
        assertEquals("NONE", attribute(memoryBudget, "Pressure"));

        ResourcePool pool = manager.pools().createPool(
                new PoolConfig(ResourceType.MEMORY, 4096, 2, 8, 8, true, "frames, 4 KiB")).orElseThrow();
        ObjectName poolMBean = name("flight.hal:type=Pool,bundle=" + probeName() + ",bundleId="
                + context.getBundle().getBundleId() + ",name=" + ObjectName.quote("frames, 4 KiB"));
        awaitMBean(poolMBean, true);
        PoolBlock block = pool.acquire().orElseThrow();
        assertEquals(2, attribute(poolMBean, "Size"));
        assertEquals(1, attribute(poolMBean, "Used"));
        assertEquals(1, attribute(poolMBean, "Free"));
        assertEquals(1L, attribute(poolMBean, "Hits"));
        assertEquals(1, attribute(poolMBean, "HighWater"));
        long usage = administration.stats(ResourceType.MEMORY).currentUsage();
        assertTrue("the pool's blocks are charged: " + usage, usage >= 2L * 4096);
        assertEquals(usage, attribute(memoryBudget, "UsageBytes"));
        block.close();
        pool.close();
        awaitMBean(poolMBean, false);

        org.osgi.service.cm.Configuration disk = device("jmx.disk", "block.size", 512, "capacity.bytes", 256L * 512);
        ObjectName diskMBean = name("flight.hal:type=BlockDevice,name=jmx.disk");
        BlockDevice device = (BlockDevice) awaitService("(&(objectClass=" + BlockDevice.class.getName()
                + ")(hal.driver.name=jmx.disk))");
        awaitMBean(diskMBean, true);
        assertEquals(true, attribute(diskMBean, "Available"));
        assertEquals(512, attribute(diskMBean, "LogicalBlockSize"));
        assertEquals(256L * 512, attribute(diskMBean, "CapacityBytes"));
        assertTrue(device.write(3, ByteBuffer.allocate(1024)).isOk());
        assertEquals(1024L, attribute(diskMBean, "BytesWritten"));
        awaitAttribute(diskMBean, "RegistryState", "AVAILABLE");

        disk.delete();
        awaitMBean(diskMBean, false);

        Bundle jmx = Stream.of(context.getBundles()).filter(bundle -> bundle.getSymbolicName().equals(JMX))
                .findFirst().orElseThrow();
        jmx.stop();
        assertEquals("stopping the bundle unregisters every MBean it registered", Set.of(),
                MBEANS.queryNames(name("flight.hal:*"), null));
    }

    /** The memory candidates by name, in selection order, with their state, as the MBean shows them. */
    private static Map<String, String> candidateStates() {
        return Stream.of((CompositeData[]) attribute(MEMORY_MBEAN, "Candidates"))
                .collect(Collectors.toMap(c -> (String) c.get("name"), c -> (String) c.get("state"),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
