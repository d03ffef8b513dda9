package flight.hal.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

import flight.hal.memory.MemoryDriver;

/**
 * The memory HAL contract as a jqwik property: chains of generated calls, good and bad, against a fresh driver, each
 * checked against {@link MemoryModel}. Bad calls (non-positive, huge and overflowing sizes, alignments that are not
 * powers of two, unsupported types, nulls, stray, released and foreign handles) must be refused with an error that has
 * a category, a code and a message, and change nothing; good calls must keep every allocation's bytes, also across a
 * reallocation after the caller moved the buffer's position and limit.
 *
 * <p>Implement it in a driver's tests: {@code class MyMemoryContractTest implements MemoryDriverContract}.
 */
public interface MemoryDriverContract {

    /** A new driver, initialized and ready; the property shuts it down. */
    MemoryDriver newMemoryDriver();

    @HalProperty
    default void memoryDriverKeepsItsContract(@ForAll("memoryCalls") ActionChain<MemoryModel> chain) {
        try {
            chain.withInvariant("every allocation intact, stats count them", MemoryModel::checkInvariants).run();
        } finally {
            chain.finalState().ifPresent(model -> {
                Steps.count("MemoryDriver " + model.driver.name(), model.calls);
                model.close();
            });
        }
    }

    @Provide
    default Arbitrary<ActionChain<MemoryModel>> memoryCalls() {
        return ActionChain.startWith(() -> new MemoryModel(newMemoryDriver()))
                .withAction(3, MemoryActions.allocate())
                .withAction(2, MemoryActions.refusedAllocation())
                .withAction(2, MemoryActions.deallocate())
                .withAction(1, MemoryActions.refusedRelease())
                .withAction(2, MemoryActions.reallocate())
                .withAction(1, MemoryActions.refusedReallocation())
                .withAction(1, MemoryActions.queries())
                .withMaxTransformations(30);
    }
}
