package flight.hal.driver.storage.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The gate of a device's synchronous path: two calls use a resource (a plain field, as the device's files are to
 * the calls) while a third actor closes the gate and then closes the resource. A call the gate admitted must find the
 * resource open, however the close interleaves; a call that came too late is refused.
 *
 * <p>Results: what each call found (1 open, 0 closed, -1 refused), then whether the close was the first (1).
 */
@JCStressTest
@Outcome(id = {"1, 1, 1", "1, -1, 1", "-1, 1, 1", "-1, -1, 1"}, expect = Expect.ACCEPTABLE,
        desc = "each call either used the open resource or was refused")
@Outcome(expect = Expect.FORBIDDEN, desc = "an admitted call found the resource closed, or the close did not close")
@State
public class CallGateStress {
    private final CallGate gate = new CallGate();
    private int resource = 1;

    @Actor
    public void firstCall(III_Result r) {
        r.r1 = call();
    }

    @Actor
    public void secondCall(III_Result r) {
        r.r2 = call();
    }

    @Actor
    public void closer(III_Result r) {
        r.r3 = gate.close() ? 1 : 0;
        resource = 0;
    }

    private int call() {
        if (!gate.enter()) {
            return -1;
        }
        try {
            return resource;
        } finally {
            gate.leave();
        }
    }
}
