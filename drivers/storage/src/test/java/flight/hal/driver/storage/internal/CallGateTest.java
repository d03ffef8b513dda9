package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CallGateTest {
    private final CallGate gate = new CallGate();

    @Test
    void admitsCallsUntilClosedAndThenRefusesThem() {
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        gate.leave();
        gate.leave();
        assertFalse(gate.isClosed());
        assertTrue(gate.close());
        assertTrue(gate.isClosed());
        assertFalse(gate.enter());
        assertFalse(gate.close(), "only the first close closes");
    }

    @Test
    void closeReturnsOnlyAfterTheCallsInsideHaveLeft() throws Exception {
        assertTrue(gate.enter());
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(gate::close);
        while (!gate.isClosed()) {
            Thread.onSpinWait(); // the closer has not begun yet
        }
        assertFalse(gate.enter(), "a call arriving while the gate closes is refused");
        assertFalse(closing.isDone(), "a call is still inside");
        gate.leave();
        assertTrue(closing.get(10, TimeUnit.SECONDS));
    }
}
