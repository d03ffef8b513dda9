package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.platform.AlignedAllocator;
import flight.hal.platform.AlignedBlock;
import flight.hal.platform.CpuPrimitives;
import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;
import flight.hal.platform.GpuTopology;
import flight.hal.platform.PlatformClock;
import flight.hal.platform.PlatformErrors;
import flight.hal.platform.RandomSource;
import flight.hal.platform.SpinLock;
import flight.hal.platform.TemperatureReading;
import flight.hal.platform.TemperatureSensor;
import flight.hal.storage.BlockDevice;

/**
 * The platform services as OSGi services of their own bundle, thermal throttling by an injected sensor driver,
 * GPU-biased zones, the shell.
 */
@RunWith(PaxExam.class)
public class StoragePlatformIT extends StorageItSupport {
    private static final String PLATFORM_BUNDLE = "flight.hal.driver.platform";

    @Inject
    CommandProcessor shell;

    @Inject
    PlatformClock clock;

    @Inject
    RandomSource random;

    @Inject
    AlignedAllocator allocator;

    @Inject
    CpuPrimitives cpu;

    @Configuration
    public Option[] configuration() {
        return options(storageFramework());
    }

    @Test
    public void platformServicesWork() {
        long before = clock.nanoTime();
        assertTrue(clock.nanoTime() >= before);
        assertTrue(random.nextLong() != random.nextLong() || random.nextLong() != random.nextLong());
        AlignedBlock block = allocator.allocate(1000).orElseThrow();
        assertEquals(0, block.buffer().orElseThrow().alignmentOffset(0, 128));
        assertTrue(allocator.free(block).isOk());
        assertEquals(PlatformErrors.DOUBLE_FREE, allocator.free(block).errorOrNull().code());
        assertEquals(PlatformErrors.USE_AFTER_FREE, block.buffer().errorOrNull().code());
        SpinLock lock = cpu.newSpinLock();
        lock.lock();
        cpu.fullFence();
        lock.unlock();
        assertTrue(lock.tryLock());
    }

