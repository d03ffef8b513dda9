package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import flight.hal.HalResult;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceEvents;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.StorageEvents;

/** The real bundles post pressure changes and device errors to Event Admin, where an event handler hears them. */
@RunWith(PaxExam.class)
public class OperatorEventsIT extends ResourceItSupport {
    private static final int BLOCK = 512;

    @Configuration
    public Option[] configuration() {
        return options(halFramework(), ourBundle("flight.hal.resources"), ourBundle("flight.hal.driver.platform"),
                ourBundle("flight.hal.driver.storage"));
    }

    @Test
    public void aPressureChangeAndADeviceErrorReachAnEventHandler() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, new String[] {ResourceEvents.PRESSURE_CHANGED,
                StorageEvents.DEVICE_ERROR});
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topics);
        org.osgi.service.cm.Configuration device = null;
        try {
            administration.setBudget(ResourceType.PERFORMANCE, new ResourceBudget(1000, 0, 80, 90)).orElseThrow();
            try (ScopedResource burst = manager.acquireScoped("burst", ResourceMetadata.of(ResourceType.PERFORMANCE,
                    950)).orElseThrow()) {
                Event critical = next(events, event -> event.getTopic().equals(ResourceEvents.PRESSURE_CHANGED)
                        && ResourcePressure.CRITICAL.name().equals(event.getProperty(ResourceEvents.NEW_LEVEL)));
                assertEquals(ResourceType.PERFORMANCE.name(), critical.getProperty(ResourceEvents.TYPE));
                assertNotEquals(ResourcePressure.CRITICAL.name(), critical.getProperty(ResourceEvents.OLD_LEVEL));
                assertEquals(950L, critical.getProperty(ResourceEvents.USAGE));
                assertEquals(1000L, critical.getProperty(ResourceEvents.MAX));
            }

            Path folder = Files.createTempDirectory(Files.createDirectories(Paths.get(System.getProperty(
                    "hal.it.work"))), "events");
            device = configurationAdmin.getFactoryConfiguration("flight.hal.storage.device", "failing", "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("hal.driver.name", "failing");
            properties.put("path", folder.resolve("failing.img").toString());
            properties.put("kind", "ZONED");
            properties.put("block.size", BLOCK);
            properties.put("zone.size.blocks", 16);
            properties.put("zone.count", 4);
            properties.put("zones.offline", "1");
            device.update(properties);
            BlockDevice failing = (BlockDevice) awaitService("(&(objectClass=" + BlockDevice.class.getName()
                    + ")(hal.driver.name=failing)(!(hal.selected=*)))");
            HalResult<?> read = failing.read(16, ByteBuffer.allocate(BLOCK));
            assertEquals(StorageErrors.ZONE_OFFLINE, read.errorOrNull().code());

            Event error = next(events, event -> event.getTopic().equals(StorageEvents.DEVICE_ERROR));
            assertEquals("failing", error.getProperty(StorageEvents.DEVICE));
            assertEquals("READ", error.getProperty(StorageEvents.OPERATION));
            assertEquals("IO_ERROR", error.getProperty(StorageEvents.ERROR_CATEGORY));
            assertEquals(StorageErrors.ZONE_OFFLINE, error.getProperty(StorageEvents.ERROR_CODE));
            assertEquals(read.errorOrNull().message(), error.getProperty(StorageEvents.MESSAGE));
        } finally {
            handler.unregister();
            if (device != null) {
                device.delete();
            }
        }
    }

    /** The next event that {@code wanted} accepts, skipping others. */
    private static Event next(BlockingQueue<Event> events, Predicate<Event> wanted) throws InterruptedException {
        while (true) {
            Event event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull("no event came that the test waits for", event);
            if (wanted.test(event)) {
                return event;
            }
        }
    }
}
