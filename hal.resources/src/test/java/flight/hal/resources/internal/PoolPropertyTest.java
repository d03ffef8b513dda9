package flight.hal.resources.internal;

import static flight.hal.testkit.Refusals.assertRefused;
import static flight.hal.testkit.Refusals.assertRefusedWithoutChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.resources.PoolBlock;
import flight.hal.resources.PoolConfig;
import flight.hal.resources.PoolStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourcePool;
import flight.hal.resources.ResourceType;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Steps;

/**
 * A bundle's pool driven by generated calls against a model of the blocks it holds: blocks held at once are distinct
 * (their memory too), a pool refuses past its maximum or its budget and after it is closed, a block is released once,
 * and bad configurations and look-ups are error results that change no pool and no budget.
 */
class PoolPropertyTest {
    private static final String POOLS = "PoolManager";
    private static final String POOL = "ResourcePool";
    private static final ResourceType MEMORY = ResourceType.MEMORY;

    @HalProperty
    void blocksHeldAreDistinctAndRefusalsChangeNothing(@ForAll("poolCalls") ActionChain<World> chain) {
        chain.withInvariant("held blocks are the pool's used blocks", World::matchesModel).run();
        chain.finalState().ifPresent(World::close);
    }


    @Provide
    Arbitrary<ActionChain<World>> poolCalls() {
        return goodConfigs().flatMap(config -> ActionChain.startWith(() -> new World(config))
                .withAction(5, Steps.when(World::open, world -> Arbitraries.just(
                        Transformer.mutate("acquire", World::acquire))))
                .withAction(4, Steps.when(World::holdsAny, World::releaseOne))
                .withAction(2, Steps.when(World::releasedAny, World::releaseAgain))
                .withAction(3, createPoolBad())
                .withAction(1, Steps.when(world -> true, World::duplicate))
                .withAction(1, lookUpBad())
                .withAction(1, Action.just(Transformer.mutate("budget down to what is in use", World::tighten)))
                .withAction(1, Action.just(Transformer.mutate("budget unlimited", World::loosen)))
                .withAction(1, Steps.when(World::open, world -> Arbitraries.just(
                        Transformer.mutate("close the pool", World::closePool))))
                .withMaxTransformations(30));
    }

    static Arbitrary<PoolConfig> goodConfigs() {
        Arbitrary<Integer> alignments = Arbitraries.integers().between(0, 12).map(shift -> 1 << shift);
        return Combinators.combine(Arbitraries.integers().between(1, 4096), Arbitraries.integers().between(1, 12),
                        alignments, Arbitraries.of(true, false))
                .flatAs((blockSize, max, alignment, threadSafe) -> Arbitraries.integers().between(0, max)
                        .map(initial -> new PoolConfig(MEMORY, blockSize, initial, max, alignment, threadSafe,
                                "pool")));
    }

    /** One bundle with one pool, the blocks it holds and those it released (and holds no more). */
    static final class World {
        final ResourceAccounting accounting = new ResourceAccounting();
        final ResourceManager manager;
        final ResourceAdministration admin = TestBundles.administration(accounting);
        final ResourcePool pool;
        final Map<Integer, PoolBlock> held = new LinkedHashMap<>();
        final List<PoolBlock> released = new ArrayList<>();
        boolean tight;
        boolean closed;

        World(PoolConfig config) {
            accounting.configure(Map.of());
            manager = TestBundles.manager(accounting, 3, "alpha");
            pool = manager.pools().createPool(config).orElseThrow();
        }

        boolean open() {
            return !closed;
        }

        boolean holdsAny() {
            return !held.isEmpty();
        }

        boolean releasedAny() {
            return !released.isEmpty();
        }

        /** What a refused call must leave as it was; misses count failed acquisitions by design, so they are out. */
        List<Object> observed() {
            PoolStats stats = pool.stats();
            return List.of(new PoolStats(stats.name(), stats.type(), stats.blockSize(), stats.totalBlocks(),
                    stats.usedBlocks(), stats.maxBlocks(), stats.hits(), 0, stats.highWaterBlocks(),
                    stats.ownerBundleId(), stats.ownerSymbolicName()), admin.stats(MEMORY),
                    admin.allPools().size());
        }

