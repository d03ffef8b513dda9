package flight.hal.compliance.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import flight.hal.compliance.Measurement;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/**
 * The PSP's dual-core coordination: one piece of work split across the driver's two cores (the main CPU and the Media
 * Engine) must run on both at once and give the right result.
 */
final class DualCore {
    private static final long WAIT_SECONDS = 20;
    /** The work: the sum of the squares of 0 to {@value} - 1, one half per core. */
    private static final long N = 1_000_000;

    private DualCore() {
    }

    static Outcome check(ThreadDriver threads, Sla sla) {
        ThreadingModel model = threads.threadingModel();
        if (model != ThreadingModel.DUAL_CORE) {
            if (sla.dualCore()) {
                return Outcome.fail("the " + sla.profile() + " requires dual-core coordination, but the driver's"
                        + " threading model is " + model + " with " + threads.workerCount() + " workers");
            }
            return Outcome.skip("the threading model is " + model + ", not DUAL_CORE: dual-core coordination is the"
                    + " PSP's level");
        }
        CyclicBarrier bothAtOnce = new CyclicBarrier(2);
        Set<String> cores = ConcurrentHashMap.newKeySet();
        long[] halves = new long[2];
        Expect.ok(threads.executeParallel(List.of(half(0, bothAtOnce, cores, halves),
                half(1, bothAtOnce, cores, halves))), "executeParallel(the two halves)");
        long sum = halves[0] + halves[1];
        long expected = (N - 1) * N / 2 * (2 * N - 1) / 3; // n(n+1)(2n+1)/6 for n = N - 1, without overflow
        Expect.that(sum == expected, "the halves add up to " + sum + ", the sum of squares is " + expected);
        return Outcome.measured(cores.size() == 2, "the sum of the squares below " + N + ", split in two halves: "
                + "both ran at once, on " + cores + ", and added up right",
                new Measurement(cores.size(), "cores", sla.dualCore() ? "= 2" : "", false));
    }

    /** Half {@code which} of the work: waits until the other half runs too, then adds up its squares. */
    private static Runnable half(int which, CyclicBarrier bothAtOnce, Set<String> cores, long[] halves) {
        return () -> {
            try {
                bothAtOnce.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the two halves did not run at once: " + e, e);
            }
            cores.add(Thread.currentThread().getName());
            long sum = 0;
            for (long i = which * N / 2; i < (which + 1) * N / 2; i++) {
                sum += i * i;
            }
            halves[which] = sum;
        };
    }
}
