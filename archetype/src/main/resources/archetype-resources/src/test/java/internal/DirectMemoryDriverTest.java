package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HandleIssuer;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.testkit.MemoryDriverContract;

/** The memory HAL contract (the test kit's jqwik property), and the handles as the API expects them. */
class DirectMemoryDriverTest implements MemoryDriverContract {

    @Override
    public MemoryDriver newMemoryDriver() {
        DirectMemoryDriver driver = new DirectMemoryDriver();
        driver.initialize().orElseThrow();
        return driver;
    }

    @Test
    void aHandleNamesTheDriverThatIssuedIt() {
        MemoryAllocation allocation = newMemoryDriver().allocate(AllocationRequest.of(64)).orElseThrow();
        assertTrue(HandleIssuer.issuerName(allocation.handle()).startsWith(DirectMemoryDriver.NAME + "#"));
    }

    @Test
    void anotherDriversHandleIsRefusedAndChangesNothing() {
        MemoryDriver mine = newMemoryDriver();
        MemoryDriver other = newMemoryDriver();
        MemoryAllocation theirs = other.allocate(AllocationRequest.of(64)).orElseThrow();
        HalError refused = mine.deallocate(theirs.handle()).errorOrNull();
        assertEquals(ErrorCategory.INVALID_PARAMETER, refused.category());
        assertEquals(HandleIssuer.FOREIGN_HANDLE, refused.code());
        assertTrue(other.isValid(theirs.handle()));
    }

    @Test
    void aReleasedHandleIsNotFound() {
        MemoryDriver memory = newMemoryDriver();
        MemoryAllocation allocation = memory.allocate(AllocationRequest.of(64)).orElseThrow();
        memory.deallocate(allocation.handle()).orElseThrow();
        assertEquals(ErrorCategory.NOT_FOUND, memory.deallocate(allocation.handle()).errorOrNull().category());
        assertFalse(memory.isValid(allocation.handle()));
    }

    @Test
    void theDriverRunsOutOfMemoryAtItsCapacity() {
        MemoryDriver memory = newMemoryDriver();
        memory.allocate(AllocationRequest.of(DirectMemoryDriver.CAPACITY)).orElseThrow();
        assertEquals(ErrorCategory.OUT_OF_MEMORY, memory.allocate(AllocationRequest.of(8)).errorOrNull().category());
    }
}
