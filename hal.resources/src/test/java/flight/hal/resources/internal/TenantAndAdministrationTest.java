package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import flight.hal.ErrorCategory;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.PoolManager;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;

/** A tenant's manager sees and changes only its own bundle; the administration goes only to allowed bundles. */
class TenantAndAdministrationTest {
    private static final ResourceType MEMORY = ResourceType.MEMORY;
    private static final long OWN_BUNDLE_ID = 7;

    private final ResourceAccounting accounting = new ResourceAccounting();
    private final ResourceManager alpha;
    private final ResourceManager beta;

    TenantAndAdministrationTest() {
        accounting.configure(Map.of());
        alpha = TestBundles.manager(accounting, 3, "alpha");
        beta = TestBundles.manager(accounting, 4, "beta");
    }

    @AfterEach
    void stop() {
        ((BundleResourceManager) alpha).deactivate();
        ((BundleResourceManager) beta).deactivate();
        accounting.deactivate();
    }

    @Test
    void aTenantsManagerHasNoWayToAdministerByTypeNorByCast() {
        Set<String> tenantMethods = names(ResourceManager.class.getMethods());
        Set<String> poolMethods = names(PoolManager.class.getMethods());
        for (Method method : ResourceAdministration.class.getDeclaredMethods()) {
            assertFalse(tenantMethods.contains(method.getName()), "ResourceManager has " + method.getName());
            assertFalse(poolMethods.contains(method.getName()), "PoolManager has " + method.getName());
        }
        assertFalse(alpha instanceof ResourceAdministration);
        assertFalse(alpha.pools() instanceof ResourceAdministration);
    }

    @Test
    void aTenantSeesOnlyItsOwnResourcesPoolsAndUsage() {
        ScopedResource betas = beta.acquireScoped("BetaBuffer", ResourceMetadata.of(MEMORY, 1000)).orElseThrow();
        beta.pools().createPool(new PoolConfig(MEMORY, 64, 2, 2, 1, true, "BetaPool")).orElseThrow();
        alpha.pools().createPool(new PoolConfig(MEMORY, 64, 1, 1, 1, true, "AlphaPool")).orElseThrow();

        assertEquals(List.of(), alpha.resources());
        assertEquals(List.of("AlphaPool"), alpha.pools().poolStats().stream().map(pool -> pool.name()).toList());
        assertEquals(ErrorCategory.NOT_FOUND, alpha.pools().poolStats("BetaPool").errorOrNull().category());
        assertEquals(64, alpha.ownStats(MEMORY).currentUsage());
        assertEquals(ErrorCategory.NOT_FOUND, alpha.release(betas.handle()).errorOrNull().category());
        assertTrue(betas.isOpen(), "another bundle's resource cannot be released");
        assertEquals(1000 + 2 * 64, beta.ownStats(MEMORY).currentUsage());
    }

    @Test
    void theGateHandsTheAdministrationOnlyToItsOwnBundleAndTheConfiguredOnes() {
        Framework framework = new Framework();
        AdministrationGate gate = framework.gate(Map.of());

        assertNull(gate.getService(framework.bundle(3, "alpha"), null), "a tenant is refused");
        ResourceAdministration own = gate.getService(framework.bundle(OWN_BUNDLE_ID, "flight.hal.resources"), null);
        assertNotNull(own, "the manager's own bundle (its shell commands) is allowed");
        assertNull(gate.getService(framework.bundle(9, "ops"), null), "secure by default: nobody else");

        gate.modified(Map.of(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, "ops, tools"));
        assertEquals(2, framework.registrations.get(), "a new list re-registers the service");
        assertEquals(1, framework.unregistrations.get());
        ResourceAdministration ops = gate.getService(framework.bundle(9, "ops"), null);
        assertNotNull(ops);
        ops.setBundleBudget("beta", MEMORY, ResourceBudget.of(100, 0)).orElseThrow();
        assertEquals(ErrorCategory.BUDGET_EXCEEDED,
                beta.acquireScoped("big", ResourceMetadata.of(MEMORY, 101)).errorOrNull().category());
        assertNull(gate.getService(framework.bundle(3, "alpha"), null));

        gate.modified(Map.of(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, new String[] {"tools", "ops"}));
        assertEquals(2, framework.registrations.get(), "the same list in another form changes nothing");
        gate.deactivate();
        assertEquals(2, framework.unregistrations.get());
    }

