package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.ErrorCategory;
import flight.hal.resources.OwnerStats;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/**
 * Tenant and administrator apart: a bundle the configuration does not name gets no administration, and its manager
 * neither sees nor changes another bundle's resources or budgets; one it names does.
 */
@RunWith(PaxExam.class)
public class ResourceTenancyIT extends ResourceItSupport {
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    @Configuration
    public Option[] configuration() {
        return options(resourceFramework());
    }

    @Test
    public void aBundleNotAllowedCannotChangeAnothersBudgetNorSeeItsResources() throws Exception {
        Bundle victim = startBundle("it.victim");
        Bundle intruder = startBundle("it.intruder");
        ResourceManager victimManager = managerOf(victim);
        ResourceManager intruderManager = managerOf(intruder);
        ScopedResource victims = victimManager.acquireScoped("VictimBuffer", ResourceMetadata.of(MEMORY, 1000))
                .orElseThrow();
        victimManager.pools().createPool(new PoolConfig(MEMORY, 64, 2, 2, 1, true, "VictimPool")).orElseThrow();

        assertNull("the intruder is refused the administration", administrationOf(intruder));
        assertFalse("nor is its manager one", intruderManager instanceof ResourceAdministration);
        assertEquals(List.of(), intruderManager.resources());
        assertEquals(List.of(), intruderManager.pools().poolStats());
        assertEquals(ErrorCategory.NOT_FOUND, intruderManager.pools().poolStats("VictimPool").errorOrNull().category());
        assertEquals(ErrorCategory.NOT_FOUND, intruderManager.release(victims.handle()).errorOrNull().category());
        assertEquals(0, intruderManager.ownStats(MEMORY).currentUsage());

        assertTrue(victims.isOpen());
        assertEquals(1000 + 2 * 64, victimManager.ownStats(MEMORY).currentUsage());
        assertEquals("the victim's budget is still the type's", administration.budget(MEMORY),
                ownerStats(victim).stats().budget());
        assertTrue(victimManager.acquireScoped("more", ResourceMetadata.of(MEMORY, 4096)).isOk());
    }

    @Test
    public void aBundleTheConfigurationNamesAdministersUntilItIsNoLongerNamed() throws Exception {
        Bundle victim = startBundle("it.victim");
        Bundle operator = startBundle("it.operator");
        grantAdministration("it.operator");
        ResourceAdministration operatorsAdministration = administrationOf(operator);
        assertNotNull("the operator is granted the administration", operatorsAdministration);
        assertNull(administrationOf(startBundle("it.intruder")));

        assertTrue(operatorsAdministration.setBundleBudget("it.victim", MEMORY, ResourceBudget.of(100, 0)).isOk());
        assertEquals(ErrorCategory.BUDGET_EXCEEDED, managerOf(victim)
                .acquireScoped("over", ResourceMetadata.of(MEMORY, 101)).errorOrNull().category());
        assertEquals(ResourceBudget.of(100, 0), ownerStats(victim).stats().budget());

        grantAdministration();
        assertEquals("its grant is revoked", ResourceErrors.ADMIN_REVOKED, operatorsAdministration
                .setBundleBudget("it.victim", MEMORY, ResourceBudget.unlimited()).errorOrNull().code());
        assertNull(administrationOf(operator));
    }

    private OwnerStats ownerStats(Bundle bundle) {
        return administration.statsByOwner(MEMORY).stream().filter(owner -> owner.bundleId() == bundle.getBundleId())
                .findFirst().orElseThrow();
    }
}
