package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Refusals;

/**
 * The GPU topology: configured entries, good and bad, give exactly the good ones (the first per GPU); range
 * containment is exact arithmetic, never wrapped; bindings nest, close in any order, and binding an unknown GPU is
 * refused without touching the thread's binding.
 */
class GpuTopologyPropertyTest {
    private static final Path NO_DRM = Path.of("/nonexistent/drm");

    /** A configured entry and the range it gives, null when it must be skipped. */
    record Entry(String text, GpuRange range) {
    }

    @HalProperty
    void configuredTopologyHoldsExactlyTheValidEntries(@ForAll("entryLists") List<Entry> entries) {
        Statistics.label("topology calls").collect("configure");
        List<GpuRange> expected = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.range() != null && expected.stream().noneMatch(range -> range.gpuId() == entry.range().gpuId())) {
                expected.add(entry.range());
            }
        }
        expected.sort(Comparator.comparingInt(GpuRange::gpuId));
        ConfiguredGpuTopology topology = new ConfiguredGpuTopology();
        topology.configure(Map.of(ConfiguredGpuTopology.GPUS, entries.stream().map(Entry::text)
                .toArray(String[]::new), ConfiguredGpuTopology.DRM_ROOT, NO_DRM.toString()));
        assertEquals(expected, topology.ranges());
    }

    @Provide
    Arbitrary<List<Entry>> entryLists() {
        Arbitrary<Entry> good = Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 10), Arbitraries.longs().between(0, 1L << 40),
                Arbitraries.longs().between(0, 1L << 40)).as((id, weight, start, length) ->
                new Entry(id + ":" + weight + ":" + start + ":" + length, new GpuRange(id, weight, start, length)));
        Arbitrary<Entry> bad = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 7), BadNumbers.over(0))
                        .as((id, length) -> new Entry(id + ":1:" + Long.MAX_VALUE + ":" + length, null)),
                Combinators.combine(BadNumbers.nonPositiveInts().filter(id -> id < 0), Arbitraries.integers()
                        .between(0, 7)).as((negative, id) -> new Entry(negative + ":1:0:1", null)),
                Arbitraries.longs().lessOrEqual(-1).map(start -> new Entry("1:1:" + start + ":1", null)),
                Arbitraries.of("", "1:1:0", "1:1:0:1:1", "x:1:0:1", "1:1:0:99999999999999999999", ":::")
                        .map(text -> new Entry(text, null)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good), net.jqwik.api.Tuple.of(2, bad))
                .list().ofMaxSize(8);
    }

    @HalProperty
    void rangeContainmentIsExact(@ForAll("ranges") GpuRange range, @ForAll("lbas") long lba,
                                 @ForAll("lbas") long blocks) {
        Statistics.label("topology calls").collect("GpuRange.contains");
        BigInteger start = BigInteger.valueOf(range.lbaStart());
        BigInteger first = BigInteger.valueOf(lba);
        boolean expected = blocks >= 0 && range.lbaLength() >= 0 && first.compareTo(start) >= 0
                && first.add(BigInteger.valueOf(blocks)).compareTo(start.add(BigInteger.valueOf(range.lbaLength())))
                <= 0;
        assertEquals(expected, range.contains(lba, blocks), () -> range + ".contains(" + lba + ", " + blocks + ")");
    }

    @Provide
    Arbitrary<GpuRange> ranges() {
        return Combinators.combine(lbas(), lbas()).as((start, length) -> new GpuRange(0, 1, start, length));
    }

    @Provide
    Arbitrary<Long> lbas() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-4, 64), BadNumbers.strayHandles(),
                BadNumbers.over(Long.MAX_VALUE - 64), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE));
    }

    /** The topology, the calling thread's open bindings in the order made, and the closed ones. */
    static final class Bindings {
        final ConfiguredGpuTopology topology = new ConfiguredGpuTopology();
        final List<GpuBinding> open = new ArrayList<>();
        final List<GpuBinding> closed = new ArrayList<>();

        Bindings() {
            topology.configure(Map.of(ConfiguredGpuTopology.GPUS, "0:1:0:64,1:1:64:64,2:1:128:64",
                    ConfiguredGpuTopology.DRM_ROOT, NO_DRM.toString()));
        }

        OptionalInt expected() {
            return open.isEmpty() ? OptionalInt.empty() : OptionalInt.of(open.get(open.size() - 1).gpuId());
        }
    }

    @HalProperty
    void bindingsNestAndCloseInAnyOrder(@ForAll("bindingChains") ActionChain<Bindings> chain) {
        try {
            chain.withInvariant("the calling GPU is the innermost open binding's",
                    model -> assertEquals(model.expected(), model.topology.callingGpu())).run();
        } finally {
            chain.finalState().ifPresent(model -> List.copyOf(model.open).forEach(GpuBinding::close));
        }
    }

    @Provide
    Arbitrary<ActionChain<Bindings>> bindingChains() {
        return ActionChain.startWith(Bindings::new)
                .withAction((Action.Independent<Bindings>) () -> Arbitraries.integers().between(0, 2)
                        .map(gpu -> Transformer.mutate("bind " + gpu, model -> {
                            Statistics.label("topology calls").collect("bind");
                            model.open.add(model.topology.bind(gpu).orElseThrow());
                        })))
                .withAction((Action.Independent<Bindings>) () -> Arbitraries.oneOf(BadNumbers.nonPositiveInts()
                                .filter(gpu -> gpu < 0), BadNumbers.overflowingInts(), Arbitraries.integers()
                                .between(3, 100))
                        .map(gpu -> Transformer.mutate("bind unknown " + gpu, model -> {
                            Statistics.label("topology calls").collect("bind (refused)");
                            Refusals.assertRefusedWithoutChange("bind(" + gpu + ")", () -> model.topology.bind(gpu),
                                    model.topology::callingGpu);
                        })))
                .withAction((Action.Dependent<Bindings>) state -> state.open.isEmpty()
                        ? Arbitraries.just(Transformer.noop())
                        : Arbitraries.integers().between(0, state.open.size() - 1).map(index -> Transformer.mutate(
                                "close binding " + index, model -> {
                                    Statistics.label("topology calls").collect("close");
                                    GpuBinding binding = model.open.remove((int) index);
                                    binding.close();
                                    model.closed.add(binding);
                                })))
                .withAction((Action.Dependent<Bindings>) state -> state.closed.isEmpty()
                        ? Arbitraries.just(Transformer.noop())
                        : Arbitraries.of(state.closed).map(binding -> Transformer.mutate("close again", model -> {
                            Statistics.label("topology calls").collect("close again");
                            binding.close();
                            assertFalse(model.open.contains(binding));
                        })))
                .withMaxTransformations(30);
    }
}
