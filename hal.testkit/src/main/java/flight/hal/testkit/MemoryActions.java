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
import java.util.Set;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAlignment;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryType;

/** The calls of {@link MemoryDriverContract}: each makes its call, checks the answer and keeps the model in step. */
final class MemoryActions {
    private static final int LARGEST_GOOD_SIZE = 16 * 1024;

    private MemoryActions() {
    }

    static Action<MemoryModel> allocate() {
        return dependent(model -> Combinators.combine(Arbitraries.longs().between(1,
                        Math.min(LARGEST_GOOD_SIZE, model.driver.maxAllocationSize())),
                Arbitraries.of(supported(model)), Arbitraries.of(types(model)), Arbitraries.longs())
                .as((size, alignment, type, seed) -> Transformer.mutate("allocate " + size + " B aligned " + alignment
                        + " from " + type, state -> {
                    AllocationRequest request = new AllocationRequest(size, alignment, Set.of(), type);
                    var before = state.stats();
                    HalResult<MemoryAllocation> result = call(state, state.driver.allocate(request));
                    if (result.isErr()) {
                        MemoryModel.assertExhausted(result.errorOrNull(), "allocate(" + request + ")");
                        assertEquals(before, state.stats(), "a refused allocation changed the stats");
                        return;
                    }
                    MemoryAllocation allocation = result.valueOrNull();
                    assertEquals(size, allocation.size(), "allocated size");
                    assertEquals(size, allocation.buffer().capacity(), "buffer capacity");
                    assertTrue(allocation.alignment() >= alignment, "alignment honoured");
                    state.write(allocation, seed);
                })));
    }

    static Action<MemoryModel> refusedAllocation() {
        return dependent(model -> Arbitraries.oneOf(badRequests(model))
                .map(request -> Transformer.mutate("allocate(" + request + "), refused", state ->
                        assertRefusedWithoutChange("allocate(" + request + ")",
                                () -> call(state, state.driver.allocate(request)), state::stats))));
    }

    static Action<MemoryModel> deallocate() {
        return Steps.when((MemoryModel state) -> !state.live.isEmpty(), state -> {
            return Arbitraries.integers().greaterOrEqual(0).map(pick -> Transformer.mutate("deallocate live #"
                    + pick, model -> {
                        long handle = model.liveHandle(pick);
                        HalResult<Void> result = call(model, model.driver.deallocate(handle));
                        assertTrue(result.isOk(), () -> "deallocate of a live handle: " + result);
                        model.live.remove(handle);
                        model.released.add(handle);
                    }));
        });
    }

    static Action<MemoryModel> refusedRelease() {
        return dependent(model -> HandlePick.notHeld().map(pick -> Transformer.mutate("deallocate " + pick
                + ", refused", state -> {
                    long handle = pick.resolve(state);
                    assertRefusedWithoutChange("deallocate(" + handle + ")",
                            () -> call(state, state.driver.deallocate(handle)), state::stats);
                })));
    }

