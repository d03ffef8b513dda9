package flight.hal.testkit;

import static flight.hal.testkit.Refusals.assertRefused;
import static flight.hal.testkit.Refusals.assertRefusedWithoutChange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

import flight.hal.HalResult;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;

/** The calls of {@link GraphicsDriverContract}: each makes its call, checks the answer and keeps the model in step. */
final class GraphicsActions {
    private static final int LARGEST_GOOD_SIDE = 24;

    private GraphicsActions() {
    }

    static Action<GraphicsModel> createTarget() {
        return independent(Combinators.combine(sides(), sides(), Arbitraries.integers().greaterOrEqual(0))
                .as((width, height, format) -> Transformer.mutate("create a " + width + "x" + height
                        + " target in format #" + format, model -> {
                    PixelFormat chosen = model.formats.get(format % model.formats.size());
                    var before = model.stats();
                    HalResult<RenderTarget> made = call(model, model.driver.createRenderTarget(width, height,
                            chosen));
                    if (made.isErr()) {
                        MemoryModel.assertExhausted(made.errorOrNull(), "createRenderTarget");
                        assertEquals(before, model.stats(), "a refused render target changed the stats");
                        return;
                    }
                    RenderTarget target = made.valueOrNull();
                    assertEquals(List.of(width, height, chosen), List.of(target.width(), target.height(),
                            target.format()), "the target made");
                    int[] pixels = new int[width * height];
                    Arrays.fill(pixels, chosen.quantize(0));
                    model.targets.put(target, pixels);
                })));
    }

    static Action<GraphicsModel> refusedTarget() {
        Arbitrary<int[]> badSides = Arbitraries.oneOf(
                Combinators.combine(BadNumbers.nonPositiveInts(), sides()).as((bad, good) -> new int[] {bad, good}),
                Combinators.combine(sides(), BadNumbers.nonPositiveInts()).as((good, bad) -> new int[] {good, bad}),
                Combinators.combine(BadNumbers.overflowingInts(), BadNumbers.overflowingInts())
                        .as((width, height) -> new int[] {width, height}));
        return independent(Combinators.combine(badSides, Arbitraries.integers().greaterOrEqual(0), Arbitraries.of(
                true, false)).as((sides, format, nullFormat) -> Transformer.mutate("create a " + sides[0] + "x"
                + sides[1] + " target, refused", model -> {
                    PixelFormat chosen = nullFormat ? null : model.formats.get(format % model.formats.size());
                    assertRefusedWithoutChange("createRenderTarget(" + sides[0] + ", " + sides[1] + ", " + chosen
                            + ")", () -> call(model, model.driver.createRenderTarget(sides[0], sides[1], chosen)),
                            model::stats);
                })));
    }

