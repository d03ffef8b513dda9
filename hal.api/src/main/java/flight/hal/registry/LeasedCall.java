package flight.hal.registry;

import java.util.function.Function;

import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;

/** The one way a leased call runs: on the leased driver, closing the lease afterwards. */
final class LeasedCall {

    private LeasedCall() {
    }

    static <T extends HalDriver, R> HalResult<R> run(HalResult<DriverLease<T>> leased,
                                                     Function<? super T, ? extends HalResult<R>> call) {
        if (leased.isErr()) {
            return HalResult.err(leased.errorOrNull());
        }
        if (call == null) {
            leased.valueOrNull().close();
            return HalResult.err(nothingToRun());
        }
        try (DriverLease<T> lease = leased.valueOrNull()) {
            return call.apply(lease.driver());
        }
    }

    /** The error of a call without a function: a bad argument, answered like any other. */
    private static HalError nothingToRun() {
        return HalError.invalidParameter("a leased call needs a function to run, was null");
    }
}
