package flight.hal.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import org.osgi.framework.ServiceRegistration;

import flight.hal.registry.SelectionEvent;

/** A registry context for unit tests: records publications and events, settings changeable per test. */
final class TestContext implements SelectionContext, AutoCloseable {
    final List<String> journal;
    final List<SelectionEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, Object> configuration = new HashMap<>();
    private final ExecutorService workers = SerialWorker.newWorkerPool();
    private final ExecutorService callers = DriverCalls.newCallerPool();
    private final DriverCalls calls = new DriverCalls(callers);
    private volatile RegistrySettings settings;

    TestContext(List<String> journal) {
        this.journal = journal;
        configure();
    }

    /** Re-reads {@link #configuration}. */
    void configure() {
        settings = RegistrySettings.from(configuration, new Pins(configuration, key -> null));
    }

    @Override
    public ServiceRegistration<?> republish(String interfaceName, Candidate selected) {
        journal.add("publish " + selected.name());
        return null;
    }

    @Override
    public void announce(SelectionEvent event) {
        events.add(event);
    }

    @Override
    public RegistrySettings settings() {
        return settings;
    }

    @Override
    public DriverCalls calls() {
        return calls;
    }

    @Override
    public ExecutorService workers() {
        return workers;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        callers.shutdownNow();
    }
}
