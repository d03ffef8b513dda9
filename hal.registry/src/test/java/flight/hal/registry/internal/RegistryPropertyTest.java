package flight.hal.registry.internal;

import static flight.hal.testkit.Refusals.assertRefusedWithoutChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import flight.hal.ErrorCategory;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverHandle;
import flight.hal.registry.DriverLease;
import flight.hal.registry.HalRegistry;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Steps;

/**
 * The {@link HalRegistry} and a {@link DriverHandle} driven by generated calls against a model of the selection: the
 * selected driver is the pinned one when it is registered, else the best ranked; objects made through the handle are
 * reached through their owner across swaps; every bad call is an error result (or the empty answer its javadoc
 * names) that changes no selection, pin, driver state or object.
 */
class RegistryPropertyTest {
    private static final String REGISTRY = "HalRegistry";
    private static final String HANDLE = "DriverHandle";
    private static final String MEMORY = MemoryDriver.class.getName();
    private static final List<String> DRIVERS = List.of("host", "alt");

    @HalProperty
    void selectionFollowsTheModelAndRefusalsChangeNothing(@ForAll("registryCalls") ActionChain<World> chain) {
        chain.withInvariant("the selected driver is the model's", World::matchesModel).run();
        chain.finalState().ifPresent(World::close);
    }


    @Provide
    Arbitrary<ActionChain<World>> registryCalls() {
        return ActionChain.startWith(World::new)
                .withAction(2, pin())
                .withAction(1, Action.just(Transformer.mutate("unpin", World::unpin)))
                .withAction(3, Action.just(Transformer.mutate("lease", World::lease)))
                .withAction(3, Action.just(Transformer.mutate("make an object", World::make)))
                .withAction(3, Steps.when(World::holdsObjects, World::releaseObject))
                .withAction(4, registryBad())
                .withAction(3, handleBad())
                .withMaxTransformations(25);
    }

    /** A running registry with two drivers of one interface, a handle on it and the objects made through it. */
    static final class World {
        final List<String> journal = new CopyOnWriteArrayList<>();
        final FakeFramework framework = new FakeFramework();
        final DriverRegistry registry;
        final DriverHandle<HalDriver> handle;
        final Map<String, FakeOwner> drivers = new HashMap<>();
        final List<Long> objects = new ArrayList<>();
        String pin;

