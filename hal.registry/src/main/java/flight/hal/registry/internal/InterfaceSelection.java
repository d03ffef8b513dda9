package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.InterfaceStatus;
import flight.hal.registry.RoleStatus;

/**
 * The candidates of one HAL interface, its roles (the plain selection and selections by required capabilities) and
 * which candidate each role selects. Changes are recorded under this object's monitor, which is held only to read or
 * write that bookkeeping; the work they cause — initializing, leaving, handing objects over, shutting down — runs on
 * the interface's {@link SerialWorker}, in order, in a {@link Reselection}. Callers wait for that work (bounded), so a
 * bundle that starts or stops a driver finds the selection done when it returns.
 */
final class InterfaceSelection {
    final String interfaceName;
    final Owners owners = new Owners();
    private final SelectionContext context;
    private final SerialWorker worker;
    private final RoleHandle<?> plain;
    /** Roles by the capabilities their handles asked for (beyond what the configuration requires). */
    private final Map<Set<HalCapability>, RoleHandle<?>> roles = new LinkedHashMap<>();
    private final List<Candidate> candidates = new ArrayList<>();
    /** Candidates whose service is gone and whose leaving has not been done yet. */
    private final List<Candidate> departing = new ArrayList<>();
    private final AtomicBoolean retiringCheckPending = new AtomicBoolean();
    private final Reselection reselection;
    private String pin;
    /** False once a candidate showed the interface is {@link flight.hal.NonExclusive}: its drivers are used by name. */
    private boolean exclusive = true;
    private boolean closing;
    private Map<RoleHandle<?>, String> notes = Map.of();

    InterfaceSelection(String interfaceName, SelectionContext context) {
        this.interfaceName = interfaceName;
        this.context = context;
        this.worker = new SerialWorker(interfaceName, context.workers());
        this.pin = context.settings().pins().pinFor(interfaceName);
        this.plain = new RoleHandle<>(interfaceName, context.settings().requiredOf(interfaceName), owners,
                this::ownerWaitNanos);
        this.reselection = new Reselection(this, context);
    }

    RoleHandle<?> handle() {
        return plain;
    }

    /** The handle of the role that requires {@code asked} (and what the configuration requires); made on first use. */
    RoleHandle<?> handle(Set<HalCapability> asked) {
        if (asked.isEmpty()) {
            return plain;
        }
        Set<HalCapability> key = Set.copyOf(EnumSet.copyOf(asked));
        RoleHandle<?> role;
        synchronized (this) {
            role = roles.get(key);
            if (role != null) {
                return role;
            }
            role = new RoleHandle<>(interfaceName, union(key, context.settings().requiredOf(interfaceName)), owners,
                    this::ownerWaitNanos);
            roles.put(key, role);
        }
        await(reselect());
        return role;
    }

    void add(Candidate candidate) {
        synchronized (this) {
            candidates.add(candidate);
            exclusive &= !candidate.nonExclusive;
        }
        await(reselect());
    }

    /** Its properties changed (ranking, name): a failed candidate is tried again, the order may change. */
    void modified(Candidate candidate) {
        candidate.failure = null;
        candidate.recheck.set(true);
        await(reselect());
    }

    /** Its service is going: returns once it no longer takes calls and its objects were handed over or dropped. */
    void remove(Candidate candidate) {
        synchronized (this) {
            candidate.removed = true;
            candidates.remove(candidate);
            departing.add(candidate);
        }
        await(reselect());
    }

    synchronized String pin() {
        return pin;
    }

    /** Pins to {@code driverName}, or unpins with {@code null}, and re-selects. */
    void pin(String driverName) {
        synchronized (this) {
            pin = driverName;
        }
        await(reselect());
    }

    /** New configuration: required capabilities and the pin are read again. */
    void reconfigure() {
        RegistrySettings settings = context.settings();
        synchronized (this) {
            pin = settings.pins().pinFor(interfaceName);
            Set<HalCapability> required = settings.requiredOf(interfaceName);
            plain.require(required);
            roles.forEach((asked, role) -> role.require(union(asked, required)));
            candidates.forEach(candidate -> candidate.failure = null);
        }
        await(reselect());
    }

