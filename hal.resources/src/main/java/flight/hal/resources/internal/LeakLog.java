package flight.hal.resources.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;

/** Logs leaks, keeps the most recent ones and posts each to Event Admin; callers report holding no lock. */
final class LeakLog {
    static final int CAPACITY = 256;
    private static final Logger LOG = LoggerFactory.getLogger(LeakLog.class);

    private final ArrayDeque<ResourceLeak> recent = new ArrayDeque<>();
    private final ManagerEvents events;

    LeakLog(ManagerEvents events) {
        this.events = events;
    }

    void report(ResourceHandle handle, ResourceLeak.Cause cause, Throwable acquiredAt) {
        String site = acquiredAt == null ? "" : stackTrace(acquiredAt);
        ResourceLeak leak = new ResourceLeak(handle, cause, site, Instant.now());
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(leak);
        }
        LOG.warn("resource leak: {} released by the manager ({}){}", handle, cause,
                site.isEmpty() ? "; turn on leak tracking (leak.tracking=paranoid) to see where it was acquired"
                        : System.lineSeparator() + site);
        events.leakDetected(leak);
    }

    List<ResourceLeak> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private static String stackTrace(Throwable site) {
        StringWriter text = new StringWriter();
        site.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
