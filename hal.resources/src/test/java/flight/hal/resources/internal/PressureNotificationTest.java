package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceType;

/** Level changes reach the listeners once each, in order, off the caller's thread, despite a throwing listener. */
class PressureNotificationTest {
    private final PressureNotifier notifier = new PressureNotifier(new ManagerEvents(() -> null));
    private final TypeAccount memory = new TypeAccount(ResourceType.MEMORY, notifier);
    private final BlockingQueue<ResourcePressure> heard = new LinkedBlockingQueue<>();
    private final BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
    private final BlockingQueue<ResourceType> markers = new LinkedBlockingQueue<>();

    PressureNotificationTest() {
        notifier.add((type, pressure, stats) -> {
            throw new IllegalStateException("a broken listener");
        }, Map.of());
        notifier.add((type, pressure, stats) -> {
            threads.add(Thread.currentThread());
            heard.add(pressure);
        }, Map.of("resource.type", new String[] {"MEMORY", "HARDWARE"}));
        notifier.add((type, pressure, stats) -> markers.add(type), Map.of("resource.type", "CUSTOM"));
        memory.rescale(new ResourceBudget(1000, 0, 80, 90), 5);
    }

    @AfterEach
    void stop() {
        notifier.stop();
    }

    private void use(long bytes) {
        if (bytes > 0) {
            memory.usage.tryAdd(bytes, Long.MAX_VALUE);
        } else {
            memory.usage.subtract(-bytes);
        }
        memory.usageChanged(memory.usage.current());
    }

    @Test
    void everyLevelChangeIsHeardOnceAndInOrder() throws Exception {
        use(400);
        use(100);
        use(140);
        use(160);
        use(100);
        use(-40);
        use(-250);
        use(-400);
        List<ResourcePressure> expected = List.of(ResourcePressure.LOW, ResourcePressure.MEDIUM,
                ResourcePressure.HIGH, ResourcePressure.CRITICAL, ResourcePressure.MEDIUM, ResourcePressure.NONE);
        for (ResourcePressure level : expected) {
            assertEquals(level, heard.poll(10, TimeUnit.SECONDS));
        }
        assertNotSame(Thread.currentThread(), threads.poll(10, TimeUnit.SECONDS));
        // a change of another type, delivered after everything queued before it, marks the end
        TypeAccount custom = new TypeAccount(ResourceType.CUSTOM, notifier);
        custom.rescale(ResourceBudget.of(10, 0), 5);
        custom.usage.tryAdd(10, 10);
        custom.usageChanged(custom.usage.current());
        assertEquals(ResourceType.CUSTOM, markers.poll(10, TimeUnit.SECONDS));
        assertNull(heard.poll(0, TimeUnit.SECONDS), "no further notification of MEMORY");
        assertEquals(ResourcePressure.NONE, memory.pressure());
    }
}