        void refused(String description, Supplier<HalResult<?>> call) {
            assertRefusedWithoutChange(description, call, this::observed);
        }

        void matchesModel() {
            long used = admin.stats(MEMORY).currentUsage();
            if (closed) {
                assertEquals(0, used, "a closed pool gives all its memory back");
                return;
            }
            PoolStats stats = pool.stats();
            assertEquals(held.size(), stats.usedBlocks());
            assertTrue(stats.totalBlocks() <= stats.maxBlocks(), stats::toString);
            assertTrue(used >= stats.totalCapacity(), () -> used + " bytes charged for " + stats);
            held.forEach((index, block) -> assertEquals(marker(index), block.buffer().get(0),
                    () -> "block " + index + " was overwritten: blocks held at once share memory"));
        }

        private static byte marker(int index) {
            return (byte) (index * 31 + 7);
        }

        void acquire() {
            Steps.count(POOL);
            PoolStats before = pool.stats();
            boolean freeBlock = before.totalBlocks() > held.size();
            if (!freeBlock && (before.totalBlocks() == before.maxBlocks() || tight)) {
                HalError error = assertRefusedWithoutChange("acquire from " + before, pool::acquire, this::observed);
                assertEquals(before.totalBlocks() == before.maxBlocks() ? ErrorCategory.INSUFFICIENT_RESOURCES
                        : ErrorCategory.BUDGET_EXCEEDED, error.category(), error::toString);
                return;
            }
            PoolBlock block = pool.acquire().orElseThrow();
            assertFalse(held.containsKey(block.index()), () -> "block " + block.index() + " handed out twice");
            assertEquals(pool.config().blockSize(), block.buffer().capacity());
            assertEquals(0, block.buffer().alignmentOffset(0, pool.config().alignment()));
            block.buffer().put(0, marker(block.index()));
            held.put(block.index(), block);
            released.removeIf(gone -> gone.index() == block.index());
        }

        Arbitrary<Transformer<World>> releaseOne() {
            return Combinators.combine(Arbitraries.of(List.copyOf(held.keySet())), Arbitraries.of(true, false))
                    .as((index, byClose) -> Transformer.mutate("release block " + index + (byClose ? " by close" : ""),
                            world -> world.release(index, byClose)));
        }

        void release(int index, boolean byClose) {
            Steps.count(POOL);
            PoolBlock block = held.remove(index);
            if (closed) {
                assertRefused(block.release(), "release after close");
            } else if (byClose) {
                block.close();
            } else {
                block.release().orElseThrow();
            }
            released.add(block);
        }

        Arbitrary<Transformer<World>> releaseAgain() {
            return Combinators.combine(Arbitraries.of(List.copyOf(released)), Arbitraries.of(true, false))
                    .as((block, byClose) -> Transformer.mutate("release again block " + block.index(), world -> {
                        Steps.count(POOL);
                        if (byClose) {
                            List<Object> before = world.observed();
                            block.close();
                            assertEquals(before, world.observed(), "a second close changed the pool");
                        } else {
                            world.refused("release again block " + block.index(), block::release);
                        }
                    }));
        }

        Arbitrary<Transformer<World>> duplicate() {
            PoolConfig config = pool.config();
            return Arbitraries.of(
                    new PoolConfig(MEMORY, config.blockSize() + 1, 0, 1, 8, true, config.name()),
                    new PoolConfig(MEMORY, config.blockSize(), 0, 1, 8, true, "other"))
                    .map(twin -> Transformer.mutate("create twin " + twin, world -> {
                        Steps.count(POOLS);
                        if (world.closed) {
                            return; // the name and block size are free again
                        }
                        world.refused("create twin " + twin, () -> world.manager.pools().createPool(twin));
                    }));
        }

