package flight.hal.resources.internal;

import static flight.hal.testkit.Refusals.assertRefused;
import static flight.hal.testkit.Refusals.assertRefusedWithoutChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.framework.ServiceRegistration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.AccessPattern;
import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceFlags;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePriority;
import flight.hal.resources.ResourceType;
import flight.hal.resources.ScopedResource;
import flight.hal.resources.SharedResource;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Steps;

/**
 * A bundle's {@link ResourceManager} driven by generated calls, good and bad, against a model of what it holds: every
 * good call does what the model says, every bad one is an error result that changes no stats, budget or holding, and
 * after every call the usage of each type is the sum of the live acquisitions (no sum ever wraps around).
 */
class ResourceManagerPropertyTest {
    private static final String SERVICE = "ResourceManager";
    /** Budgeted, with a reserve for critical acquisitions and a budget of the bundle's own. */
    private static final ResourceType BUDGETED = ResourceType.MEMORY;
    /** Unlimited: only sums past {@code Long.MAX_VALUE} do not fit. */
    private static final ResourceType UNLIMITED = ResourceType.HARDWARE;
    private static final List<ResourceType> TYPES = List.of(BUDGETED, UNLIMITED);

    @HalProperty
    void everyCallDoesWhatTheModelSaysAndRefusalsChangeNothing(@ForAll("calls") ActionChain<World> chain) {
        chain.withInvariant("usage is the sum of live acquisitions", World::matchesModel).run();
        chain.finalState().ifPresent(World::close);
    }