    static Action<MemoryModel> reallocate() {
        return Steps.when((MemoryModel state) -> !state.live.isEmpty(), state -> {
            return Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                    Arbitraries.longs().between(1, Math.min(LARGEST_GOOD_SIZE, state.driver.maxAllocationSize())),
                    Arbitraries.doubles().between(0, 1), Arbitraries.longs())
                    .as((pick, size, moved, seed) -> Transformer.mutate("reallocate live #" + pick + " to " + size
                            + " B after the caller moved its buffer to " + moved, model ->
                            reallocate(model, model.live.get(model.liveHandle(pick)), size, moved, seed)));
        });
    }

    private static void reallocate(MemoryModel model, MemoryModel.Live live, long size, double moved, long seed) {
        MemoryAllocation old = live.allocation();
        int limit = (int) (old.size() * moved); // the caller's position and limit are its own business
        old.buffer().limit(limit).position(limit / 2);
        var before = model.stats();
        HalResult<MemoryAllocation> result = call(model, model.driver.reallocate(old.handle(), size));
        if (result.isErr()) {
            if (result.errorOrNull().category() != ErrorCategory.UNSUPPORTED_CAPABILITY) { // a driver may not resize
                MemoryModel.assertExhausted(result.errorOrNull(), "reallocate(" + old.handle() + ", " + size + ")");
            }
            assertEquals(before, model.stats(), "a refused reallocation changed the stats");
            return;
        }
        MemoryAllocation resized = result.valueOrNull();
        assertEquals(size, resized.size(), "reallocated size");
        MemoryModel.assertHolds(resized.buffer(), live.seed(), Math.min(size, old.size()), "reallocated bytes");
        model.live.remove(old.handle());
        if (resized.handle() != old.handle()) {
            model.released.add(old.handle());
        }
        model.write(resized, seed);
    }

    static Action<MemoryModel> refusedReallocation() {
        return dependent(model -> Combinators.combine(HandlePick.any(), Arbitraries.oneOf(BadNumbers.nonPositive(),
                        BadNumbers.over(model.driver.maxAllocationSize()), Arbitraries.just(64L)))
                .filter((pick, size) -> size != 64 || pick.kind() != HandlePick.Kind.LIVE)
                .as((pick, size) -> Transformer.mutate("reallocate(" + pick + ", " + size + "), refused", state -> {
                    long handle = pick.resolve(state);
                    assertRefusedWithoutChange("reallocate(" + handle + ", " + size + ")",
                            () -> call(state, state.driver.reallocate(handle, size)), state::stats);
                })));
    }

    /** Questions without an error channel answer no, and those with one refuse, for anything not the driver's. */
    static Action<MemoryModel> queries() {
        return dependent(model -> Combinators.combine(HandlePick.notHeld(), BadNumbers.notPowersOfTwo())
                .as((pick, alignment) -> Transformer.mutate("queries about " + pick + " and alignment "
                        + alignment, state -> {
                    long handle = pick.resolve(state);
                    state.calls += 7;
                    assertFalse(state.driver.isValid(handle), "isValid of a handle the driver does not hold");
                    assertRefused(state.driver.allocationInfo(handle), "allocationInfo(" + handle + ")");
                    assertFalse(state.driver.supportsAlignment(alignment), "supportsAlignment(" + alignment + ")");
                    assertFalse(state.driver.supportsMemoryType(null), "supportsMemoryType(null)");
                    assertRefused(state.driver.stats(null), "stats(null)");
                    HalResult<Long> trimmed = state.driver.trim();
                    assertNotNull(trimmed, "trim() returned null");
                    HalResult<Long> defragmented = state.driver.defragment(null);
                    assertNotNull(defragmented, "defragment(null) returned null");
                })));
    }

    private static List<Integer> supported(MemoryModel model) {
        return Arrays.stream(MemoryAlignment.values()).map(MemoryAlignment::bytes)
                .filter(model.driver::supportsAlignment).toList();
    }

    private static List<MemoryType> types(MemoryModel model) {
        return Arrays.stream(MemoryType.values()).filter(model.driver::supportsMemoryType).toList();
    }

    private static List<Arbitrary<AllocationRequest>> badRequests(MemoryModel model) {
        List<Arbitrary<AllocationRequest>> bad = new ArrayList<>(List.of(
                BadNumbers.nonPositive().map(AllocationRequest::of),
                BadNumbers.over(model.driver.maxAllocationSize()).map(AllocationRequest::of),
                BadNumbers.notPowersOfTwo().map(alignment -> new AllocationRequest(64, alignment, Set.of(),
                        MemoryType.SYSTEM)),
                Arbitraries.just((AllocationRequest) null)));
        List<MemoryType> unsupported = Arrays.stream(MemoryType.values())
                .filter(type -> !model.driver.supportsMemoryType(type)).toList();
        if (!unsupported.isEmpty()) {
            bad.add(Arbitraries.of(unsupported).map(type -> AllocationRequest.of(64).withType(type)));
        }
        return bad;
    }

    private static <T> HalResult<T> call(MemoryModel model, HalResult<T> result) {
        model.calls++;
        assertNotNull(result, "the driver returned null instead of a result");
        return result;
    }

    private static Action<MemoryModel> dependent(Function<MemoryModel, Arbitrary<Transformer<MemoryModel>>> transformers) {
        return Steps.when(model -> true, transformers);
    }
}