    /** Leaves every driver (shutting it down, dropping its objects): the registry is stopping. */
    void close() {
        synchronized (this) {
            closing = true;
            candidates.forEach(candidate -> candidate.removed = true);
            departing.addAll(candidates);
            candidates.clear();
        }
        await(reselect());
    }

    /** What a retiring driver holds; with {@code force}, drops it and shuts the driver down. */
    HalResult<LiveObjects> retire(String driverName, boolean force) {
        HalResult<LiveObjects> timedOut = HalResult.err(HalError.timeout(interfaceName
                + ": retiring '" + driverName + "' did not complete in time"));
        return SerialWorker.await(worker.submit(() -> reselection.retire(driverName, force)),
                context.settings().workBoundNanos(), timedOut);
    }

    /** A lease on a retiring driver was closed: check, once for many such closes, whether it still holds objects. */
    void retiringReleased() {
        if (retiringCheckPending.compareAndSet(false, true)) {
            worker.submit(() -> {
                retiringCheckPending.set(false);
                reselection.run();
                return null;
            });
        }
    }

    /** Completes once the work submitted before it is done. */
    CompletableFuture<Void> settled() {
        return worker.submit(() -> null);
    }

    InterfaceStatus status() {
        Plan plan = plan();
        Map<RoleHandle<?>, String> roleNotes;
        synchronized (this) {
            roleNotes = notes;
        }
        Activation selected = plain.selected();
        Set<HalCapability> required = plain.requiredCapabilities();
        List<DriverDescription> described = new ArrayList<>(plan.candidates().size());
        for (Candidate candidate : plan.candidates()) {
            described.add(Descriptions.describe(candidate, selected != null && selected.candidate == candidate,
                    required, plan.exclusive()));
        }
        List<RoleStatus> roleStatuses = new ArrayList<>();
        for (RoleHandle<?> role : plan.roles().subList(1, plan.roles().size())) {
            Activation roleSelected = role.selected();
            roleStatuses.add(new RoleStatus(role.requiredCapabilities(),
                    roleSelected == null ? null : roleSelected.candidate.name(), roleNotes.getOrDefault(role, "")));
        }
        return new InterfaceStatus(interfaceName, selected == null ? null : selected.candidate.name(), plan.pin(),
                roleNotes.getOrDefault(plain, ""), required, described, roleStatuses);
    }

    /** What a {@link Reselection} works from, copied under the monitor. */
    record Plan(List<Candidate> candidates, List<Candidate> departing, String pin, List<RoleHandle<?>> roles,
                boolean exclusive, boolean closing) {
    }

    synchronized Plan plan() {
        candidates.sort((a, b) -> b.reference.compareTo(a.reference)); // OSGi order: ranking desc, then id asc
        List<RoleHandle<?>> all = new ArrayList<>(roles.size() + 1);
        all.add(plain);
        all.addAll(roles.values());
        return new Plan(List.copyOf(candidates), List.copyOf(departing), pin, all, exclusive, closing);
    }

    /** A reselection finished with these notes; the departing candidates it left are gone. */
    synchronized void settled(Map<RoleHandle<?>, String> roleNotes, List<Candidate> left) {
        notes = Map.copyOf(roleNotes);
        departing.removeAll(left);
    }

    private CompletableFuture<Void> reselect() {
        return worker.submit(() -> {
            reselection.run();
            return null;
        });
    }

    private void await(CompletableFuture<Void> work) {
        SerialWorker.await(work, context.settings().workBoundNanos(), null);
    }

    /** How long a call on an object waits while the object is handed from one driver to another. */
    private long ownerWaitNanos() {
        RegistrySettings settings = context.settings();
        return settings.drainTimeoutNanos() + 2 * settings.initTimeoutNanos();
    }

    private static Set<HalCapability> union(Set<HalCapability> a, Set<HalCapability> b) {
        EnumSet<HalCapability> union = EnumSet.noneOf(HalCapability.class);
        union.addAll(a);
        union.addAll(b);
        return union;
    }

}