        @SuppressWarnings("unchecked")
        World() {
            try {
                registry = framework.startRegistry(Map.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            int ranking = 10;
            long serviceId = 1;
            for (String name : DRIVERS) {
                FakeOwner driver = new FakeOwner(name, journal);
                drivers.put(name, driver);
                framework.register(new FakeReference(serviceId++, name, ranking), driver);
                ranking -= 5;
            }
            handle = (DriverHandle<HalDriver>) (DriverHandle<?>) registry.handle(MemoryDriver.class);
        }

        boolean holdsObjects() {
            return !objects.isEmpty();
        }

        String expectedSelected() {
            return pin != null && drivers.containsKey(pin) ? pin : "host";
        }

        /** Everything a refused call must leave as it was. */
        List<Object> observed() {
            return List.of(registry.interfaces(), List.copyOf(journal), drivers.get("host").objects.size()
                    + drivers.get("alt").objects.size(), handle.current() == null ? "" : handle.current().name());
        }

        void matchesModel() {
            assertEquals(expectedSelected(), handle.current().name());
            assertEquals(expectedSelected(), registry.status("MemoryDriver").orElseThrow().selected());
            assertEquals(pin, registry.status(MEMORY).orElseThrow().pin());
            long live = drivers.values().stream().mapToLong(driver -> driver.objects.size()).sum();
            assertEquals(objects.size(), live, "objects survive swaps, handed over to the selected driver");
        }

        void refused(String service, String description, Supplier<HalResult<?>> call) {
            Steps.count(service);
            assertRefusedWithoutChange(description, call, this::observed);
        }

        void pin(String interfaceName, String driverName) {
            Steps.count(REGISTRY);
            registry.pin(interfaceName, driverName).orElseThrow();
            pin = driverName;
        }

        void unpin() {
            if (pin == null) {
                HalError error = assertRefusedWithoutChange("unpin when not pinned",
                        () -> registry.unpin("MemoryDriver"), this::observed);
                assertEquals(ErrorCategory.NOT_FOUND, error.category());
                Steps.count(REGISTRY);
                return;
            }
            Steps.count(REGISTRY);
            registry.unpin(MEMORY).orElseThrow();
            pin = null;
        }

        void lease() {
            Steps.count(HANDLE);
            DriverLease<HalDriver> lease = handle.lease().orElseThrow();
            assertEquals(expectedSelected(), lease.driver().name());
            lease.close();
            lease.close();
        }

        void make() {
            Steps.count(HANDLE);
            long made = handle.call(driver -> HalResult.ok(((FakeOwner) driver).make())).orElseThrow();
            assertTrue(drivers.get(expectedSelected()).objects.contains(made));
            objects.add(made);
        }

        Arbitrary<Transformer<World>> releaseObject() {
            return Arbitraries.of(List.copyOf(objects)).map(object -> Transformer.mutate("release object " + object,
                    world -> {
                        Steps.count(HANDLE);
                        world.handle.callOwner(object, driver -> ((FakeOwner) driver).release(object)).orElseThrow();
                        world.objects.remove(object);
                    }));
        }

        /** Whether a driver of this world owns {@code handle}: a generated one may, by a (very) rare chance. */
        boolean owned(long handle) {
            return drivers.values().stream().anyMatch(driver -> driver.handles() != null && driver.handles().owns(handle));
        }

        void close() {
            registry.deactivate();
        }
    }

    private static Action.Independent<World> pin() {
        return () -> Combinators.combine(Arbitraries.of("MemoryDriver", MEMORY, " MemoryDriver "),
                        Arbitraries.of("host", "alt", "ghost", " alt "))
                .as((interfaceName, driver) -> Transformer.mutate("pin " + interfaceName + " to " + driver,
                        world -> world.pin(interfaceName, driver.trim())));
    }

    private record Call(String service, String description, Function<World, HalResult<?>> call) {
    }

    /** Registry calls with null, blank, unknown and malformed names. */
    private static Action.Independent<World> registryBad() {
        Arbitrary<String> badNames = Arbitraries.of(null, "", " ", "\t");
        Arbitrary<String> unknownInterfaces = Arbitraries.of("NoSuchDriver", "flight.hal", ".", "memorydriver");
        Arbitrary<Call> calls = Arbitraries.oneOf(
                Combinators.combine(badNames, Arbitraries.of("host", "ghost"))
                        .as((name, driver) -> new Call(REGISTRY, "pin '" + name + "' to " + driver,
                                w -> w.registry.pin(name, driver))),
                Combinators.combine(Arbitraries.of("MemoryDriver", MEMORY), badNames)
                        .as((name, driver) -> new Call(REGISTRY, "pin " + name + " to '" + driver + "'",
                                w -> w.registry.pin(name, driver))),
                unknownInterfaces.filter(name -> !name.contains("."))
                        .map(name -> new Call(REGISTRY, "pin unknown " + name, w -> w.registry.pin(name, "host"))),
                Arbitraries.oneOf(badNames, unknownInterfaces)
                        .map(name -> new Call(REGISTRY, "unpin '" + name + "'", w -> w.registry.unpin(name))),
                Combinators.combine(Arbitraries.oneOf(badNames, Arbitraries.of("host", "alt", "ghost")),
                                Arbitraries.of(true, false))
                        .as((name, force) -> new Call(REGISTRY, "retire '" + name + "' force " + force,
                                w -> w.registry.retire(name, force))));
        Arbitrary<String> lookUps = Arbitraries.oneOf(badNames, unknownInterfaces);
        return () -> Arbitraries.oneOf(
                calls.map(call -> Transformer.mutate(call.description(),
                        world -> world.refused(call.service(), call.description(), () -> call.call().apply(world)))),
                lookUps.map(name -> Transformer.mutate("status and drivers of '" + name + "'", world -> {
                    Steps.count(REGISTRY);
                    Steps.count(REGISTRY);
                    List<Object> before = world.observed();
                    assertTrue(world.registry.status(name).isEmpty(), () -> "status of '" + name + "'");
                    assertEquals(List.of(), world.registry.drivers(name));
                    assertEquals(before, world.observed());
                })));
    }

    /** Handle calls on stray handles and without a function: refused, and the function is never run. */
    private static Action.Independent<World> handleBad() {
        Arbitrary<Call> calls = Arbitraries.oneOf(
                BadNumbers.strayHandles().map(stray -> new Call(HANDLE, "leaseOwner " + stray,
                        w -> w.owned(stray) ? HalResult.err(HalError.notFound("owned by chance"))
                                : w.handle.leaseOwner(stray).map(lease -> {
                                    lease.close();
                                    return lease;
                                }))),
                BadNumbers.strayHandles().map(stray -> new Call(HANDLE, "callOwner " + stray, w -> {
                    AtomicBoolean ran = new AtomicBoolean();
                    HalResult<Object> result = w.owned(stray) ? HalResult.err(HalError.notFound("owned by chance"))
                            : w.handle.callOwner(stray, driver -> {
                                ran.set(true);
                                return HalResult.ok(driver);
                            });
                    assertFalse(ran.get(), "the call ran on a stray handle");
                    return result;
                })),
                Arbitraries.just(new Call(HANDLE, "call null", w -> w.handle.call(null))),
                Arbitraries.just(new Call(HANDLE, "callOwner null function",
                        w -> w.objects.isEmpty() ? w.handle.callOwner(0, null)
                                : w.handle.callOwner(w.objects.get(0), null))));
        return () -> calls.map(call -> Transformer.mutate(call.description(),
                world -> world.refused(call.service(), call.description(), () -> call.call().apply(world))));
    }
}
