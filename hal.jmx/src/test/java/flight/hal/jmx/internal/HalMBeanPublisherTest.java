package flight.hal.jmx.internal;

import static flight.hal.jmx.internal.FakeHal.MEMORY;
import static flight.hal.jmx.internal.FakeHal.candidate;
import static flight.hal.jmx.internal.FakeHal.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.registry.DriverState;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;

class HalMBeanPublisherTest {
    private static final String STORAGE = BlockDevice.class.getName();
    private static final ObjectName MEMORY_MBEAN = ObjectNames.halInterface(MEMORY);

    private final FakeHal hal = new FakeHal();
    private final List<PoolStats> pools = new CopyOnWriteArrayList<>();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final HalMBeanPublisher publisher = new HalMBeanPublisher();

    @BeforeEach
    void publishOnAPrivateServer() {
        publisher.registry = hal.registry();
        publisher.open(server);
    }

    @Test
    void anInterfaceMBeanShowsTheSelectionOfTheMomentAndItsCandidatesInOrder() throws Exception {
        hal.interfaces.add(status(MEMORY, "test.memory", null,
                candidate(MEMORY, "test.memory", 100, DriverState.SELECTED, null),
                candidate(MEMORY, "host.memory", 10, DriverState.STANDBY, null),
                candidate(MEMORY, "hostile.1", 5, DriverState.FAILED, HalError.internal("initialize() threw"))));
        publisher.refresh();

        assertEquals(MEMORY, server.getAttribute(MEMORY_MBEAN, "InterfaceName"));
        assertEquals("test.memory", server.getAttribute(MEMORY_MBEAN, "SelectedDriver"));
        assertEquals("", server.getAttribute(MEMORY_MBEAN, "PinnedDriver"));
        CompositeData[] candidates = (CompositeData[]) server.getAttribute(MEMORY_MBEAN, "Candidates");
        assertEquals(List.of("test.memory", "host.memory", "hostile.1"),
                List.of(candidates).stream().map(c -> c.get("name")).toList());
        assertEquals(List.of("SELECTED", "STANDBY", "FAILED"),
                List.of(candidates).stream().map(c -> c.get("state")).toList());
        assertEquals(100, candidates[0].get("ranking"));
        assertEquals("bundle.of.test.memory [7]", candidates[0].get("bundle"));
        assertTrue(((String) candidates[2].get("failure")).contains("initialize() threw"));

        hal.interfaces.set(0, status(MEMORY, "host.memory", "host.memory",
                candidate(MEMORY, "host.memory", 10, DriverState.SELECTED, null)));
        assertEquals("host.memory", server.getAttribute(MEMORY_MBEAN, "SelectedDriver"),
                "read at every call, not when registered");
        assertEquals("host.memory", server.getAttribute(MEMORY_MBEAN, "PinnedDriver"));
    }

    @Test
    void interfaceMBeansComeAndGoWithTheirCandidates() {
        hal.interfaces.add(status(MEMORY, null, null));
        publisher.refresh();
        assertEquals(Set.of(), server.queryNames(ObjectNames.ALL, null), "an interface without candidates has no MBean");

        hal.interfaces.set(0, status(MEMORY, "host.memory", null,
                candidate(MEMORY, "host.memory", 10, DriverState.SELECTED, null)));
        publisher.refresh();
        assertTrue(server.isRegistered(MEMORY_MBEAN));

        hal.interfaces.set(0, status(MEMORY, null, null));
        publisher.refresh();
        assertFalse(server.isRegistered(MEMORY_MBEAN));
    }

    @Test
    void pinAndUnpinAnswerWithAMessageAndNeverThrowForExpectedErrors() throws Exception {
        hal.interfaces.add(status(MEMORY, "host.memory", null,
                candidate(MEMORY, "host.memory", 10, DriverState.SELECTED, null)));
        publisher.refresh();

        String[] signature = {String.class.getName()};
        String pinned = (String) server.invoke(MEMORY_MBEAN, "pin", new Object[] {"host.memory"}, signature);
        assertTrue(pinned.startsWith(MEMORY + " pinned to host.memory"), pinned);
        assertEquals(List.of(MEMORY), hal.pins);

        String blank = (String) server.invoke(MEMORY_MBEAN, "pin", new Object[] {" "}, signature);
        assertTrue(blank.startsWith("error: ") && blank.contains("blank"), blank);
        String absent = (String) server.invoke(MEMORY_MBEAN, "pin", new Object[] {null}, signature);
        assertTrue(absent.startsWith("error: "), absent);

        assertTrue(((String) server.invoke(MEMORY_MBEAN, "unpin", new Object[0], new String[0])).contains("unpinned"));
        String notPinned = (String) server.invoke(MEMORY_MBEAN, "unpin", new Object[0], new String[0]);
        assertTrue(notPinned.startsWith("error: ") && notPinned.contains("not pinned"), notPinned);
    }