    /**
     * A shared resource's value, asked for as any type (null too) by the owner or a receiver, live or revoked: an
     * error result unless the view is live and the value is of that type; never an exception.
     */
    @HalProperty
    void sharedValuesAnswerEveryTypeWithAResult(@ForAll("valueTypes") Class<?> type, @ForAll boolean valued,
                                                @ForAll boolean revoked, @ForAll boolean receiver) {
        World world = new World();
        ResourceMetadata metadata = ResourceMetadata.of(BUDGETED, 8).withFlags(ResourceFlags.SHAREABLE);
        ScopedResource resource = valued ? world.manager.acquire("shared", metadata, () -> "value").orElseThrow()
                : world.manager.acquireScoped("shared", metadata).orElseThrow();
        Share share = new Share(((BundleResourceManager) world.manager).issued(resource.handle()), "driver", 4,
                new ShareRegistry());
        SharedView view = new SharedView(share, null);
        if (revoked) {
            if (receiver) {
                view.detach();
            } else {
                share.registered(unregisteredOnce());
                share.revoke();
            }
        }
        Steps.count("SharedResource");
        HalResult<?> result = view.value(type);
        boolean fits = !revoked && type != null && valued && type.isInstance("value");
        assertEquals(fits, result.isOk(), () -> "value(" + type + ") of " + view + ": " + result);
        if (!fits) {
            HalError error = assertRefused(result, "value(" + type + ")");
            assertEquals(revoked ? ErrorCategory.INVALID_STATE : ErrorCategory.INVALID_PARAMETER, error.category());
        }
        resource.close();
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static ServiceRegistration<SharedResource> unregisteredOnce() {
        return (ServiceRegistration<SharedResource>) Proxy.newProxyInstance(ResourceManagerPropertyTest.class
                .getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> null);
    }

    @Provide
    Arbitrary<Class<?>> valueTypes() {
        return Arbitraries.of(null, Object.class, String.class, CharSequence.class, Integer.class, AutoCloseable.class,
                ScopedResource.class, int.class);
    }


    @Provide
    Arbitrary<ActionChain<World>> calls() {
        return ActionChain.startWith(World::new)
                .withAction(4, acquireThatMayFit())
                .withAction(2, acquireHuge())
                .withAction(3, Steps.when(World::holdsAny, World::releaseOne))
                .withAction(2, Steps.when(World::releasedAny, World::releaseAgain))
                .withAction(2, Steps.when(World::holdsAny, World::releaseForged))
                .withAction(3, acquireBad())
                .withAction(1, releaseStray())
                .withAction(2, setBudgetBad())
                .withAction(2, setBundleBudgetBad())
                .withAction(1, setBudgetGood())
                .withAction(2, Steps.when(world -> true, World::shareBad))
                .withMaxTransformations(30);
    }

    /** The bundle under test, a second bundle whose handles are foreign to it, and what the model expects. */
    static final class World {
        final ResourceAccounting accounting = new ResourceAccounting();
        final ResourceManager manager;
        final ResourceManager other;
        final ResourceAdministration admin = TestBundles.administration(accounting);
        final Map<ResourceHandle, ScopedResource> held = new LinkedHashMap<>();
        final List<ResourceHandle> released = new ArrayList<>();
        final ResourceHandle foreign;
        /** The other bundle's resources, kept reachable: a dropped one would be released as a leak mid-run. */
        final List<ScopedResource> othersHeld = new ArrayList<>();
        ResourceBudget typeBudget = ResourceBudget.of(1 << 20, 1 << 16);
        final ResourceBudget ownBudget = ResourceBudget.of(1 << 19, 0);

        World() {
            accounting.configure(Map.of());
            manager = TestBundles.manager(accounting, 3, "alpha");
            other = TestBundles.manager(accounting, 4, "beta");
            admin.setBudget(BUDGETED, typeBudget).orElseThrow();
            admin.setBundleBudget("alpha", BUDGETED, ownBudget).orElseThrow();
            othersHeld.add(other.acquireScoped("foreign", ResourceMetadata.of(BUDGETED, 1000)).orElseThrow());
            othersHeld.add(other.acquireScoped("foreign", ResourceMetadata.of(UNLIMITED, 1000)).orElseThrow());
            foreign = othersHeld.get(0).handle();
        }

        boolean holdsAny() {
            return !held.isEmpty();
        }

        boolean releasedAny() {
            return !released.isEmpty();
        }

        long ownUsed(ResourceType type) {
            return held.keySet().stream().filter(handle -> handle.type() == type)
                    .mapToLong(ResourceHandle::sizeBytes).sum();
        }

        long typeUsed(ResourceType type) {
            return ownUsed(type) + 1000;
        }

        /** Whether a non-waiting acquisition fits both budgets, computed without sums that could overflow. */
        boolean fits(ResourceMetadata metadata) {
            ResourceType type = metadata.type();
            long size = metadata.sizeBytes();
            if (type == UNLIMITED) {
                return size <= Long.MAX_VALUE - typeUsed(type);
            }
            return size <= ownBudget.limitFor(metadata.priority()) - ownUsed(type)
                    && size <= typeBudget.limitFor(metadata.priority()) - typeUsed(type);
        }

        /** Everything a refused call must leave as it was. */
        List<Object> observed() {
            List<Object> state = new ArrayList<>();
            for (ResourceType type : TYPES) {
                state.add(admin.stats(type));
                state.add(manager.ownStats(type));
                state.add(admin.budget(type));
                state.add(admin.statsByOwner(type));
            }
            state.add(Set.copyOf(manager.resources()));
            return state;
        }

        void matchesModel() {
            for (ResourceType type : TYPES) {
                assertEquals(typeUsed(type), admin.stats(type).currentUsage(), type + " usage of all bundles");
                assertEquals(ownUsed(type), manager.ownStats(type).currentUsage(), type + " usage of the bundle");
                long live = held.keySet().stream().filter(handle -> handle.type() == type).count();
                assertEquals(live, manager.ownStats(type).activeCount(), type + " live acquisitions of the bundle");
            }
            assertEquals(held.keySet(), new HashSet<>(manager.resources()));
        }

        void refused(String description, Supplier<HalResult<?>> call) {
            Steps.count(SERVICE);
            assertRefusedWithoutChange(description, call, this::observed);
        }

        /** An acquisition the model judges: it must succeed exactly when it fits, or when it may go over. */
        void acquire(String name, ResourceMetadata metadata, AcquisitionMode mode, boolean valued) {
            Steps.count(SERVICE);
            boolean emergency = mode.kind() == AcquisitionMode.Kind.EMERGENCY;
            boolean expected = emergency ? metadata.sizeBytes() <= Long.MAX_VALUE - typeUsed(metadata.type())
                    : fits(metadata);
            if (!expected) {
                HalError error = assertRefusedWithoutChange(name + " " + metadata + " " + mode,
                        () -> valued ? manager.acquire(name, metadata, () -> "value", mode)
                                : manager.acquireScoped(name, metadata, mode), this::observed);
                assertEquals(ErrorCategory.BUDGET_EXCEEDED, error.category(), error::toString);
                return;
            }
            HalResult<? extends ScopedResource> result = valued ? manager.acquire(name, metadata, () -> "value", mode)
                    : manager.acquireScoped(name, metadata, mode);
            assertTrue(result.isOk(), () -> name + " " + metadata + " " + mode + " should fit: " + result);
            held.put(result.valueOrNull().handle(), result.valueOrNull());
        }

        Arbitrary<Transformer<World>> releaseOne() {
            return Combinators.combine(Arbitraries.of(List.copyOf(held.keySet())), Arbitraries.of(true, false))
                    .as((handle, byClose) -> Transformer.mutate("release " + handle + (byClose ? " by close" : ""),
                            world -> world.release(handle, byClose)));
        }

        void release(ResourceHandle handle, boolean byClose) {
            Steps.count(SERVICE);
            ScopedResource resource = held.remove(handle);
            if (byClose) {
                resource.close();
            } else {
                manager.release(handle).orElseThrow();
            }
            released.add(handle);
            assertEquals(false, resource.isOpen());
        }

        Arbitrary<Transformer<World>> releaseAgain() {
            return Arbitraries.of(List.copyOf(released)).map(handle -> Transformer.mutate("release again " + handle,
                    world -> world.refused("release again " + handle, () -> world.manager.release(handle))));
        }

        Arbitrary<Transformer<World>> releaseForged() {
            return Combinators.combine(Arbitraries.of(List.copyOf(held.keySet())), Arbitraries.integers().between(0, 3))
                    .as((handle, change) -> {
                        ResourceHandle forged = switch (change) {
                            case 0 -> new ResourceHandle(handle.id(), handle.name() + "'", handle.metadata(),
                                    handle.ownerBundleId(), handle.ownerSymbolicName());
                            case 1 -> new ResourceHandle(handle.id(), handle.name(),
                                    ResourceMetadata.of(handle.type(), handle.sizeBytes() + 1),
                                    handle.ownerBundleId(), handle.ownerSymbolicName());
                            case 2 -> new ResourceHandle(handle.id(), handle.name(), handle.metadata(), 4, "beta");
                            default -> new ResourceHandle(handle.id() + 1_000_000, handle.name(), handle.metadata(),
                                    handle.ownerBundleId(), handle.ownerSymbolicName());
                        };
                        return Transformer.mutate("release forged " + forged,
                                world -> world.refused("release forged " + forged, () -> world.manager.release(forged)));
                    });
        }

        Arbitrary<Transformer<World>> shareBad() {
            List<Supplier<ResourceHandle>> handles = new ArrayList<>();
            handles.add(() -> null);
            handles.add(() -> foreign);
            released.forEach(handle -> handles.add(() -> handle));
            held.keySet().forEach(handle -> handles.add(() -> handle));
            return Combinators.combine(Arbitraries.of(handles), Arbitraries.of(null, "", " ", "no.such.driver"))
                    .as((handle, target) -> Transformer.mutate("share " + handle.get() + " with '" + target + "'",
                            world -> world.refused("share " + handle.get() + " with '" + target + "'",
                                    () -> world.manager.share(handle.get(), target))));
        }

        /** Lets go of everything first, so that stopping the bundles reports no leaks. */
        void close() {
            held.values().forEach(ScopedResource::close);
            othersHeld.forEach(ScopedResource::close);
            ((BundleResourceManager) manager).deactivate();
            ((BundleResourceManager) other).deactivate();
            accounting.deactivate();
        }
    }

    private static Arbitrary<ResourceMetadata> metadata(ResourceType type, Arbitrary<Long> sizes) {
        return Combinators.combine(sizes, Arbitraries.of(ResourcePriority.class), Arbitraries.of(true, false))
                .as((size, priority, shareable) -> {
                    ResourceMetadata metadata = ResourceMetadata.of(type, size).withPriority(priority);
                    return shareable ? metadata.withFlags(ResourceFlags.SHAREABLE) : metadata;
                });
    }

    private static Action.Independent<World> acquireThatMayFit() {
        Arbitrary<ResourceMetadata> metadata = Arbitraries.of(TYPES)
                .flatMap(type -> metadata(type, Arbitraries.longs().between(1, 1 << 18)));
        Arbitrary<AcquisitionMode> modes = Arbitraries.of(AcquisitionMode.NON_BLOCKING, AcquisitionMode.EMERGENCY);
        return () -> Combinators.combine(metadata, modes, Arbitraries.of(true, false))
                .as((wanted, mode, valued) -> Transformer.mutate("acquire " + wanted + " " + mode.kind(),
                        world -> world.acquire("r", wanted, mode, valued)));
    }

    /** Sizes at the top of the range, on the unlimited type: their sums overflow a {@code long}. */
    private static Action.Independent<World> acquireHuge() {
        Arbitrary<ResourceMetadata> metadata = metadata(UNLIMITED, BadNumbers.over(1L << 40));
        Arbitrary<AcquisitionMode> modes = Arbitraries.of(AcquisitionMode.NON_BLOCKING, AcquisitionMode.EMERGENCY);
        return () -> Combinators.combine(metadata, modes).as((wanted, mode) -> Transformer.mutate(
                "acquire huge " + wanted + " " + mode.kind(), world -> world.acquire("huge", wanted, mode, false)));
    }

    private record BadAcquisition(String name, ResourceMetadata metadata, AcquisitionMode mode, boolean nullFactory) {
    }

    /** Requests refused before any accounting, and requests larger than a whole budget, in every mode. */
    private static Action.Independent<World> acquireBad() {
        ResourceMetadata good = ResourceMetadata.of(BUDGETED, 64);
        AcquisitionMode wait = AcquisitionMode.timeout(Duration.ofSeconds(30));
        Arbitrary<BadAcquisition> bad = Arbitraries.oneOf(
                Arbitraries.of(null, "", "  ", "\t").map(name -> new BadAcquisition(name, good, wait, false)),
                Arbitraries.just(new BadAcquisition("no metadata", null, wait, false)),
                Arbitraries.just(new BadAcquisition("no mode", good, null, false)),
                Arbitraries.just(new BadAcquisition("no factory", good, wait, true)),
                BadNumbers.nonPositive().map(size -> new BadAcquisition("size", ResourceMetadata.of(BUDGETED, size),
                        wait, false)),
                BadNumbers.notPowersOfTwo().map(alignment -> new BadAcquisition("alignment",
                        good.withAlignment(alignment), AcquisitionMode.BLOCKING, false)),
                Combinators.combine(BadNumbers.over(1 << 20), Arbitraries.of(AcquisitionMode.NON_BLOCKING,
                                AcquisitionMode.BLOCKING, wait))
                        .as((size, mode) -> new BadAcquisition("over the budget",
                                ResourceMetadata.of(BUDGETED, size).withPriority(ResourcePriority.CRITICAL), mode,
                                false)));
        return () -> Combinators.combine(bad, Arbitraries.of(true, false)).as((call, scoped) -> Transformer.mutate(
                "acquire bad " + call + (scoped ? " scoped" : ""), world -> world.refused("acquire " + call,
                        () -> scoped && !call.nullFactory()
                                ? world.manager.acquireScoped(call.name(), call.metadata(), call.mode())
                                : world.manager.acquire(call.name(), call.metadata(),
                                        call.nullFactory() ? null : () -> "v", call.mode()))));
    }

    private static Action.Independent<World> releaseStray() {
        Arbitrary<ResourceHandle> stray = Combinators.combine(BadNumbers.strayHandles(), Arbitraries.of(TYPES),
                        Arbitraries.longs().between(1, 1 << 20))
                .as((id, type, size) -> new ResourceHandle(id, "stray", ResourceMetadata.of(type, size), 3, "alpha"));
        return () -> Arbitraries.oneOf(stray, Arbitraries.just(null), Arbitraries.just(PLACEHOLDER))
                .map(handle -> Transformer.mutate("release stray " + handle, world -> {
                    ResourceHandle target = handle == PLACEHOLDER ? world.foreign : handle;
                    world.refused("release " + target, () -> world.manager.release(target));
                }));
    }

    /** Stands for the other bundle's handle, which exists only once a world is made. */
    private static final ResourceHandle PLACEHOLDER = new ResourceHandle(-42, "foreign", ResourceMetadata.of(
            BUDGETED, 1), 4, "beta");

    /** Budgets that {@link ResourceBudget#check()} refuses, including unlimited ones with bad levels. */
    static Arbitrary<ResourceBudget> badBudgets() {
        Arbitrary<Integer> percents = Arbitraries.integers().between(1, 100);
        return Arbitraries.oneOf(
                BadNumbers.nonPositive().map(max -> ResourceBudget.of(max, 0)),
                Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), BadNumbers.nonPositive())
                        .as((max, minusReserve) -> ResourceBudget.of(max, minusReserve == 0 ? -1 : minusReserve)),
                Arbitraries.longs().between(1, Long.MAX_VALUE - 1)
                        .map(max -> ResourceBudget.of(max, max + 1)),
                Combinators.combine(Arbitraries.of(Long.MAX_VALUE, 1L << 20), percents, percents)
                        .as((max, warning, critical) -> new ResourceBudget(max, 0, Math.max(warning, critical) + 1,
                                Math.min(warning, critical))),
                Combinators.combine(Arbitraries.of(Long.MAX_VALUE, 1L << 20), BadNumbers.nonPositiveInts(),
                                Arbitraries.integers().between(101, Integer.MAX_VALUE))
                        .as((max, low, high) -> new ResourceBudget(max, 0, low, high)));
    }

    private static Action.Independent<World> setBudgetBad() {
        Arbitrary<ResourceType> types = Arbitraries.of(BUDGETED, UNLIMITED, null);
        Arbitrary<ResourceBudget> budgets = Arbitraries.oneOf(badBudgets(), Arbitraries.just(null));
        return () -> Combinators.combine(types, budgets).filter((type, budget) -> type == null || budget == null
                        || budget.check().isErr())
                .as((type, budget) -> Transformer.mutate("setBudget " + type + " " + budget,
                        world -> world.refused("setBudget " + type + " " + budget,
                                () -> world.admin.setBudget(type, budget))));
    }

    private static Action.Independent<World> setBundleBudgetBad() {
        Arbitrary<String> names = Arbitraries.of(null, "", " ", "alpha", "beta");
        Arbitrary<ResourceType> types = Arbitraries.of(BUDGETED, UNLIMITED, null);
        Arbitrary<ResourceBudget> budgets = Arbitraries.oneOf(badBudgets(), Arbitraries.just(null),
                Arbitraries.just(ResourceBudget.of(1000, 0)));
        return () -> Combinators.combine(names, types, budgets)
                .filter((name, type, budget) -> name == null || name.isBlank() || type == null || budget == null
                        || budget.check().isErr())
                .as((name, type, budget) -> Transformer.mutate("setBundleBudget '" + name + "' " + type + " " + budget,
                        world -> world.refused("setBundleBudget '" + name + "' " + type + " " + budget,
                                () -> world.admin.setBundleBudget(name, type, budget))));
    }

    /** A new budget for the budgeted type, possibly below what is in use: later acquisitions follow it. */
    private static Action.Independent<World> setBudgetGood() {
        Arbitrary<ResourceBudget> budgets = Arbitraries.longs().between(1, 1 << 21)
                .flatMap(max -> Arbitraries.longs().between(0, max).map(reserve -> ResourceBudget.of(max, reserve)));
        return () -> budgets.map(budget -> Transformer.mutate("setBudget " + budget, world -> {
            Steps.count(SERVICE);
            world.admin.setBudget(BUDGETED, budget).orElseThrow();
            world.typeBudget = budget;
            assertEquals(budget, world.admin.budget(BUDGETED));
        }));
    }
}
