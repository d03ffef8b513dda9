package flight.hal.testkit;

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
        return switch (kind) {
            case LIVE -> model.live.isEmpty() ? model.foreignHandle : model.liveHandle((int) (index % Integer.MAX_VALUE));
            case RELEASED -> model.released.isEmpty() ? model.foreignHandle
                    : model.released.get((int) (index % model.released.size()));
            case FOREIGN -> model.foreignHandle;
            case STRAY -> model.live.containsKey(index) ? 0 : index;
        };
    }
}
