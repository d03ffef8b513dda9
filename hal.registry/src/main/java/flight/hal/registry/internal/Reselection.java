package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.registry.SelectionEvent;

/**
 * One interface's selection work, run on its {@link SerialWorker} and never under a lock others wait for: choose the
 * candidate of every role (initializing it first), publish the choices, announce the plain one, then leave every
 * activation no role chose — handing its objects over, keeping it as a retiring owner, or shutting it down
 * ({@link Leaving}). A {@link flight.hal.NonExclusive} interface has no plain choice: every usable candidate is
 * initialized and kept, and only the roles that ask for capabilities choose among them.
 */
final class Reselection {
    private static final Logger LOG = LoggerFactory.getLogger(Reselection.class);
    /** The plain role's note on a non-exclusive interface: why nothing is selected. */
    static final String NON_EXCLUSIVE_NOTE = "non-exclusive: every available driver is used by name; only roles"
            + " (handles asking for capabilities) select by ranking";

    private final InterfaceSelection selection;
    private final SelectionContext context;
    private final Leaving leaving;
    private ServiceRegistration<?> republication;
    /** The candidates whose registration was modified since the last run; this run's, on the worker only. */
    private Set<Candidate> rechecked = Set.of();

    Reselection(InterfaceSelection selection, SelectionContext context) {
        this.selection = selection;
        this.context = context;
        this.leaving = new Leaving(selection, context);
    }

    void run() {
        InterfaceSelection.Plan plan = selection.plan();
        rechecked = plan.candidates().stream().filter(candidate -> candidate.recheck.getAndSet(false))
                .collect(Collectors.toSet());
        RoleHandle<?> plainRole = plan.roles().get(0);
        Set<Candidate> usedByName = plan.exclusive() || plan.closing() ? Set.of() : activateAll(plan, plainRole);
        Map<RoleHandle<?>, Candidate> chosen = new LinkedHashMap<>();
        Map<RoleHandle<?>, String> notes = new LinkedHashMap<>();
        for (RoleHandle<?> role : plan.roles()) {
            StringBuilder note = new StringBuilder();
            if (role == plainRole && !plan.exclusive()) {
                chosen.put(role, null);
                note.append(NON_EXCLUSIVE_NOTE);
            } else {
                chosen.put(role, plan.closing() ? null : choose(role, plan, note));
            }
            notes.put(role, note.toString());
        }
        publish(plan, chosen);
        Set<Candidate> kept = new HashSet<>(chosen.values());
        kept.addAll(usedByName);
        Candidate successor = chosen.get(plan.roles().get(0));
        List<Candidate> everyone = new ArrayList<>(plan.candidates());
        everyone.addAll(plan.departing());
        for (Candidate candidate : everyone) {
            Activation activation = candidate.activation;
            if (activation == null || kept.contains(candidate)) {
                continue;
            }
            leaving.leave(candidate, activation, successor, plan);
            refreshOwners(everyone);
        }
        selection.settled(notes, plan.departing());
    }

    /**
     * The candidates of a non-exclusive interface that are usable now, each initialized: every one the configuration
     * allows ({@code require.<interface>}) that is available and initializes.
     */
    private Set<Candidate> activateAll(InterfaceSelection.Plan plan, RoleHandle<?> plainRole) {
        Set<Candidate> usable = new HashSet<>();
        for (Candidate candidate : plan.candidates()) {
            if (refusal(candidate, plainRole.requiredCapabilities()) == null && usable(candidate)) {
                usable.add(candidate);
            }
        }
        return usable;
    }

    /** {@link Leaving#retire}, on the worker. */
    HalResult<LiveObjects> retire(String driverName, boolean force) {
        InterfaceSelection.Plan plan = selection.plan();
        List<Candidate> everyone = new ArrayList<>(plan.candidates());
        everyone.addAll(plan.departing());
        for (Candidate candidate : everyone) {
            Activation activation = candidate.activation;
            if (activation != null && activation.isRetiring() && candidate.name().equals(driverName)) {
                HalResult<LiveObjects> result = leaving.retire(candidate, activation, force);
                refreshOwners(everyone);
                return result;
            }
        }
        return HalResult.err(HalError.notFound(selection.interfaceName + ": no driver named '" + driverName
                + "' is retiring"));
    }

