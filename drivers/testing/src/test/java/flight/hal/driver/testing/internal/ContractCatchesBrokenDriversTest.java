package flight.hal.driver.testing.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/**
 * The memory contract is not vacuous: against a driver broken in one way, some generated chain of calls fails it.
 * Each break is one override of the heap test driver, which itself passes the contract; the hostile fixtures of the
 * compliance kit and the registry tests fail it too.
 */
class ContractCatchesBrokenDriversTest {
    private static final int CHAINS = 200;

    /** One way a driver breaks the contract. */
    enum Break {
        /** accepts an allocation of 0 bytes */
        ACCEPTS_ZERO_SIZE(() -> new TestMemoryDriver() {
            @Override
            public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
                return request != null && request.size() == 0 ? super.allocate(AllocationRequest.of(1))
                        : super.allocate(request);
            }
        }),
        /** throws for a null request instead of refusing it */
        THROWS_FOR_NULL(() -> new TestMemoryDriver() {
            @Override
            public HalResult<MemoryAllocation> allocate(AllocationRequest request) {
                return super.allocate(java.util.Objects.requireNonNull(request));
            }
        }),
        /** answers success to a release of a handle it does not hold */
        RELEASES_ANY_HANDLE(() -> new TestMemoryDriver() {
            @Override
            public HalResult<Void> deallocate(long handle) {
                HalResult<Void> released = super.deallocate(handle);
                return released.isErr() ? HalResult.ok() : released;
            }
        });

        private final Supplier<TestMemoryDriver> make;

        Break(Supplier<TestMemoryDriver> make) {
            this.make = make;
        }

        MemoryDriver initialized() {
            TestMemoryDriver driver = make.get();
            driver.configure(Map.of(HalDriver.NAME_PROPERTY, "broken.memory"));
            driver.initialize().orElseThrow();
            return driver;
        }
    }

    @ParameterizedTest
    @EnumSource(Break.class)
    void aBrokenDriverFailsTheMemoryContract(Break broken) {
        assertFails(broken::initialized, broken.name());
    }

    /** The hostile fixtures whose fault lies in a call the contract makes (a hang would hang the property). */
    @ParameterizedTest
    @EnumSource(value = HostileMemoryDriver.Fault.class, names = {"NULL_ALLOCATE", "THROW_STATS"})
    void aHostileDriverFailsTheMemoryContract(HostileMemoryDriver.Fault fault) {
        assertFails(() -> {
            HostileMemoryDriver driver = new HostileMemoryDriver();
            driver.configure(Map.of(HalDriver.NAME_PROPERTY, "hostile.memory", HostileMemoryDriver.FAULT,
                    fault.name()));
            driver.initialize().orElseThrow();
            return driver;
        }, fault.name());
    }

    private static void assertFails(MemoryDriverContract contract, String driver) {
        boolean caught = contract.memoryCalls().sampleStream().limit(CHAINS).anyMatch(chain -> {
            try {
                contract.memoryDriverKeepsItsContract(chain);
                return false;
            } catch (AssertionError | RuntimeException failed) {
                return true;
            }
        });
        assertTrue(caught, () -> driver + " passed " + CHAINS + " chains of the memory contract");
    }
}
