package flight.hal.compliance.internal;

import java.util.concurrent.Callable;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Every call the kit makes into one driver under test, which the kit does not trust: each runs on a kit thread within
 * its time bound, and a null, an exception or a hang becomes a failure naming the driver, the method and what it did.
 * After a hang the driver is abandoned: the kit makes no more calls on it, so it never waits on it again.
 */
final class DriverCalls {
    private static final String KIT_PACKAGE = DriverCalls.class.getPackageName() + ".";

    private final KitThreads threads;
    private final KitSettings settings;
    private final String driver;
    /** Why the driver was abandoned, or null while it is not. */
    private volatile String abandoned;

    DriverCalls(KitThreads threads, KitSettings settings, String driver) {
        this.threads = threads;
        this.settings = settings;
        this.driver = driver;
    }

    KitSettings settings() {
        return settings;
    }

    /** Why no more calls are made on the driver, or null while calls are made. */
    String abandoned() {
        return abandoned;
    }

    /** A describing or lifecycle call ({@code method} names it, e.g. {@code "platformInfo()"}); null is a failure. */
    <T> HalResult<T> call(String method, Callable<T> call) {
        if (abandoned != null) {
            return HalResult.err(HalError.unavailable("driver " + driver + ": " + method + " not called: "
                    + abandoned));
        }
        KitThreads.Ending<T> ending = threads.run(call, settings.callTimeoutMillis());
        if (ending.hung()) {
            abandoned = method + " did not return within " + settings.callTimeoutMillis() + " ms";
            return HalResult.err(HalError.timeout("driver " + driver + ": " + abandoned
                    + "; the kit abandoned the call and makes no more on this driver"));
        }
        if (ending.thrown() != null) {
            return HalResult.err(HalError.internal("driver " + driver + ": " + method + " threw " + ending.thrown()));
        }
        return ending.value() == null ? HalResult.err(HalError.internal("driver " + driver + ": " + method
                + " returned null")) : HalResult.ok(ending.value());
    }

    /** A call of a method that returns a result itself; a failed result stays what it is. */
    <T> HalResult<T> result(String method, Callable<HalResult<T>> call) {
        return call(method, call).flatMap(result -> result);
    }

    /**
     * Runs the body of the check {@code name}, bounded by the check timeout plus {@code extraMillis} (a soak's
     * length): its outcome, or a failure saying what the driver did.
     */
    Outcome check(String name, Checks.Body body, long extraMillis) {
        if (abandoned != null) {
            return Outcome.skip("not run: driver " + driver + " was abandoned after " + abandoned);
        }
        long timeout = settings.checkTimeoutMillis() + extraMillis;
        KitThreads.Ending<Outcome> ending = threads.run(body::run, timeout);
        if (ending.hung()) {
            abandoned = "the check '" + name + "' did not return within " + timeout + " ms";
            return Outcome.fail("driver " + driver + " did not return within " + timeout + " ms (check timeout "
                    + KitSettings.CHECK_TIMEOUT + "); the kit abandoned the call and runs no more checks on it");
        }
        Throwable thrown = ending.thrown();
        if (thrown instanceof Expect.Unmet unmet) {
            return Outcome.fail(unmet.getMessage());
        }
        if (thrown instanceof InterruptedException) {
            return Outcome.fail("interrupted");
        }
        if (thrown != null) { // a third-party driver may also fail to link or run out of stack
            return Outcome.fail(thrower(thrown) + " threw " + thrown + "; a driver reports failures as results");
        }
        return ending.value() == null ? Outcome.fail("the check '" + name + "' produced no outcome")
                : ending.value();
    }

    /**
     * Who threw {@code thrown}: the driver's method the kit called (the frame just above the first of the kit's own
     * methods; lambdas are passed over, as drivers call the kit's tasks), or the kit itself when the driver handed it
     * something unusable, such as a null.
     */
    private String thrower(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(KIT_PACKAGE) && !frames[i].getMethodName().startsWith("lambda$")) {
                return i == 0 ? "driver " + driver + " returned something unusable: the kit's "
                        + frames[i].getMethodName() + "()" : "driver " + driver + ": " + frames[i - 1].getMethodName()
                        + "()";
            }
        }
        return "driver " + driver;
    }
}
