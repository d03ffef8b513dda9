package flight.hal.resources.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceType;

/**
 * The manager's configuration (PID {@code flight.hal.resources}), read once per activation or modification:
 * <ul>
 * <li>{@code <type>.max}, {@code <type>.reserved}, {@code <type>.warning}, {@code <type>.critical}: a type's budget
 * (type in lower case, e.g. {@code memory.max}); present when {@code .max} is, reserve 0 and 75 / 90 % by default;</li>
 * <li>{@code bundle.<symbolic name>.<type>.max} and so on: a bundle's own budget;</li>
 * <li>{@code pressure.hysteresis}: the margin in percentage points below a level's entry point (default 5);</li>
 * <li>{@code leak.tracking}: {@code disabled}, {@code sampled} (default) or {@code paranoid};
 * {@code leak.sampling.interval}: one acquisition in how many is sampled (default 128).</li>
 * </ul>
 * The same PID's {@code admin.bundles} (who may administer the manager) is read by {@link AdministrationGate}.
 * Malformed values are logged and ignored.
 */
record ResourcesConfig(Map<ResourceType, ResourceBudget> budgets,
                       Map<String, Map<ResourceType, ResourceBudget>> bundleBudgets, int hysteresisPercent,
                       LeakTracking leakTracking) {

    static final String HYSTERESIS = "pressure.hysteresis";
    static final String LEAK_TRACKING = "leak.tracking";
    static final String SAMPLING_INTERVAL = "leak.sampling.interval";
    static final String BUNDLE_PREFIX = "bundle.";
    static final int DEFAULT_HYSTERESIS = 5;
    private static final Set<String> FIELDS = Set.of("max", "reserved", "warning", "critical");
    private static final Logger LOG = LoggerFactory.getLogger(ResourcesConfig.class);

    static ResourcesConfig from(Map<String, ?> properties) {
        /* scope ("" for all bundles, else a symbolic name) -> type -> field -> value */
        Map<String, Map<ResourceType, Map<String, Long>>> fields = new HashMap<>();
        properties.forEach((key, value) -> budgetField(key).ifPresent(field -> number(key, value).ifPresent(
                number -> fields.computeIfAbsent(field.scope(), scope -> new EnumMap<>(ResourceType.class))
                        .computeIfAbsent(field.type(), type -> new HashMap<>()).put(field.name(), number))));
        Map<ResourceType, ResourceBudget> budgets = budgets(fields.getOrDefault("", Map.of()), "");
        Map<String, Map<ResourceType, ResourceBudget>> bundleBudgets = new HashMap<>();
        fields.forEach((scope, byType) -> {
            if (!scope.isEmpty()) {
                bundleBudgets.put(scope, budgets(byType, scope));
            }
        });
        long hysteresis = number(HYSTERESIS, properties.get(HYSTERESIS)).orElse(DEFAULT_HYSTERESIS);
        if (hysteresis < 0 || hysteresis > 50) {
            LOG.warn("ignoring {}={}: the margin must be between 0 and 50 percentage points", HYSTERESIS, hysteresis);
            hysteresis = DEFAULT_HYSTERESIS;
        }
        return new ResourcesConfig(Map.copyOf(budgets), Map.copyOf(bundleBudgets), (int) hysteresis,
                leakTracking(properties));
    }

    private record Field(String scope, ResourceType type, String name) {
    }

    /** {@code [bundle.<bsn>.]<type>.<field>}, or empty for any other key. */
    private static Optional<Field> budgetField(String key) {
        int fieldDot = key.lastIndexOf('.');
        if (fieldDot < 0 || !FIELDS.contains(key.substring(fieldDot + 1))) {
            return Optional.empty();
        }
        String head = key.substring(0, fieldDot);
        int typeDot = head.lastIndexOf('.');
        String scope = typeDot < 0 ? "" : head.substring(0, typeDot);
        if (!scope.isEmpty() && (!scope.startsWith(BUNDLE_PREFIX) || scope.length() == BUNDLE_PREFIX.length())) {
            return Optional.empty();
        }
        String bundle = scope.isEmpty() ? "" : scope.substring(BUNDLE_PREFIX.length());
        return ResourceType.parse(head.substring(typeDot + 1))
                .map(type -> new Field(bundle, type, key.substring(fieldDot + 1)));
    }

    private static Map<ResourceType, ResourceBudget> budgets(Map<ResourceType, Map<String, Long>> byType,
                                                             String scope) {
        Map<ResourceType, ResourceBudget> budgets = new EnumMap<>(ResourceType.class);
        byType.forEach((type, values) -> {
            if (!values.containsKey("max")) {
                LOG.warn("ignoring the {} budget settings {} of {}: no max", type, values, scopeName(scope));
                return;
            }
            ResourceBudget budget = new ResourceBudget(values.get("max"), values.getOrDefault("reserved", 0L),
                    values.getOrDefault("warning", (long) ResourceBudget.DEFAULT_WARNING_PERCENT).intValue(),
                    values.getOrDefault("critical", (long) ResourceBudget.DEFAULT_CRITICAL_PERCENT).intValue());
            budget.check().ifOk(ok -> budgets.put(type, budget)).ifErr(error -> LOG.warn(
                    "ignoring the configured {} budget of {}: {}", type, scopeName(scope), error.message()));
        });
        return budgets;
    }

    private static String scopeName(String scope) {
        return scope.isEmpty() ? "all bundles" : "bundle " + scope;
    }

    private static LeakTracking leakTracking(Map<String, ?> properties) {
        LeakTracking.Mode mode = LeakTracking.DEFAULT.mode();
        Object configured = properties.get(LEAK_TRACKING);
        if (configured != null) {
            try {
                mode = LeakTracking.Mode.parse(configured.toString());
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring {}={}: use disabled, sampled or paranoid", LEAK_TRACKING, configured);
            }
        }
        long interval = number(SAMPLING_INTERVAL, properties.get(SAMPLING_INTERVAL))
                .orElse(LeakTracking.DEFAULT.samplingInterval());
        if (interval < 1 || interval > Integer.MAX_VALUE) {
            LOG.warn("ignoring {}={}: must be a positive int", SAMPLING_INTERVAL, interval);
            interval = LeakTracking.DEFAULT.samplingInterval();
        }
        return new LeakTracking(mode, (int) interval);
    }

    /** A number given as a number or as text (configuration files may hold either); empty when absent or malformed. */
    private static OptionalLong number(String key, Object value) {
        if (value instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        if (value != null) {
            try {
                return OptionalLong.of(Long.parseLong(value.toString().trim()));
            } catch (NumberFormatException e) {
                LOG.warn("ignoring {}={}: not a whole number", key, value);
            }
        }
        return OptionalLong.empty();
    }
}
