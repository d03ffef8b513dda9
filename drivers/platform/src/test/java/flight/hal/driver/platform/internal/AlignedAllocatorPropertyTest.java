package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

import flight.hal.HalResult;
import flight.hal.platform.AlignedAllocator;
import flight.hal.platform.AlignedBlock;
import flight.hal.platform.PlatformErrors;
import flight.hal.testkit.BadNumbers;
import flight.hal.testkit.HalProperty;
import flight.hal.testkit.Refusals;

/**
 * Chains of allocations, frees, double frees, uses after free, foreign and null blocks and bad sizes on the HN4
 * allocator: live bytes always the sum of the live blocks, every live block aligned and holding what was stored in
 * it, every bad call refused without changing the live bytes.
 */
class AlignedAllocatorPropertyTest {

    /** The allocator and what must be true of it. */
    static final class Model {
        final Hn4Allocator allocator = new Hn4Allocator();
        final List<AlignedBlock> live = new ArrayList<>();
        final List<Byte> fills = new ArrayList<>();
        final List<AlignedBlock> freed = new ArrayList<>();

        long liveBytes() {
            return live.stream().mapToLong(AlignedBlock::size).sum();
        }

        void refused(String call, java.util.function.Supplier<HalResult<?>> attempt) {
            Statistics.label("allocator calls").collect(call + " (refused)");
            Refusals.assertRefusedWithoutChange(call, attempt, allocator::liveBytes);
            assertEquals(liveBytes(), allocator.liveBytes(), "live bytes");
        }

        /** Every live block is aligned and still holds its fill: no block writes into another. */
        void assertBlocks() {
            for (int i = 0; i < live.size(); i++) {
                ByteBuffer buffer = live.get(i).buffer().orElseThrow();
                assertEquals(0, buffer.alignmentOffset(0, AlignedAllocator.ALIGNMENT), "alignment");
                byte[] expected = new byte[buffer.capacity()];
                java.util.Arrays.fill(expected, fills.get(i));
                assertEquals(ByteBuffer.wrap(expected), buffer, "the bytes of live block " + i);
            }
        }
    }

    @HalProperty
    void allocatorKeepsItsGuardRails(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("live bytes and block contents", model -> {
            assertEquals(model.liveBytes(), model.allocator.liveBytes());
            model.assertBlocks();
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, (Action.Independent<Model>) AlignedAllocatorPropertyTest::allocate)
                .withAction(2, (Action.Independent<Model>) AlignedAllocatorPropertyTest::badSize)
                .withAction(2, (Action.Dependent<Model>) AlignedAllocatorPropertyTest::free)
                .withAction((Action.Dependent<Model>) AlignedAllocatorPropertyTest::misuseFreed)
                .withAction((Action.Independent<Model>) AlignedAllocatorPropertyTest::foreignOrNull)
                .withMaxTransformations(30);
    }

    private static Arbitrary<Transformer<Model>> allocate() {
        return Arbitraries.longs().between(1, 1024).flatMap(size -> Arbitraries.bytes().map(fill ->
                Transformer.mutate("allocate " + size, model -> {
                    Statistics.label("allocator calls").collect("allocate");
                    AlignedBlock block = model.allocator.allocate(size).orElseThrow();
                    assertEquals(size, block.size());
                    ByteBuffer buffer = block.buffer().orElseThrow();
                    assertEquals(size, buffer.capacity());
                    byte[] bytes = new byte[(int) (long) size];
                    java.util.Arrays.fill(bytes, fill);
                    buffer.put(0, bytes);
                    model.live.add(block);
                    model.fills.add(fill);
                })));
    }

    private static Arbitrary<Transformer<Model>> badSize() {
        return Arbitraries.oneOf(BadNumbers.nonPositive(), BadNumbers.over(Hn4Allocator.MAX_BUFFER
                - Hn4Allocator.OVERHEAD)).map(size -> Transformer.mutate("allocate " + size,
                model -> model.refused("allocate " + size, () -> model.allocator.allocate(size))));
    }

    private static Arbitrary<Transformer<Model>> free(Model state) {
        if (state.live.isEmpty()) {
            return Arbitraries.just(Transformer.noop());
        }
        return Arbitraries.integers().between(0, state.live.size() - 1).map(index -> Transformer.mutate("free "
                + index, model -> {
                    Statistics.label("allocator calls").collect("free");
                    AlignedBlock block = model.live.remove((int) index);
                    model.fills.remove((int) index);
                    assertTrue(model.allocator.free(block).isOk());
                    model.freed.add(block);
                }));
    }

    /** A second free, or a use, of a block that was freed. */
    private static Arbitrary<Transformer<Model>> misuseFreed(Model state) {
        if (state.freed.isEmpty()) {
            return Arbitraries.just(Transformer.noop());
        }
        return Arbitraries.integers().between(0, state.freed.size() - 1).flatMap(index -> Arbitraries.of(true, false)
                .map(again -> Transformer.mutate((again ? "free again " : "use after free ") + index, model -> {
                    AlignedBlock block = model.freed.get(index);
                    String code = again ? PlatformErrors.DOUBLE_FREE : PlatformErrors.USE_AFTER_FREE;
                    model.refused(code, () -> again ? model.allocator.free(block) : block.buffer());
                    assertEquals(code, (again ? model.allocator.free(block) : block.buffer()).errorOrNull().code());
                })));
    }

    private static Arbitrary<Transformer<Model>> foreignOrNull() {
        return Arbitraries.of(true, false).map(foreign -> Transformer.mutate(foreign ? "free a foreign block"
                : "free null", model -> {
                    AlignedBlock block = foreign ? new Hn4Allocator().allocate(16).orElseThrow() : null;
                    model.refused(foreign ? "free foreign" : "free null", () -> model.allocator.free(block));
                }));
    }
}
