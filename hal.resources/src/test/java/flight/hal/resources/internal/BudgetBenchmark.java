package flight.hal.resources.internal;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import flight.hal.resources.AcquisitionMode;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceType;

/**
 * A budget reservation and its release: the lock-free counter alone ({@code cas}), the manager's whole accounting path
 * with a bundle's and a type's budget and the pressure check ({@code ledger}), and a counter guarded by
 * {@code synchronized} ({@code synchronized}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BudgetBenchmark {
    static final long LIMIT = 1L << 40;
    static final long BYTES = 64;

    @Param({"cas", "ledger", "synchronized"})
    public String budget;

    private Budget accounting;

    /** What the benchmark needs of a budget. */
    interface Budget {
        boolean reserve(long bytes);

        void release(long bytes);
    }

    @Setup
    public void makeBudget() {
        accounting = switch (budget) {
            case "cas" -> casBudget();
            case "ledger" -> ledgerBudget();
            case "synchronized" -> new SynchronizedBudget();
            default -> throw new IllegalArgumentException("unknown budget " + budget);
        };
    }

    @Benchmark
    public boolean reserveAndRelease() {
        boolean reserved = accounting.reserve(BYTES);
        accounting.release(BYTES);
        return reserved;
    }

    private static Budget casBudget() {
        BudgetCounter counter = new BudgetCounter();
        return new Budget() {
            @Override
            public boolean reserve(long bytes) {
                return counter.tryAdd(bytes, LIMIT);
            }

            @Override
            public void release(long bytes) {
                counter.subtract(bytes);
            }
        };
    }

    private static Budget ledgerBudget() {
        Ledger ledger = new Ledger(new Reclaimers(), (type, pressure, stats) -> { });
        Budgets budgets = new Budgets(ledger);
        BundleAccount owner = new BundleAccount(1, "benchmark");
        budgets.open(owner);
        budgets.set(ResourceType.MEMORY, ResourceBudget.of(LIMIT, 0));
        ResourceMetadata metadata = ResourceMetadata.of(ResourceType.MEMORY, BYTES);
        return new Budget() {
            @Override
            public boolean reserve(long bytes) {
                return ledger.reserve(owner, "benchmark", metadata, AcquisitionMode.NON_BLOCKING).isOk();
            }

            @Override
            public void release(long bytes) {
                ledger.release(owner, ResourceType.MEMORY, bytes);
            }
        };
    }

    /** The peer: the same check-then-add under a monitor. */
    static final class SynchronizedBudget implements Budget {
        private long used;

        @Override
        public synchronized boolean reserve(long bytes) {
            if (bytes > LIMIT - used) {
                return false;
            }
            used += bytes;
            return true;
        }

        @Override
        public synchronized void release(long bytes) {
            used -= bytes;
        }
    }
}
