package flight.hal.testkit;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Which handle a generated call passes, resolved against the model only when the call runs: a shrunk chain replays
 * its calls against a fresh driver, whose handles differ from those of the run that generated them.
 *
 * @param kind  where the handle comes from
 * @param index which one of its kind (modulo how many there are), or the stray value itself
 */
record HandlePick(Kind kind, long index) {

    /** Where a handle comes from. */
    enum Kind {
        /** a live allocation of the driver under test */
        LIVE,
        /** one the driver released */
        RELEASED,
        /** one a second driver of the same kind issued */
        FOREIGN,
        /** a number no driver issued (0, extremes, random) */
        STRAY
    }

    /** Handles the driver under test does not hold. */
    static Arbitrary<HandlePick> notHeld() {
        return Arbitraries.oneOf(Arbitraries.longs().greaterOrEqual(0).map(index -> new HandlePick(Kind.RELEASED,
                index)), Arbitraries.just(new HandlePick(Kind.FOREIGN, 0)),
                BadNumbers.strayHandles().map(value -> new HandlePick(Kind.STRAY, value)));
    }

    /** Any handle: held or not. */
    static Arbitrary<HandlePick> any() {
        return Arbitraries.oneOf(notHeld(), Combinators.combine(Arbitraries.just(Kind.LIVE),
                Arbitraries.longs().greaterOrEqual(0)).as(HandlePick::new));
    }

    /** The handle in {@code model}; a foreign one when there is none of the kind. */
    long resolve(MemoryModel model) {
        return kind == Kind.STRAY ? (model.live.containsKey(index) ? 0 : index)
                : pick(List.copyOf(model.live.keySet()), model.released, model.foreignHandle, null);
    }

    /**
     * The object of the picked kind among {@code live}, {@code released} and {@code foreign}; {@code foreign} when
     * there is none of the kind, and {@code stray} for {@link Kind#STRAY}.
     */
    <T> T pick(List<T> live, List<T> released, T foreign, T stray) {
        return switch (kind) {
            case LIVE -> live.isEmpty() ? foreign : live.get((int) (index % live.size()));
            case RELEASED -> released.isEmpty() ? foreign : released.get((int) (index % released.size()));
            case FOREIGN -> foreign;
            case STRAY -> stray;
        };
    }
}
