package flight.hal.defaults.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies each default configuration once per store: a default already in the record is left alone whatever became
 * of its configuration (changed or deleted, it stays so); one not in the record is created, unless a configuration
 * of that PID exists already (made by hand before this ran: kept as it is), and recorded. A default that could not be
 * created is not recorded, so the next start tries it again.
 */
final class FirstStartDefaults {

    /** What one pass did: the ids created, those found existing and only recorded, and the failures. */
    record Outcome(List<String> created, List<String> adopted, List<String> failures) {
        Outcome {
            created = List.copyOf(created);
            adopted = List.copyOf(adopted);
            failures = List.copyOf(failures);
        }
    }

    private final ConfigurationStore store;

    FirstStartDefaults(ConfigurationStore store) {
        this.store = store;
    }

    /** Applies the defaults not applied before; never throws for a store that fails, it reports it. */
    Outcome apply(List<DefaultConfiguration> defaults) {
        List<String> created = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> applied;
        try {
            applied = new TreeSet<>(store.applied());
        } catch (IOException | RuntimeException e) {
            failures.add("the record of applied defaults could not be read, none applied: " + e);
            return new Outcome(created, adopted, failures);
        }
        for (DefaultConfiguration configuration : defaults) {
            if (applied.contains(configuration.id())) {
                continue;
            }
            try {
                if (store.exists(configuration)) {
                    adopted.add(configuration.id());
                } else {
                    store.create(configuration);
                    created.add(configuration.id());
                }
                applied.add(configuration.id());
            } catch (IOException | RuntimeException e) {
                failures.add(configuration.id() + " could not be created: " + e);
            }
        }
        if (!created.isEmpty() || !adopted.isEmpty()) {
            try {
                store.recordApplied(applied);
            } catch (IOException | RuntimeException e) {
                failures.add("the record of applied defaults could not be written (the next start offers "
                        + String.join(", ", created) + " again, and finds them existing): " + e);
            }
        }
        return new Outcome(created, adopted, failures);
    }
}
