package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceEvents;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceType;

/** The manager's Event Admin events: each pressure change with the level it left, each leak with its owner and site. */
class ManagerEventsTest {
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    /** Records what is posted; the manager never sends (synchronously). */
    private static final class RecordingEventAdmin implements EventAdmin {
        final BlockingQueue<Event> posted = new LinkedBlockingQueue<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("sent synchronously: " + event);
        }
    }

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final ResourceAccounting accounting = new ResourceAccounting();
    private final BundleAccount owner;

    ManagerEventsTest() {
        accounting.eventAdmin = eventAdmin;
        accounting.configure(Map.of("leak.tracking", "paranoid"));
        owner = accounting.open(3, "owner");
    }

    @AfterEach
    void deactivate() {
        accounting.deactivate();
    }

    private ResourceRef<String> acquire(String name, long bytes) {
        return accounting.acquire(owner, name, ResourceMetadata.of(MEMORY, bytes), () -> name,
                AcquisitionMode.NON_BLOCKING).orElseThrow();
    }

    /** The pressure events up to and including the first that ends at {@code last}. */
    private List<Event> pressureEventsUntil(ResourcePressure last) throws InterruptedException {
        List<Event> events = new ArrayList<>();
        Event event;
        do {
            event = eventAdmin.posted.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "no pressure event reached " + last + " after " + events);
            assertEquals(ResourceEvents.PRESSURE_CHANGED, event.getTopic());
            events.add(event);
        } while (!last.name().equals(event.getProperty(ResourceEvents.NEW_LEVEL)));
        return events;
    }

    @Test
    void everyPressureChangeIsPostedWithTheLevelItLeftTheUsageAndTheMaximum() throws Exception {
        accounting.budgets.set(MEMORY, new ResourceBudget(1000, 0, 80, 90)).orElseThrow();
        ResourceRef<String> ref = acquire("texture", 950);
        List<Event> up = pressureEventsUntil(ResourcePressure.CRITICAL);
        ref.close();
        List<Event> down = pressureEventsUntil(ResourcePressure.NONE);

        String before = ResourcePressure.NONE.name();
        for (Event event : up) {
            assertEquals(MEMORY.name(), event.getProperty(ResourceEvents.TYPE));
            assertEquals(before, event.getProperty(ResourceEvents.OLD_LEVEL), "levels chain: " + up);
            assertEquals(950L, event.getProperty(ResourceEvents.USAGE));
            assertEquals(1000L, event.getProperty(ResourceEvents.MAX));
            before = (String) event.getProperty(ResourceEvents.NEW_LEVEL);
        }
        for (Event event : down) {
            assertEquals(before, event.getProperty(ResourceEvents.OLD_LEVEL), "levels chain: " + down);
            assertEquals(0L, event.getProperty(ResourceEvents.USAGE));
            before = (String) event.getProperty(ResourceEvents.NEW_LEVEL);
        }
    }

    @Test
    void aLeakIsPostedWithItsHandleAcquisitionSiteAndOwner() throws Exception {
        ResourceRef<String> kept = acquire("kept", 1000);
        accounting.close(owner);

        Event leak = eventAdmin.posted.poll(10, TimeUnit.SECONDS);
        assertNotNull(leak);
        assertEquals(ResourceEvents.LEAK_DETECTED, leak.getTopic());
        assertEquals(MEMORY.name(), leak.getProperty(ResourceEvents.TYPE));
        assertEquals(kept.handle().toString(), leak.getProperty(ResourceEvents.HANDLE));
        assertEquals(kept.handle().id(), leak.getProperty(ResourceEvents.HANDLE_ID));
        assertEquals(1000L, leak.getProperty(ResourceEvents.SIZE));
        assertEquals(ResourceLeak.Cause.OWNER_STOPPED.name(), leak.getProperty(ResourceEvents.CAUSE));
        assertTrue(((String) leak.getProperty(ResourceEvents.ACQUISITION_SITE))
                .contains(ManagerEventsTest.class.getName()), leak.toString());
        assertEquals(3L, leak.getProperty(ResourceEvents.OWNER_BUNDLE_ID));
        assertEquals("owner", leak.getProperty(ResourceEvents.OWNER_SYMBOLIC_NAME));
    }

    @Test
    void anEventAdminThatThrowsNeitherStopsTheReportNorReachesTheCaller() {
        accounting.eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                throw new IllegalStateException("a broken Event Admin");
            }

            @Override
            public void sendEvent(Event event) {
                throw new IllegalStateException("a broken Event Admin");
            }
        };
        acquire("kept", 10);
        accounting.close(owner);
        assertEquals("kept", accounting.leaks.recent().get(0).handle().name());
    }

    @Test
    void withoutEventAdminLeaksAreStillKept() {
        accounting.eventAdmin = null;
        acquire("kept", 10);
        accounting.close(owner);
        assertEquals(1, accounting.leaks.recent().size());
    }
}
