package flight.hal.resources.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;

/**
 * Reserving 4 KiB and releasing it, at 1 and at 2 threads (both threads charging the same bundle, as one bundle's
 * threads do):
 * <ul>
 * <li>{@code ledger}: the project's whole accounting path, {@code Ledger.reserve} (non-blocking) then
 * {@code Ledger.release}, with a budget on the bundle and one on the type, limits far enough away that pressure levels
 * exist but none is crossed: both budgets, usage, peak, counts, overruns and the pressure check;</li>
 * <li>{@code budgetCounter}: the project's budget counter alone, one limit, no stats;</li>
 * <li>the peers: {@code atomicLong} ({@code getAndAdd} up then down, no limit), {@code casLoop} (a compare-and-set
 * loop that checks a limit, then a subtraction) and {@code longAdder} (add, then add the negative; no limit).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BudgetBenchmark {
    static final long BYTES = 4096;
    static final long TYPE_LIMIT = 1L << 40;
    static final long BUNDLE_LIMIT = 1L << 36;

    @Param({"ledger", "budgetCounter", "atomicLong", "casLoop", "longAdder"})
    public String accounting;

    private Budget budget;

    /** A reservation and its release. */
    interface Budget {
        boolean reserve();

        void release();
    }

    @Setup
    public void makeBudget() {
        budget = switch (accounting) {
            case "ledger" -> ledger();
            case "budgetCounter" -> budgetCounter();
            case "atomicLong" -> atomicLong();
            case "casLoop" -> casLoop();
            case "longAdder" -> longAdder();
            default -> throw new IllegalArgumentException("unknown accounting " + accounting);
        };
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread() {
        return reserveAndRelease();
    }

    @Benchmark
    @Threads(2)
    public boolean twoThreads() {
        return reserveAndRelease();
    }

    private boolean reserveAndRelease() {
        boolean reserved = budget.reserve();
        budget.release();
        return reserved;
    }

    private static Budget ledger() {
        Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
        Budgets budgets = new Budgets(ledger);
        BundleAccount owner = new BundleAccount(1, "benchmark");
        budgets.open(owner);
        budgets.set(ResourceType.MEMORY, ResourceBudget.of(TYPE_LIMIT, 0));
        budgets.setForBundle("benchmark", ResourceType.MEMORY, ResourceBudget.of(BUNDLE_LIMIT, 0));
        ResourceMetadata metadata = ResourceMetadata.of(ResourceType.MEMORY, BYTES);
        return new Budget() {
            @Override
            public boolean reserve() {
                return ledger.reserve(owner, "benchmark", metadata, AcquisitionMode.NON_BLOCKING).isOk();
            }

            @Override
            public void release() {
                ledger.release(owner, ResourceType.MEMORY, BYTES);
            }
        };
    }

    private static Budget budgetCounter() {
        BudgetCounter counter = new BudgetCounter();
        return new Budget() {
            @Override
            public boolean reserve() {
                return counter.tryAdd(BYTES, TYPE_LIMIT);
            }

            @Override
            public void release() {
                counter.subtract(BYTES);
            }
        };
    }

    private static Budget atomicLong() {
        AtomicLong used = new AtomicLong();
        return new Budget() {
            @Override
            public boolean reserve() {
                return used.getAndAdd(BYTES) >= 0;
            }

            @Override
            public void release() {
                used.getAndAdd(-BYTES);
            }
        };
    }

    private static Budget casLoop() {
        AtomicLong used = new AtomicLong();
        return new Budget() {
            @Override
            public boolean reserve() {
                long now;
                do {
                    now = used.get();
                    if (BYTES > TYPE_LIMIT - now) {
                        return false;
                    }
                } while (!used.compareAndSet(now, now + BYTES));
                return true;
            }

            @Override
            public void release() {
                used.getAndAdd(-BYTES);
            }
        };
    }

    private static Budget longAdder() {
        LongAdder used = new LongAdder();
        return new Budget() {
            @Override
            public boolean reserve() {
                used.add(BYTES);
                return true;
            }

            @Override
            public void release() {
                used.add(-BYTES);
            }
        };
    }
}