        void tighten() {
            Steps.count("ResourceManager");
            long used = admin.stats(MEMORY).currentUsage();
            // the pool grows at normal priority, whose limit is the maximum less the reserve: exactly what is in use
            admin.setBudget(MEMORY, ResourceBudget.of(used + 1, 1)).orElseThrow();
            tight = true;
        }

        void loosen() {
            Steps.count("ResourceManager");
            admin.setBudget(MEMORY, ResourceBudget.unlimited()).orElseThrow();
            tight = false;
        }

        void closePool() {
            Steps.count(POOL);
            pool.close();
            closed = true;
            assertEquals(ErrorCategory.INVALID_STATE, assertRefused(pool.acquire(), "acquire after close").category());
        }

        void close() {
            held.values().forEach(PoolBlock::close);
            pool.close();
            ((BundleResourceManager) manager).deactivate();
            accounting.deactivate();
        }
    }

    /** Configurations {@link PoolConfig#check()} refuses, and ones it accepts but no pool can keep room for. */
    static Arbitrary<PoolConfig> badConfigs() {
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 64);
        return Arbitraries.oneOf(
                BadNumbers.nonPositiveInts().map(size -> new PoolConfig(MEMORY, size, 1, 4, 8, true, "bad")),
                BadNumbers.nonPositiveInts().map(max -> new PoolConfig(MEMORY, 64, 0, max, 8, true, "bad")),
                small.map(max -> new PoolConfig(MEMORY, 64, max + 1, max, 8, true, "bad")),
                BadNumbers.nonPositiveInts().filter(n -> n < 0)
                        .map(initial -> new PoolConfig(MEMORY, 64, initial, 4, 8, true, "bad")),
                Arbitraries.oneOf(BadNumbers.notPowersOfTwo(), Arbitraries.of(8192, 1 << 30))
                        .map(alignment -> new PoolConfig(MEMORY, 64, 0, 4, alignment, true, "bad")),
                Combinators.combine(BadNumbers.overflowingInts(), Arbitraries.integers().between(1, 1000))
                        .as((size, more) -> new PoolConfig(MEMORY, size, 0, Integer.MAX_VALUE / size + more, 8, true,
                                "bad")),
                Arbitraries.integers().between(BlockPool.MAX_BLOCKS + 1, Integer.MAX_VALUE - 2 * PoolConfig.MAX_ALIGNMENT)
                        .map(max -> new PoolConfig(MEMORY, 1, 0, max, 1, true, "bad")),
                Arbitraries.of("", " ", "\t").map(name -> new PoolConfig(MEMORY, 64, 0, 4, 8, true, name)),
                Arbitraries.just(null));
    }

    private static Action.Independent<World> createPoolBad() {
        return () -> badConfigs().map(config -> Transformer.mutate("create bad " + config, world -> {
            Steps.count(POOLS);
            HalError error = assertRefusedWithoutChange("create " + config,
                    () -> world.manager.pools().createPool(config), world::observed);
            assertEquals(ErrorCategory.INVALID_PARAMETER, error.category(), error::toString);
        }));
    }

    private record LookUp(String description, java.util.function.Function<World, HalResult<?>> call) {
    }

    private static Action.Independent<World> lookUpBad() {
        Arbitrary<LookUp> lookUps = Arbitraries.oneOf(
                Arbitraries.of(null, "", " ", "no such pool")
                        .map(name -> new LookUp("poolStats '" + name + "'", w -> w.manager.pools().poolStats(name))),
                Combinators.combine(Arbitraries.of(MEMORY, ResourceType.HARDWARE, null),
                                Arbitraries.oneOf(BadNumbers.nonPositiveInts(), BadNumbers.overflowingInts()))
                        .as((type, size) -> new LookUp("poolStats " + type + " " + size,
                                w -> w.manager.pools().poolStats(type, size))));
        return () -> lookUps.map(lookUp -> Transformer.mutate(lookUp.description(), world -> {
            Steps.count(POOLS);
            world.refused(lookUp.description(), () -> lookUp.call().apply(world));
        }));
    }
}
