package flight.hal.registry.internal;

import java.util.concurrent.Executor;

import org.osgi.framework.ServiceRegistration;

import flight.hal.registry.SelectionEvent;

/** What an {@link InterfaceSelection} needs from the registry that owns it. */
interface SelectionContext {

    /** Registers {@code selected}'s driver again under its interface with {@code hal.selected=true}; null on failure. */
    ServiceRegistration<?> republish(String interfaceName, Candidate selected);

    /** Tells the listeners, off the calling thread. */
    void announce(SelectionEvent event);

    /** The configuration now in force. */
    RegistrySettings settings();

    /** The bounded, guarded way into drivers. */
    DriverCalls calls();

    /** Where the interfaces' selection work runs ({@link SerialWorker.WorkerThread}s). */
    Executor workers();
}