    @Test
    public void platformServicesComeFromThePlatformBundleAndOutliveTheStorageBundle() throws Exception {
        assertEquals(PLATFORM_BUNDLE, providerOf(PlatformClock.class));
        assertEquals(PLATFORM_BUNDLE, providerOf(RandomSource.class));
        assertEquals(PLATFORM_BUNDLE, providerOf(AlignedAllocator.class));
        assertEquals(PLATFORM_BUNDLE, providerOf(CpuPrimitives.class));
        Bundle storage = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("flight.hal.driver.storage")).findFirst()
                .orElseThrow();
        storage.stop();
        try {
            assertEquals(PLATFORM_BUNDLE, providerOf(PlatformClock.class));
            assertEquals(PLATFORM_BUNDLE, providerOf(RandomSource.class));
            long before = clock.nanoTime();
            assertTrue(clock.nanoTime() >= before);
            assertTrue(random.nextLong() != random.nextLong() || random.nextLong() != random.nextLong());
        } finally {
            storage.start();
        }
    }

    private String providerOf(Class<?> service) {
        ServiceReference<?> reference = context.getServiceReference(service);
        assertNotNull(service.getName() + " is registered", reference);
        return reference.getBundle().getSymbolicName();
    }

    @Test
    public void anInjectedHotSensorThrottlesIoAndTheMachinesOwnSaysWhatItKnows() throws Exception {
        TemperatureSensor machine = (TemperatureSensor) awaitService("(&(objectClass="
                + TemperatureSensor.class.getName() + ")(hal.driver.name=host.thermal.sysfs)(!(hal.selected=*)))");
        HalResult<TemperatureReading> real = machine.read();
        assertTrue(real.toString(), real.isOk() || real.errorOrNull().code().equals(PlatformErrors.NO_SENSOR));

        // a sensor driver outranking the host's: the registry selects it, and the devices throttle by it
        Dictionary<String, Object> driver = new Hashtable<>();
        driver.put(HalDriver.INTERFACE_PROPERTY, TemperatureSensor.class.getName());
        driver.put(HalDriver.NAME_PROPERTY, "injected");
        driver.put(Constants.SERVICE_RANKING, 100);
        ServiceRegistration<TemperatureSensor> hot = context.registerService(TemperatureSensor.class,
                new InjectedTemperature("injected", 99), driver);
        try {
            awaitSelected(TemperatureSensor.class.getName(), "injected");
            device("warm", "thermal.interval.millis", 0, "thermal.pause.micros", 1);
            BlockDevice warm = awaitDevice("warm");
            for (int i = 0; i < 2; i++) {
                HalResult<?> flushed = warm.flush();
                assertTrue(flushed.toString(), flushed.isOk());
            }
            assertEquals(2, warm.stats().throttled());
        } finally {
            hot.unregister();
        }
        awaitSelected(TemperatureSensor.class.getName(), "host.thermal.sysfs");
    }

    @Test
    public void zonesAreAllocatedNearTheCallingGpuAndTheShellReportsThem() throws Exception {
        org.osgi.service.cm.Configuration gpus = configurationAdmin.getConfiguration("flight.hal.gpu.topology", "?");
        Dictionary<String, Object> entries = new Hashtable<>();
        entries.put("gpus", new String[] {"0:1:0:32", "1:2:32:32"});
        gpus.update(entries);
        GpuTopology topology = (GpuTopology) awaitService("(&(objectClass=" + GpuTopology.class.getName()
                + ")(gpus=*))");
        assertEquals(List.of(new GpuRange(0, 1, 0, 32), new GpuRange(1, 2, 32, 32)), topology.ranges());

        device("ai", "kind", "ZONED", "block.size", 512, "zone.size.blocks", 16, "zone.count", 4);
        BlockDevice ai = awaitDevice("ai");
        try (GpuBinding bound = topology.bind(1).orElseThrow()) {
            assertEquals(1, bound.gpuId());
            assertEquals(new GpuRange(1, 2, 32, 32), topology.callingRange().orElseThrow());
            assertEquals(32, ai.allocateZone().orElseThrow().startLba());
        }
        assertEquals(0, ai.allocateZone().orElseThrow().startLba());
        assertEquals(0, ai.zoneAppend(0, ByteBuffer.allocate(1024)).orElseThrow().resultLba());

        awaitService("(&(osgi.command.scope=hal)(osgi.command.function=zones))");
        String devicesText = runCommand(shell, "hal:devices");
        assertTrue(devicesText, devicesText.matches("(?s).*  ai +0 +512 B +32\\.0 KiB \\(32,768 B\\) "
                + "+1\\.0 MiB \\(1,048,576 B\\) +4x16 +64  \\[FUA, "
                + "PERSISTENT_WRITE_POINTERS, ZONED].*"));
        String zones = runCommand(shell, "hal:zones ai");
        assertTrue(zones, zones.matches("(?s).* 0 +0 +2 +2 +16  EXPLICITLY_OPEN.*"));
        assertTrue(zones, zones.matches("(?s).* 2 +32 +32 +0 +16  EXPLICITLY_OPEN.*"));
        assertTrue(runCommand(shell, "hal:zones nobody").startsWith("no block device named 'nobody'"));
    }

    @Test
    public void directIoAndTheSynchronousMapModeAreReachableFromInsideTheFramework() throws Exception {
        device("direct", "direct.io", true);
        device("pmem", "kind", "NVM", "capacity.bytes", 1 << 20);
        BlockDevice pmem = awaitDevice("pmem");
        awaitDevice("direct");
        ByteBuffer mapping = pmem.mapping().orElseThrow();
        mapping.putLong(4096, 42);
        assertTrue(pmem.persist(4096, 8).isOk());
        awaitService("(&(osgi.command.scope=hal)(osgi.command.function=devices))");
        String devicesText = runCommand(shell, "hal:devices");
        // optional imports of com.sun.nio.file and jdk.nio.mapmode resolved: the file system, not the class space,
        // decides
        assertTrue(devicesText, devicesText.contains("O_DIRECT") || devicesText.contains("the file system refused"));
        assertTrue(devicesText, devicesText.contains("MAP_SYNC refused, the file system is not DAX")
                || devicesText.contains("MAP_SYNC (JEP 352"));
    }
}
