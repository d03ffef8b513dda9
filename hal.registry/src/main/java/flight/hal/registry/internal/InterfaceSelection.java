package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.SelectionEvent;

/**
 * The candidates of one HAL interface and which of them is selected. Every change goes through this object's monitor,
 * so concurrent registrations of one interface are applied one at a time, in order; different interfaces do not wait
 * for each other.
 */
final class InterfaceSelection {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceSelection.class);

    final String interfaceName;
    private final SelectionContext context;
    private final SelectedDriverHandle<?> handle;
    private final List<Candidate> candidates = new ArrayList<>();
    private String pin;
    private String note = "";
    private ServiceRegistration<?> republication;

    InterfaceSelection(String interfaceName, SelectionContext context, String pin) {
        this.interfaceName = interfaceName;
        this.context = context;
        this.handle = new SelectedDriverHandle<>(interfaceName);
        this.pin = pin;
    }

    SelectedDriverHandle<?> handle() {
        return handle;
    }

    synchronized void add(Candidate candidate) {
        candidates.add(candidate);
        reselect();
    }

    /** Its properties changed (ranking, name): a failed initialize() may be retried, the order may change. */
    synchronized void modified(Candidate candidate) {
        candidate.failure = null;
        reselect();
    }

    synchronized void remove(Candidate candidate) {
        candidates.remove(candidate);
        reselect();
    }

    synchronized String pin() {
        return pin;
    }

    /** Pins to {@code driverName}, or unpins with {@code null}, and re-selects. */
    synchronized void pin(String driverName) {
        pin = driverName;
        reselect();
    }

    /** Leaves the selected driver (shutting it down) and forgets every candidate: the registry is stopping. */
    synchronized void close() {
        candidates.clear();
        reselect();
    }

    synchronized InterfaceStatus status() {
        Binding current = handle.binding();
        List<flight.hal.registry.DriverDescription> described = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            described.add(Descriptions.describe(interfaceName, candidate, current != null && current.candidate == candidate));
        }
        return new InterfaceStatus(interfaceName, current == null ? null : current.candidate.name(), pin, note,
                described);
    }

    private void reselect() {
        candidates.sort((a, b) -> b.reference.compareTo(a.reference)); // OSGi order: ranking desc, then id asc
        Binding current = handle.binding();
        Candidate chosen = null;
        String why = "";
        if (pin != null) {
            Candidate pinned = named(pin);
            if (pinned == null) {
                why = "pinned driver '" + pin + "' is not registered; selected by ranking";
            } else if (!pinned.available()) {
                why = "pinned driver '" + pin + "' is unavailable; selected by ranking";
            } else if (ready(pinned, current)) {
                chosen = pinned;
            } else {
                why = "pinned driver '" + pin + "' failed to initialize (" + pinned.failure + "); selected by ranking";
            }
        }
        for (int i = 0; chosen == null && i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (candidate.failure == null && candidate.available() && ready(candidate, current)) {
                chosen = candidate;
            }
        }
        if (chosen == null && !candidates.isEmpty()) {
            why = (why.isEmpty() ? "" : why + "; ") + "no candidate is available and initializes";
        }
        if (!why.isEmpty() && !why.equals(note)) {
            LOG.warn("{}: {}", interfaceName, why);
        }
        note = why;
        switchTo(current, chosen);
    }

    private Candidate named(String name) {
        for (Candidate candidate : candidates) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether {@code candidate} can take calls: the current one can; another must initialize first. */
    private boolean ready(Candidate candidate, Binding current) {
        if (current != null && current.candidate == candidate) {
            return true;
        }
        if (candidate.failure != null) {
            return false;
        }
        HalResult<Void> result;
        try {
            result = candidate.driver.initialize();
        } catch (RuntimeException e) {
            result = HalResult.err(HalError.initializationFailed("initialize() threw " + e));
        }
        if (result.isOk()) {
            return true;
        }
        candidate.failure = result.errorOrNull();
        LOG.warn("{}: driver '{}' failed to initialize, trying the next candidate: {}", interfaceName,
                candidate.name(), candidate.failure);
        return false;
    }

    private void switchTo(Binding current, Candidate chosen) {
        if ((current == null ? null : current.candidate) == chosen) {
            if (republication != null) {
                republication.setProperties(Descriptions.republishedProperties(interfaceName, chosen));
            }
            return;
        }
        // Publish the new driver before retiring the old one: a lessee that loses the race re-reads and finds it.
        Binding next = chosen == null ? null : new Binding(chosen);
        handle.publish(next);
        ServiceRegistration<?> left = republication;
        republication = chosen == null ? null : context.republish(interfaceName, chosen);
        unregister(left);
        if (current != null) {
            retire(current);
        }
        String previousName = current == null ? null : current.candidate.name();
        String chosenName = chosen == null ? null : chosen.name();
        LOG.info("{}: selected {} (was {})", interfaceName, chosenName == null ? "no driver" : "'" + chosenName + "'",
                previousName == null ? "none" : "'" + previousName + "'");
        context.announce(new SelectionEvent(interfaceName, previousName, chosenName));
    }

    /** Waits (bounded) for the leases on a driver being left, then shuts it down. */
    private void retire(Binding left) {
        long timeout = context.drainTimeoutNanos();
        if (!left.retireAndDrain(timeout)) {
            LOG.warn("{}: {} lease(s) on driver '{}' still open after {} ms; shutting it down anyway", interfaceName,
                    left.openLeases(), left.candidate.name(), TimeUnit.NANOSECONDS.toMillis(timeout));
        }
        try {
            left.candidate.driver.shutdown().ifErr(error -> LOG.warn("{}: driver '{}' shut down with an error: {}",
                    interfaceName, left.candidate.name(), error));
        } catch (RuntimeException e) {
            LOG.error("{}: driver '{}' threw from shutdown()", interfaceName, left.candidate.name(), e);
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the registry's bundle is stopping and the framework unregistered it first
            }
        }
    }
}
