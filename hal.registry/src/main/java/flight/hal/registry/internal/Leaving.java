package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;

/**
 * Bringing drivers up and taking them down, on an interface's worker: initializing a candidate (bounded), and
 * leaving an activation no role chose — shut down at once when it holds nothing; else its objects offered to the
 * successor (and, for a driver whose service is gone, to every other candidate), the activation shut down when one
 * adopts them, kept as a retiring owner when none does, its objects dropped only when its service is gone.
 */
final class Leaving {
    private static final Logger LOG = LoggerFactory.getLogger(Leaving.class);

    private final InterfaceSelection selection;
    private final SelectionContext context;

    Leaving(InterfaceSelection selection, SelectionContext context) {
        this.selection = selection;
        this.context = context;
    }

    /** Initializes {@code candidate} (bounded); false, with the candidate failed, when that does not succeed. */
    boolean activate(Candidate candidate) {
        String name = candidate.name();
        HalResult<Void> initialized = context.calls().bounded(name, "initialize()",
                context.settings().initTimeoutNanos(), candidate.driver::initialize, late -> {
                    candidate.initializing = false;
                    if (late.isOk()) { // initialized after we gave up on it: undo, it is not in use
                        DriverCalls.directResult(name, "shutdown()", candidate.driver::shutdown);
                    }
                });
        if (initialized.isErr()) {
            candidate.initializing = initialized.errorOrNull().category() == flight.hal.ErrorCategory.TIMEOUT;
            Reselection.fail(candidate, initialized.errorOrNull());
            return false;
        }
        HandleIssuer issuer = candidate.driver instanceof ObjectOwner<?> owner
                ? DriverCalls.direct(name, "handles()", owner::handles).orElse(null) : null;
        candidate.activation = new Activation(candidate, issuer, selection::retiringReleased);
        return true;
    }

    /** Leaves an activation that no role chose (see the class comment). */
    void leave(Candidate candidate, Activation activation, Candidate successor, InterfaceSelection.Plan plan) {
        LiveObjects live = liveObjects(candidate, activation);
        if (live.isEmpty() || plan.closing() || context.settings().dropOnLeave()) {
            shutDown(candidate, activation, live.isEmpty() ? "left" : "left, dropping " + live);
            return;
        }
        Activation target = successor == null ? null : successor.activation;
        if (activation.isRetiring() && !candidate.removed && (target == null || target == activation.refusedBy)) {
            return; // still holding objects nobody new could take: keeps serving them
        }
        List<Candidate> adopters = new ArrayList<>();
        if (successor != null && successor != candidate) {
            adopters.add(successor);
        }
        if (candidate.removed) { // its service is gone: anybody who can hold the objects is better than losing them
            plan.candidates().stream().filter(other -> other != successor && other != candidate).forEach(adopters::add);
        }
        drain(candidate, activation);
        HalResult<Object> exported = exportObjects(candidate);
        for (Candidate adopter : adopters) {
            if (exported.isOk() && handOver(candidate, activation, adopter, exported.valueOrNull(), live)) {
                return;
            }
        }
        if (candidate.removed) {
            HalResult<LiveObjects> dropped = dropObjects(candidate);
            LOG.error("{}: driver '{}' went away holding {} that no other driver could adopt ({}); they are dropped",
                    candidate.interfaceName, candidate.name(), live,
                    exported.isErr() ? exported.errorOrNull() : "refused by " + adopters.size() + " candidate(s)");
            shutDown(candidate, activation, "removed, dropped " + dropped.orElse(live));
            return;
        }
        activation.refusedBy = target;
        activation.retiring(true);
        activation.reopen();
        LOG.info("{}: driver '{}' is RETIRING: it keeps serving {} until they are released ({})",
                candidate.interfaceName, candidate.name(), live,
                exported.isErr() ? exported.errorOrNull() : "its successor could not adopt them");
    }

    /** Forced or reported retirement of a retiring activation. */
    HalResult<LiveObjects> retire(Candidate candidate, Activation activation, boolean force) {
        if (!force) {
            return HalResult.ok(liveObjects(candidate, activation));
        }
        drain(candidate, activation);
        HalResult<LiveObjects> dropped = dropObjects(candidate);
        shutDown(candidate, activation, "retired by force, dropped " + dropped.orElse(LiveObjects.NONE));
        return dropped;
    }