    @Test
    void anAdministrationLetGoOfIsRevoked() {
        Framework framework = new Framework();
        AdministrationGate gate = framework.gate(Map.of(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, List.of("ops")));
        Bundle ops = framework.bundle(9, "ops");
        ResourceAdministration administration = gate.getService(ops, null);
        gate.ungetService(ops, null, administration);

        assertEquals(ResourceErrors.ADMIN_REVOKED,
                administration.setBudget(MEMORY, ResourceBudget.of(10, 0)).errorOrNull().code());
        assertEquals(ResourceErrors.ADMIN_REVOKED,
                administration.setBundleBudget("beta", MEMORY, ResourceBudget.of(10, 0)).errorOrNull().code());
        assertThrows(IllegalStateException.class, () -> administration.statsByOwner(MEMORY));
        assertThrows(IllegalStateException.class, administration::leaks);
        assertEquals(ResourceBudget.unlimited(), TestBundles.administration(accounting).budget(MEMORY));
    }

    @Test
    void theFrameworkPropertyGrantsBesidesTheConfiguration() {
        Framework framework = new Framework();
        AdministrationGate gate = framework.gate(Map.of(ResourceAdministration.ADMIN_BUNDLES_PROPERTY, "ops"),
                "flight.hal.console, tools");

        assertNotNull(gate.getService(framework.bundle(9, "ops"), null));
        assertNotNull(gate.getService(framework.bundle(10, "flight.hal.console"), null));
        assertNotNull(gate.getService(framework.bundle(11, "tools"), null));
        assertNull(gate.getService(framework.bundle(12, "alpha"), null));

        gate.modified(Map.of());
        assertNull(gate.getService(framework.bundle(9, "ops"), null), "no longer configured");
        assertNotNull(gate.getService(framework.bundle(10, "flight.hal.console"), null), "still the runtime's grant");
    }

    @Test
    void adminBundlesAreReadFromTextArraysAndCollections() {
        assertEquals(Set.of(), AdministrationGate.adminBundles(null));
        assertEquals(Set.of("a", "b"), AdministrationGate.adminBundles(" a ,b,, "));
        assertEquals(Set.of("a", "b"), AdministrationGate.adminBundles(new String[] {"a", "b"}));
        assertEquals(Set.of("a"), AdministrationGate.adminBundles(List.of("a")));
    }

    private static Set<String> names(Method[] methods) {
        return Set.copyOf(Arrays.stream(methods).map(Method::getName).toList());
    }

    /** Just enough of a framework for the gate: bundles, and a context that counts (un)registrations. */
    private final class Framework {
        final AtomicInteger registrations = new AtomicInteger();
        final AtomicInteger unregistrations = new AtomicInteger();

        AdministrationGate gate(Map<String, Object> configuration) {
            return gate(configuration, null);
        }

        /** A gate whose framework property {@code flight.hal.resources.admin.bundles} is {@code frameworkAdmins}. */
        AdministrationGate gate(Map<String, Object> configuration, String frameworkAdmins) {
            AdministrationGate gate = new AdministrationGate();
            gate.accounting = accounting;
            Bundle own = bundle(OWN_BUNDLE_ID, "flight.hal.resources");
            ServiceRegistration<?> registration = stub(ServiceRegistration.class, (name, args) -> {
                unregistrations.incrementAndGet();
                return null;
            });
            BundleContext context = stub(BundleContext.class, (name, args) -> switch (name) {
                case "getBundle" -> own;
                case "getProperty" -> AdministrationGate.ADMIN_BUNDLES_FRAMEWORK_PROPERTY.equals(args[0])
                        ? frameworkAdmins : null;
                case "registerService" -> {
                    registrations.incrementAndGet();
                    yield registration;
                }
                default -> null;
            });
            gate.activate(context, configuration);
            return gate;
        }

        Bundle bundle(long id, String symbolicName) {
            return stub(Bundle.class, (name, args) -> switch (name) {
                case "getBundleId" -> id;
                case "getSymbolicName" -> symbolicName;
                default -> null;
            });
        }
    }

    private interface Answers {
        Object answer(String method, Object[] args);
    }

    private static <T> T stub(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(TenantAndAdministrationTest.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> answers.answer(method.getName(), args);
                }));
    }
}