    /** The candidate {@code role} selects, with why in {@code note} when that is not plain ranking. */
    private Candidate choose(RoleHandle<?> role, InterfaceSelection.Plan plan, StringBuilder note) {
        Set<HalCapability> required = role.requiredCapabilities();
        if (plan.pin() != null) {
            Candidate pinned = plan.candidates().stream().filter(c -> c.name().equals(plan.pin())).findFirst()
                    .orElse(null);
            String fallback = pinned == null ? "is not registered" : refusal(pinned, required);
            if (fallback == null && usable(pinned)) {
                return pinned;
            }
            note.append("pinned driver '").append(plan.pin()).append("' ")
                    .append(fallback != null ? fallback : pinned.failure != null
                            ? "failed (" + pinned.failure + ")" : "is unavailable")
                    .append("; selected by ranking");
        }
        List<String> passedOver = new ArrayList<>();
        for (Candidate candidate : plan.candidates()) {
            String refused = refusal(candidate, required);
            if (refused != null) {
                passedOver.add("'" + candidate.name() + "' " + refused);
            } else if (usable(candidate)) {
                appendPassedOver(note, passedOver);
                return candidate;
            }
        }
        appendPassedOver(note, passedOver);
        if (!plan.candidates().isEmpty()) {
            note.append(note.length() == 0 ? "" : "; ").append("no candidate")
                    .append(required.isEmpty() ? "" : " with " + sorted(required))
                    .append(" is available and initializes");
        }
        return null;
    }

    private static void appendPassedOver(StringBuilder note, List<String> passedOver) {
        if (!passedOver.isEmpty()) {
            note.append(note.length() == 0 ? "" : "; ").append("passed over ").append(String.join(", ", passedOver));
        }
    }

    /** Why {@code candidate} cannot serve a role requiring {@code required}, or null when it can be tried. */
    private static String refusal(Candidate candidate, Set<HalCapability> required) {
        if (candidate.failure != null) {
            return null; // failed candidates are skipped by usable(), and described as FAILED
        }
        HalResult<Set<HalCapability>> capabilities = DriverCalls.direct(candidate.name(), "capabilities()",
                candidate.driver::capabilities);
        if (capabilities.isErr()) {
            fail(candidate, capabilities.errorOrNull());
            return null;
        }
        EnumSet<HalCapability> missing = EnumSet.noneOf(HalCapability.class);
        missing.addAll(required);
        missing.removeAll(capabilities.valueOrNull());
        return missing.isEmpty() ? null : "lacks " + sorted(missing);
    }

    /**
     * Whether {@code candidate} can take calls now: it is (and, if its registration was modified, still available),
     * or it describes itself, is available and initializes.
     */
    private boolean usable(Candidate candidate) {
        if (candidate.activation != null) {
            return !rechecked.contains(candidate) || candidate.available();
        }
        if (candidate.failure != null || candidate.initializing) {
            return false;
        }
        HalResult<?> described = DriverCalls.direct(candidate.name(), "platformInfo()", candidate.driver::platformInfo)
                .flatMap(ok -> DriverCalls.direct(candidate.name(), "performanceTier()",
                        candidate.driver::performanceTier));
        if (described.isErr()) {
            fail(candidate, described.errorOrNull());
            return false;
        }
        return candidate.available() && leaving.activate(candidate);
    }

    static void fail(Candidate candidate, HalError error) {
        candidate.failure = error;
        LOG.warn("{}: driver '{}' cannot be used, trying the next candidate: {}", candidate.interfaceName,
                candidate.name(), error);
    }

    /** Makes the choices visible: handles, owners, the {@code hal.selected} service, the log and the listeners. */
    private void publish(InterfaceSelection.Plan plan, Map<RoleHandle<?>, Candidate> chosen) {
        List<Candidate> everyone = new ArrayList<>(plan.candidates());
        everyone.addAll(plan.departing());
        refreshOwners(everyone);
        RoleHandle<?> plainRole = plan.roles().get(0);
        Activation before = plainRole.selected();
        chosen.forEach((role, candidate) -> {
            Activation next = candidate == null ? null : candidate.activation;
            if (next != null) {
                next.retiring(false);
            }
            Activation previous = role.selected();
            if (previous != next) {
                role.publish(next);
                if (role != plainRole) {
                    LOG.info("{} with {}: selected {}", selection.interfaceName, sorted(role.requiredCapabilities()),
                            next == null ? "no driver" : "'" + next.candidate.name() + "'");
                }
            }
        });
        Candidate now = chosen.get(plainRole);
        Candidate was = before == null ? null : before.candidate;
        if (now == was) {
            if (republication != null && now != null) {
                republication.setProperties(Descriptions.republishedProperties(selection.interfaceName, now));
            }
            return;
        }
        ServiceRegistration<?> left = republication; // the new one is registered before the old goes
        republication = now == null ? null : context.republish(selection.interfaceName, now);
        unregister(left);
        String nowName = now == null ? null : now.name();
        String wasName = was == null ? null : was.name();
        LOG.info("{}: selected {} (was {})", selection.interfaceName, nowName == null ? "no driver" : "'" + nowName
                + "'", wasName == null ? "none" : "'" + wasName + "'");
        context.announce(new SelectionEvent(selection.interfaceName, wasName, nowName));
    }

    private void refreshOwners(List<Candidate> everyone) {
        selection.owners.replace(everyone.stream().map(candidate -> candidate.activation)
                .filter(activation -> activation != null && activation.issuer != null).toArray(Activation[]::new));
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

    static List<String> sorted(Set<HalCapability> capabilities) {
        return capabilities.stream().map(Enum::name).sorted().toList();
    }
}
