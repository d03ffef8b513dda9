package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.statistics.Statistics;

import flight.hal.platform.SpinLock;
import flight.hal.testkit.HalProperty;

/**
 * Sequences of lock, tryLock and unlock, by the holder and by another thread, against a one-bit model: a misuse (a
 * second lock by the holder, an unlock by a thread that does not hold it) throws the documented
 * {@link IllegalMonitorStateException} and leaves the lock as it was; nothing ever spins forever.
 */
class SpinLockPropertyTest {

    enum Step { LOCK, TRY_LOCK, UNLOCK, TRY_LOCK_ELSEWHERE, UNLOCK_ELSEWHERE }

    @HalProperty
    void spinLockFollowsItsModel(@ForAll("steps") List<Step> steps) {
        SpinLock lock = new HostCpuPrimitives().newSpinLock();
        boolean held = false;
        for (Step step : steps) {
            Statistics.label("spinlock calls").collect(step);
            boolean wasHeld = held;
            switch (step) {
                case LOCK -> {
                    if (wasHeld) {
                        assertThrows(IllegalMonitorStateException.class, lock::lock, "a second lock by the holder");
                    } else {
                        lock.lock();
                    }
                    held = true;
                }
                case TRY_LOCK -> {
                    assertEquals(!wasHeld, lock.tryLock(), "tryLock while " + (wasHeld ? "held" : "free"));
                    held = true;
                }
                case UNLOCK -> {
                    if (wasHeld) {
                        lock.unlock();
                    } else {
                        assertThrows(IllegalMonitorStateException.class, lock::unlock, "unlock of a free lock");
                    }
                    held = false;
                }
                case TRY_LOCK_ELSEWHERE -> assertEquals(!wasHeld, CompletableFuture.supplyAsync(() -> {
                    boolean taken = lock.tryLock();
                    if (taken) {
                        lock.unlock();
                    }
                    return taken;
                }).join(), "tryLock by another thread");
                case UNLOCK_ELSEWHERE -> assertEquals(IllegalMonitorStateException.class, CompletableFuture
                        .supplyAsync(() -> {
                            try {
                                lock.unlock();
                                return null;
                            } catch (IllegalMonitorStateException e) {
                                return e.getClass();
                            }
                        }).join(), "unlock by a thread that does not hold it");
            }
        }
        assertEquals(!held, lock.tryLock(), "the lock ends as the model says");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMaxSize(30);
    }
}