    @Test
    void budgetAndPoolMBeansExistWhileTheAdministrationIsHeldAndShowItsValues() throws Exception {
        publisher.refresh();
        assertFalse(server.isRegistered(ObjectNames.budget(ResourceType.MEMORY)), "no administration, no budgets");

        publisher.administration = administration(new ResourceStats(ResourceType.MEMORY, 900, 950, 12, 3, 1,
                new ResourceBudget(1000, 100, 75, 90), ResourcePressure.CRITICAL));
        PoolStats audio = new PoolStats("Audio, 4 KiB", ResourceType.MEMORY, 4096, 10, 4, 50, 30, 10, 6, 42,
                "com.example.game");
        pools.add(audio);
        publisher.refresh();

        ObjectName memory = ObjectNames.budget(ResourceType.MEMORY);
        assertEquals("MEMORY", server.getAttribute(memory, "Type"));
        assertEquals(900L, server.getAttribute(memory, "UsageBytes"));
        assertEquals(950L, server.getAttribute(memory, "PeakBytes"));
        assertEquals(1000L, server.getAttribute(memory, "MaxBytes"));
        assertEquals(100L, server.getAttribute(memory, "ReservedBytes"));
        assertEquals(75, server.getAttribute(memory, "WarningPercent"));
        assertEquals(90, server.getAttribute(memory, "CriticalPercent"));
        assertEquals("CRITICAL", server.getAttribute(memory, "Pressure"));
        assertEquals(3L, server.getAttribute(memory, "ActiveCount"));
        assertEquals(12L, server.getAttribute(memory, "AllocationCount"));
        assertEquals(1L, server.getAttribute(memory, "OverrunCount"));
        for (ResourceType type : ResourceType.values()) {
            assertTrue(server.isRegistered(ObjectNames.budget(type)), type.name());
        }

        ObjectName pool = new ObjectName(
                "flight.hal:type=Pool,bundle=com.example.game,bundleId=42,name=\"Audio, 4 KiB\"");
        assertEquals(pool, ObjectNames.pool(audio), "a name with a comma is quoted");
        assertEquals(10, server.getAttribute(pool, "Size"));
        assertEquals(4, server.getAttribute(pool, "Used"));
        assertEquals(6, server.getAttribute(pool, "Free"));
        assertEquals(50, server.getAttribute(pool, "MaxBlocks"));
        assertEquals(30L, server.getAttribute(pool, "Hits"));
        assertEquals(10L, server.getAttribute(pool, "Misses"));
        assertEquals(6, server.getAttribute(pool, "HighWater"));
        assertEquals(4L * 4096, server.getAttribute(pool, "UsedBytes"));
        assertEquals("com.example.game [42]", server.getAttribute(pool, "Owner"));

        pools.clear();
        publisher.refresh();
        assertFalse(server.isRegistered(pool), "a closed pool's MBean goes");

        publisher.administration = null;
        publisher.refresh();
        assertFalse(server.isRegistered(memory), "the administration went: so do the budgets");
    }

    @Test
    void blockDeviceMBeansShowCapabilitiesCountersAndAvailabilityAndGoWithTheirDevice() throws Exception {
        hal.interfaces.add(status(STORAGE, null, null,
                candidate(STORAGE, "zns", 1, DriverState.AVAILABLE, null),
                candidate(STORAGE, "broken", 1, DriverState.UNAVAILABLE, HalError.unavailable("block.size=1000"))));
        List<Map.Entry<Map<String, Object>, BlockDevice>> devices = new ArrayList<>();
        devices.add(Map.entry(Map.of("hal.driver.name", "zns"), device(true,
                new DeviceCapabilities(512, 4096, 64, 65536, 16, 16, 4, 32, Set.of(DeviceFeature.ZONED)),
                new DeviceStats(10, 9, 1, 2, 3, 4096, 8192))));
        devices.add(Map.entry(Map.of("hal.driver.name", "broken"), device(false,
                new DeviceCapabilities(1000, 1000, 0, 65536, 0, 0, 0, 32, Set.of()), new DeviceStats(0, 0, 0, 0, 0, 0, 0))));
        publisher.devices = List.copyOf(devices);
        publisher.refresh();

        ObjectName zns = ObjectNames.blockDevice("zns");
        assertEquals(true, server.getAttribute(zns, "Available"));
        assertEquals("AVAILABLE", server.getAttribute(zns, "RegistryState"));
        assertEquals(512, server.getAttribute(zns, "LogicalBlockSize"));
        assertEquals(64L * 512, server.getAttribute(zns, "CapacityBytes"));
        assertEquals(4, server.getAttribute(zns, "ZoneCount"));
        assertArrayEquals(new String[] {"ZONED"}, (String[]) server.getAttribute(zns, "Features"));
        assertEquals(10L, server.getAttribute(zns, "Submitted"));
        assertEquals(1L, server.getAttribute(zns, "Failed"));
        assertEquals(3L, server.getAttribute(zns, "Throttled"));
        assertEquals(8192L, server.getAttribute(zns, "BytesWritten"));

        ObjectName broken = ObjectNames.blockDevice("broken");
        assertEquals(false, server.getAttribute(broken, "Available"));
        assertTrue(((String) server.getAttribute(broken, "RegistryState")).startsWith("UNAVAILABLE: "));

        publisher.devices = List.of(devices.get(0));
        publisher.refresh();
        assertFalse(server.isRegistered(broken));
        assertTrue(server.isRegistered(zns));
    }

    private ResourceAdministration administration(ResourceStats memory) {
        return FakeHal.proxy(ResourceAdministration.class, Map.of(
                "stats", args -> args[0] == ResourceType.MEMORY ? memory : new ResourceStats((ResourceType) args[0],
                        0, 0, 0, 0, 0, ResourceBudget.unlimited(), ResourcePressure.NONE),
                "allPools", args -> List.copyOf(pools)));
    }

    private static BlockDevice device(boolean available, DeviceCapabilities capabilities, DeviceStats stats) {
        return FakeHal.proxy(BlockDevice.class, Map.of(
                "isAvailable", args -> available,
                "isActive", args -> available,
                "deviceCapabilities", args -> capabilities,
                "stats", args -> stats));
    }
}
