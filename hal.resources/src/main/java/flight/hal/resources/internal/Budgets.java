package flight.hal.resources.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import flight.hal.HalResult;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceType;

/**
 * Where budgets come from, in order of precedence: configuration (PID {@code flight.hal.resources}), then
 * {@code setBudget} calls, then the platform defaults of the selected memory driver; a type none of them sets is
 * unlimited. Bundles' own budgets come from configuration, then {@code setBundleBudget} calls. Every change is applied
 * to the accounts at once and retries the waiting acquisitions.
 */
final class Budgets {
    private final Ledger ledger;
    private final Map<ResourceType, ResourceBudget> platform = new EnumMap<>(ResourceType.class);
    /** Where each platform default comes from, for the shell. */
    private final Map<ResourceType, String> platformSources = new EnumMap<>(ResourceType.class);
    private final Map<ResourceType, ResourceBudget> programmatic = new EnumMap<>(ResourceType.class);
    private final Map<String, Map<ResourceType, ResourceBudget>> programmaticBundles = new HashMap<>();
    private ResourcesConfig configuration = ResourcesConfig.from(Map.of());

    Budgets(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The selected memory driver's defaults, and where each comes from. */
    synchronized void platformDefaults(Map<ResourceType, ResourceBudget> defaults, Map<ResourceType, String> sources) {
        platform.clear();
        platform.putAll(defaults);
        platformSources.clear();
        platformSources.putAll(sources);
        apply();
    }

    synchronized void configure(ResourcesConfig config) {
        configuration = config;
        apply();
    }

    synchronized HalResult<Void> set(ResourceType type, ResourceBudget budget) {
        return budget.check().ifOk(ok -> {
            programmatic.put(type, budget);
            apply();
        });
    }

    /** Sets a bundle's own budget; the unlimited budget removes it. */
    synchronized HalResult<Void> setForBundle(String symbolicName, ResourceType type, ResourceBudget budget) {
        return budget.check().ifOk(ok -> {
            if (budget.isUnlimited()) {
                Map<ResourceType, ResourceBudget> own = programmaticBundles.get(symbolicName);
                if (own != null) {
                    own.remove(type);
                }
            } else {
                programmaticBundles.computeIfAbsent(symbolicName, name -> new EnumMap<>(ResourceType.class))
                        .put(type, budget);
            }
            apply();
        });
    }

    synchronized ResourceBudget effective(ResourceType type) {
        ResourceBudget configured = configuration.budgets().get(type);
        if (configured != null) {
            return configured;
        }
        return programmatic.getOrDefault(type, platform.getOrDefault(type, ResourceBudget.unlimited()));
    }

    /** Where the effective budget of {@code type} comes from, in the order {@link #effective} applies. */
    synchronized String source(ResourceType type) {
        if (configuration.budgets().containsKey(type)) {
            return "configuration (PID " + ResourceManager.PID + ")";
        }
        if (programmatic.containsKey(type)) {
            return "ResourceAdministration.setBudget";
        }
        return platform.containsKey(type) ? platformSources.getOrDefault(type, "platform default")
                : "none set: unlimited";
    }

    /** Gives a new account its bundle's budgets and adds it to the ledger, atomically with respect to changes. */
    synchronized void open(BundleAccount account) {
        account.budgets(forBundle(account.symbolicName));
        ledger.add(account);
    }

    private Map<ResourceType, ResourceBudget> forBundle(String symbolicName) {
        Map<ResourceType, ResourceBudget> own = new EnumMap<>(ResourceType.class);
        own.putAll(programmaticBundles.getOrDefault(symbolicName, Map.of()));
        own.putAll(configuration.bundleBudgets().getOrDefault(symbolicName, Map.of()));
        return own;
    }

    private void apply() {
        for (TypeAccount account : ledger.types()) {
            account.rescale(effective(account.type), configuration.hysteresisPercent());
        }
        for (BundleAccount account : ledger.bundles()) {
            account.budgets(forBundle(account.symbolicName));
        }
        ledger.retryWaiters();
    }
}