    private boolean handOver(Candidate candidate, Activation activation, Candidate adopter, Object exported,
                             LiveObjects live) {
        if (!(adopter.driver instanceof ObjectOwner<?>) || adopter.failure != null || adopter.removed
                || (adopter.activation == null && !(adopter.available() && activate(adopter)))) {
            return false;
        }
        Activation adopting = adopter.activation;
        @SuppressWarnings("unchecked")
        ObjectOwner<Object> owner = (ObjectOwner<Object>) adopter.driver;
        HalResult<LiveObjects> adopted = context.calls().bounded(adopter.name(), "adoptObjects()",
                context.settings().initTimeoutNanos(), () -> owner.adoptObjects(exported, activation.issuer),
                late -> late.ifOk(objects -> LOG.error("{}: '{}' adopted {} after the registry gave up waiting;"
                        + " both drivers now claim them", candidate.interfaceName, adopter.name(), objects)));
        if (adopted.isErr()) {
            LOG.info("{}: '{}' does not adopt the {} of '{}': {}", candidate.interfaceName, adopter.name(), live,
                    candidate.name(), adopted.errorOrNull());
            return false;
        }
        Activation selected = selection.handle().selected();
        if (adopting != null && selected != adopting) {
            adopting.retiring(true); // holds objects without being selected; the selected one was asked already
            adopting.refusedBy = selected;
        }
        DriverCalls.direct(candidate.name(), "exportCompleted()", () -> {
            ((ObjectOwner<?>) candidate.driver).exportCompleted();
            return Boolean.TRUE;
        });
        shutDown(candidate, activation, "handed " + adopted.valueOrNull() + " over to '" + adopter.name() + "'");
        return true;
    }

    private void drain(Candidate candidate, Activation activation) {
        long timeout = context.settings().drainTimeoutNanos();
        if (!activation.closeAndDrain(timeout)) {
            LOG.warn("{}: {} lease(s) on driver '{}' still open after {} ms; going on anyway", candidate.interfaceName,
                    activation.openLeases(), candidate.name(), TimeUnit.NANOSECONDS.toMillis(timeout));
        }
    }

    /** Drains (if not yet done) and shuts the driver down; the candidate is no longer initialized. */
    private void shutDown(Candidate candidate, Activation activation, String why) {
        if (!activation.isClosed()) {
            drain(candidate, activation);
        }
        candidate.activation = null;
        context.calls().bounded(candidate.name(), "shutdown()", context.settings().initTimeoutNanos(),
                candidate.driver::shutdown, late -> { })
                .ifErr(error -> LOG.warn("{}: driver '{}' shut down with an error: {}", candidate.interfaceName,
                        candidate.name(), error));
        LOG.debug("{}: driver '{}' shut down: {}", candidate.interfaceName, candidate.name(), why);
    }

    private static LiveObjects liveObjects(Candidate candidate, Activation activation) {
        if (activation.issuer == null) {
            return LiveObjects.NONE;
        }
        return DriverCalls.direct(candidate.name(), "liveObjects()",
                ((ObjectOwner<?>) candidate.driver)::liveObjects).orElse(LiveObjects.NONE);
    }

    @SuppressWarnings("unchecked")
    private HalResult<Object> exportObjects(Candidate candidate) {
        return context.calls().bounded(candidate.name(), "exportObjects()", context.settings().initTimeoutNanos(),
                () -> (HalResult<Object>) ((ObjectOwner<?>) candidate.driver).exportObjects(), late -> { });
    }

    private HalResult<LiveObjects> dropObjects(Candidate candidate) {
        if (!(candidate.driver instanceof ObjectOwner<?> owner)) {
            return HalResult.err(HalError.unsupportedCapability(candidate.name() + " owns no objects"));
        }
        return context.calls().bounded(candidate.name(), "dropObjects()", context.settings().initTimeoutNanos(),
                () -> HalResult.ok(owner.dropObjects()), late -> { });
    }
}
