package flight.hal.resources;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalResult;

/**
 * The administration of the resource manager: the budgets of every type and every bundle, and the usage, pools and
 * leaks of all bundles. A {@link ResourceManager} is a tenant's view and can do none of this, so that no bundle can
 * starve the others by moving budgets or learn what they hold.
 *
 * <p>The service is handed only to the bundles the configuration (PID {@value ResourceManager#PID}) names in
 * {@value #ADMIN_BUNDLES_PROPERTY}, and to the resource manager's own bundle (its shell commands). Any other bundle
 * that gets it gets {@code null}, as from a service that refuses to be made. Changing the list re-registers the
 * service: every holder must get it again, and an object obtained before is revoked (its setters answer
 * {@code INVALID_STATE} / {@code admin.revoked}, its queries throw {@link IllegalStateException}).
 *
 * @since 2.0
 */
@ProviderType
public interface ResourceAdministration {

    /**
     * Configuration property of PID {@value ResourceManager#PID}: the symbolic names of the bundles that may get this
     * service (String, String[] or a collection; a String may list several separated by commas). Absent means none
     * besides the manager's own bundle. The service carries the configured names in a service property of the same
     * name (String[]), so that operators, and tests, see who the administrators are.
     */
    String ADMIN_BUNDLES_PROPERTY = "admin.bundles";

    /**
     * Sets the budget of {@code type} for all bundles, overriding the platform default; acquisitions waiting for
     * room are retried.
     *
     * @return an {@code INVALID_PARAMETER} error for a null type or budget or a budget that fails
     *         {@link ResourceBudget#check()}
     */
    HalResult<Void> setBudget(ResourceType type, ResourceBudget budget);

    /**
     * The budget of {@code type} in force for all bundles.
     *
     * @throws NullPointerException when {@code type} is null
     */
    ResourceBudget budget(ResourceType type);

    /**
     * Gives the bundle(s) named {@code bundleSymbolicName} a budget of their own for {@code type}, on top of the
     * type's: an acquisition must fit both, so one bundle cannot starve the others.
     * {@link ResourceBudget#unlimited()} (any budget of {@code Long.MAX_VALUE} bytes) removes it.
     *
     * @return an {@code INVALID_PARAMETER} error for a blank or null name, a null type or budget, or a budget that
     *         fails {@link ResourceBudget#check()}
     */
    HalResult<Void> setBundleBudget(String bundleSymbolicName, ResourceType type, ResourceBudget budget);

    /**
     * Accounting of {@code type} over all bundles.
     *
     * @throws NullPointerException when {@code type} is null
     */
    ResourceStats stats(ResourceType type);

    /**
     * Accounting of {@code type} for every bundle that uses the manager, by bundle id.
     *
     * @throws NullPointerException when {@code type} is null
     */
    List<OwnerStats> statsByOwner(ResourceType type);

    /** The stats of every pool of every bundle, by owner's bundle id and then name. */
    List<PoolStats> allPools();

    /** The most recent leaks of all bundles, oldest first (a bounded number). */
    List<ResourceLeak> leaks();
}