    static Action<GraphicsModel> paint() {
        return Steps.when((GraphicsModel model) -> !model.targets.isEmpty(), state -> {
            return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.doubles()
                    .between(0, 1).list().ofSize(4), Arbitraries.integers(), Arbitraries.of(true, false))
                    .as((pick, corners, argb, whole) -> Transformer.mutate((whole ? "clear" : "fill a rectangle of")
                            + " live target #" + pick + " with " + Integer.toHexString(argb), model -> {
                        RenderTarget target = live(model, pick);
                        if (whole) {
                            assertTrue(call(model, model.driver.clear(target, argb)).isOk(), "clear");
                            model.paint(target, 0, 0, target.width(), target.height(), argb);
                            return;
                        }
                        int x = (int) (corners.get(0) * (target.width() - 1));
                        int y = (int) (corners.get(1) * (target.height() - 1));
                        int width = 1 + (int) (corners.get(2) * (target.width() - x - 1));
                        int height = 1 + (int) (corners.get(3) * (target.height() - y - 1));
                        HalResult<Void> filled = call(model, model.driver.fillRect(target, x, y, width, height,
                                argb));
                        assertTrue(filled.isOk(), () -> "fillRect inside the target: " + filled);
                        model.paint(target, x, y, width, height, argb);
                    }));
        });
    }

    /** Rectangles outside the target, empty, or whose right or bottom edge overflows an int. */
    static Action<GraphicsModel> refusedRectangle() {
        Arbitrary<int[]> outside = Arbitraries.oneOf(
                Combinators.combine(BadNumbers.nonPositiveInts(), BadNumbers.nonPositiveInts())
                        .as((x, width) -> new int[] {x, 0, width, 1}),
                BadNumbers.overflowingInts().map(x -> new int[] {x, 0, 8, 1}),
                BadNumbers.overflowingInts().map(height -> new int[] {0, Integer.MAX_VALUE - 1, 1, height}),
                BadNumbers.overflowingInts().map(width -> new int[] {0, 0, width, width}),
                Arbitraries.integers().lessOrEqual(-1).map(y -> new int[] {0, y, 1, 1}));
        return Steps.when((GraphicsModel model) -> !model.targets.isEmpty(), state -> {
            return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), outside)
                    .as((pick, rect) -> Transformer.mutate("fill, read and blit " + Arrays.toString(rect)
                            + " of live target #" + pick + ", refused", model -> {
                        RenderTarget target = live(model, pick);
                        String where = "(" + target + ", " + Arrays.toString(rect) + ")";
                        assertRefusedWithoutChange("fillRect" + where, () -> call(model, model.driver.fillRect(
                                target, rect[0], rect[1], rect[2], rect[3], -1)), model::stats);
                        assertRefused(call(model, model.driver.readPixels(target, rect[0], rect[1], rect[2],
                                rect[3])), "readPixels" + where);
                        assertRefusedWithoutChange("blit(null, " + target + ")", () -> call(model,
                                model.driver.blit(null, target, 0, 0)), model::stats);
                        assertRefused(call(model, model.driver.writePng(target, null)), "writePng to null");
                    }));
        });
    }

    static Action<GraphicsModel> releaseTarget() {
        return Steps.when((GraphicsModel model) -> !model.targets.isEmpty(), state -> {
            return Arbitraries.integers().greaterOrEqual(0).map(pick -> Transformer.mutate(
                    "release live target #" + pick, model -> {
                        RenderTarget target = live(model, pick);
                        HalResult<Void> released = call(model, model.driver.releaseRenderTarget(target));
                        assertTrue(released.isOk(), () -> "release a live target: " + released);
                        model.targets.remove(target);
                        model.releasedTargets.add(target);
                    }));
        });
    }

    /** Released, foreign and null targets and buffers: every call on them refused, nothing changed. */
    static Action<GraphicsModel> refusedObject() {
        return independent(Combinators.combine(HandlePick.notHeld(), Arbitraries.integers())
                .as((pick, argb) -> Transformer.mutate("use " + pick + " target and buffer, refused", model -> {
                    RenderTarget target = pick.pick(List.of(), model.releasedTargets, model.foreignTarget, null);
                    GraphicsBuffer buffer = pick.pick(List.of(), model.releasedBuffers, model.foreignBuffer, null);
                    Supplier<Object> unchanged = model::stats;
                    String on = " on " + target;
                    model.calls += 2;
                    assertFalse(model.driver.isValidRenderTarget(target), "isValidRenderTarget" + on);
                    assertFalse(model.driver.isValidBuffer(buffer), "isValidBuffer(" + buffer + ")");
                    assertRefusedWithoutChange("clear" + on, () -> call(model, model.driver.clear(target, argb)),
                            unchanged);
                    assertRefusedWithoutChange("fillRect" + on, () -> call(model, model.driver.fillRect(target, 0, 0,
                            1, 1, argb)), unchanged);
                    assertRefused(call(model, model.driver.readPixels(target, 0, 0, 1, 1)), "readPixels" + on);
                    assertRefusedWithoutChange("releaseRenderTarget" + on, () -> call(model,
                            model.driver.releaseRenderTarget(target)), unchanged);
                    assertRefusedWithoutChange("releaseBuffer(" + buffer + ")", () -> call(model,
                            model.driver.releaseBuffer(buffer)), unchanged);
                })));
    }

    static Action<GraphicsModel> createBuffer() {
        return independent(Combinators.combine(Arbitraries.longs().between(1, 4096), Arbitraries.of(
                BufferUsage.class)).as((size, usage) -> Transformer.mutate("create a " + usage + " buffer of "
                + size + " B", model -> {
                    var before = model.stats();
                    HalResult<GraphicsBuffer> made = call(model, model.driver.createBuffer(size, usage));
                    if (made.isErr()) {
                        MemoryModel.assertExhausted(made.errorOrNull(), "createBuffer");
                        assertEquals(before, model.stats(), "a refused buffer changed the stats");
                        return;
                    }
                    assertEquals(size, made.valueOrNull().size(), "buffer size");
                    model.buffers.add(made.valueOrNull());
                })));
    }

    static Action<GraphicsModel> refusedBuffer() {
        return independent(Combinators.combine(Arbitraries.oneOf(BadNumbers.nonPositive(),
                BadNumbers.over(Integer.MAX_VALUE), Arbitraries.just(64L)), Arbitraries.of(BufferUsage.class)
                .injectNull(0.3)).filter((size, usage) -> size <= 0 || size > Integer.MAX_VALUE || usage == null)
                .as((size, usage) -> Transformer.mutate("create a " + usage + " buffer of " + size + " B, refused",
                        model -> assertRefusedWithoutChange("createBuffer(" + size + ", " + usage + ")",
                                () -> call(model, model.driver.createBuffer(size, usage)), model::stats))));
    }

    static Action<GraphicsModel> releaseBuffer() {
        return Steps.when((GraphicsModel model) -> !model.buffers.isEmpty(), state -> {
            return Arbitraries.integers().greaterOrEqual(0).map(pick -> Transformer.mutate(
                    "release live buffer #" + pick, model -> {
                        GraphicsBuffer buffer = model.buffers.get(pick % model.buffers.size());
                        HalResult<Void> released = call(model, model.driver.releaseBuffer(buffer));
                        assertTrue(released.isOk(), () -> "release a live buffer: " + released);
                        model.buffers.remove(buffer);
                        model.releasedBuffers.add(buffer);
                    }));
        });
    }

    /** Images that do not fit their buffer (overflowing sizes among them) or land outside the target. */
    static Action<GraphicsModel> refusedBlit() {
        return Steps.when((GraphicsModel model) -> !model.targets.isEmpty() && !model.buffers.isEmpty(), state -> {
            Arbitrary<int[]> bad = Arbitraries.oneOf(
                    Combinators.combine(BadNumbers.overflowingInts(), BadNumbers.overflowingInts())
                            .as((width, height) -> new int[] {width, height, 0, 0}),
                    Combinators.combine(BadNumbers.nonPositiveInts(), sides())
                            .as((width, height) -> new int[] {width, height, 0, 0}),
                    BadNumbers.overflowingInts().map(x -> new int[] {1, 1, x, 0}),
                    BadNumbers.nonPositiveInts().filter(y -> y < 0).map(y -> new int[] {1, 1, 0, y}));
            return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), bad)
                    .as((pick, image) -> Transformer.mutate("blit a " + image[0] + "x" + image[1] + " image at ("
                            + image[2] + ", " + image[3] + ") onto live target #" + pick + ", refused", model -> {
                        RenderTarget target = live(model, pick);
                        GraphicsBuffer buffer = model.buffers.get(pick % model.buffers.size());
                        BufferImage source = new BufferImage(buffer, image[0], image[1], target.format());
                        assertRefusedWithoutChange("blit(" + source + ", " + target + ")", () -> call(model,
                                model.driver.blit(source, target, image[2], image[3])), model::stats);
                    }));
        });
    }

    private static RenderTarget live(GraphicsModel model, int pick) {
        List<RenderTarget> live = new ArrayList<>(model.targets.keySet());
        return live.get(pick % live.size());
    }

    private static Arbitrary<Integer> sides() {
        return Arbitraries.integers().between(1, LARGEST_GOOD_SIDE);
    }

    private static <T> HalResult<T> call(GraphicsModel model, HalResult<T> result) {
        model.calls++;
        assertNotNull(result, "the driver returned null instead of a result");
        return result;
    }

    private static Action<GraphicsModel> independent(Arbitrary<Transformer<GraphicsModel>> transformers) {
        return (Action.Independent<GraphicsModel>) () -> transformers;
    }
}
