package flight.hal.driver.storage.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The gate of a device's synchronous path: a call uses a resource (a plain field, as the device's files are to the
 * calls) while another actor closes the gate and then closes the resource. A call the gate admitted must find the
 * resource open, however the close interleaves; a call that comes too late is refused, and so is every call after.
 *
 * <p>Results: what the call found (1 open, 0 closed, -1 refused), whether the close was the first (1), then what a
 * call after both found.
 */
@JCStressTest
@Outcome(id = {"1, 1, -1", "-1, 1, -1"}, expect = Expect.ACCEPTABLE,
        desc = "the call used the open resource or was refused; the gate stays closed")
@Outcome(expect = Expect.FORBIDDEN, desc = "an admitted call found the resource closed, the close did not close,"
        + " or a call was admitted after it")
@State
public class CallGateStress {
    private final CallGate gate = new CallGate();
    private int resource = 1;

    @Actor
    public void caller(III_Result r) {
        r.r1 = call();
    }

    @Actor
    public void closer(III_Result r) {
        r.r2 = gate.close() ? 1 : 0;
        resource = 0;
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = call();
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
