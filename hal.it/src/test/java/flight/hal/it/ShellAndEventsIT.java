package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import flight.hal.registry.SelectionEvent;

/** The Gogo commands of scope hal, and the Event Admin events of selection changes. */
@RunWith(PaxExam.class)
public class ShellAndEventsIT extends HalItSupport {

    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Test
    public void selectionChangesArePostedToEventAdmin() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, SelectionEvent.TOPIC);
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, topic);
        try {
            awaitSelected(HOST);
            installTestDrivers().stop();
            Event toTest = nextEvent(events);
            assertEquals(MEMORY, toTest.getProperty(SelectionEvent.INTERFACE));
            assertEquals(HOST, toTest.getProperty(SelectionEvent.PREVIOUS));
            assertEquals(TEST, toTest.getProperty(SelectionEvent.SELECTED));
            Event back = nextEvent(events);
            assertEquals(TEST, back.getProperty(SelectionEvent.PREVIOUS));
            assertEquals(HOST, back.getProperty(SelectionEvent.SELECTED));
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void driversInfoPinAndUnpinCommands() throws Exception {
        awaitCommands();
        installTestDrivers();
        awaitSelected(TEST);

        String drivers = run("hal:drivers");
        assertTrue(drivers, drivers.contains(MEMORY));
        assertTrue(drivers, drivers.matches("(?s).*\\* test\\.memory +100 +SELECTED +yes +flight\\.hal\\.driver\\.testing.*"));
        assertTrue(drivers, drivers.matches("(?s).*  host\\.memory +10 +STANDBY +yes +flight\\.hal\\.driver\\.host.*"));

        String info = run("hal:info host.memory");
        assertTrue(info, info.contains("BASIC_MEMORY"));
        assertTrue(info, info.contains("tier          HIGH") || info.contains("tier          LIMITED")
                || info.contains("tier          MINIMAL"));
        assertTrue(info, info.contains(System.getProperty("os.name")));
        assertTrue(run("hal:info nobody"), run("hal:info nobody").contains("no driver named 'nobody'"));

        String pinned = run("hal:pin MemoryDriver host.memory");
        assertTrue(pinned, pinned.contains("[pinned to host.memory]"));
        awaitSelected(HOST);
        assertTrue(run("hal:drivers").contains("* host.memory"));

        assertTrue(run("hal:unpin MemoryDriver").contains("* test.memory"));
        awaitSelected(TEST);
        assertTrue(run("hal:unpin MemoryDriver").startsWith("error: NOT_FOUND"));
    }

    @Test
    public void watchDrawsTheDriversViewUntilTheSessionsInputEnds() throws Exception {
        awaitService("(osgi.command.function=watch)");
        awaitSelected(HOST);
        String watched = run("hal:watch --drivers --interval 100");
        assertTrue(watched, watched.contains("g! hal:drivers"));
        assertTrue(watched, watched.matches(
                "(?s).*\\* host\\.memory +10 +SELECTED +yes +flight\\.hal\\.driver\\.host.*"));
        assertTrue(watched, watched.matches("(?s).*hal:watch stopped after \\d+ draw\\(s\\)$"));
        assertTrue(watched, run("hal:watch --interval 5").startsWith("error: the interval is 5 ms"));
    }

    private void awaitCommands() throws Exception {
        awaitService("(osgi.command.scope=hal)");
    }

    private String run(String command) throws Exception {
        return runCommand(shell, command);
    }

    private static Event nextEvent(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("a selection event was posted", event);
        return event;
    }
}
