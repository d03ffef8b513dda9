package flight.hal.driver.host.internal.memory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which stripe of a striped structure the calling thread uses. Threads are dealt stripes in turn when they first ask,
 * as Netty deals its arenas, so up to {@link #COUNT} threads each keep to their own cache lines whatever their ids.
 */
final class ThreadStripe {

    /** Stripes per structure: at least twice the processors, a power of two, at most 64. */
    static final int COUNT = Math.min(64, Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 4 - 1));

    private static final AtomicInteger DEALT = new AtomicInteger();
    /** A boxed {@code int} from the boot class path: the value keeps no bundle class loader alive. */
    private static final ThreadLocal<Integer> STRIPE = ThreadLocal.withInitial(DEALT::getAndIncrement);

    private ThreadStripe() {
    }

    /** The calling thread's stripe among {@link #COUNT}. */
    static int current() {
        return current(COUNT - 1);
    }

    /** The calling thread's stripe among {@code mask + 1}, a power of two. */
    static int current(int mask) {
        return STRIPE.get() & mask;
    }
}
