package flight.hal.driver.host.internal.memory;

import static flight.hal.driver.host.internal.memory.Drivers.category;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;

class HostMemoryDriverAllocationTest {

    private final HostMemoryDriver driver = Drivers.initialized();

    private static AllocationRequest request(long size, int alignment) {
        return new AllocationRequest(size, alignment, Set.of(), MemoryType.SYSTEM);
    }

    private MemoryAllocation allocate(long size) {
        return driver.allocate(AllocationRequest.of(size)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 64, 4096, 65536})
    void allocationsAreAlignedExactlySizedAndUsable(int alignment) {
        for (int size : new int[] {2, 100, 4097, 70_000}) {
            MemoryAllocation allocation = driver.allocate(request(size, alignment)).orElseThrow();
            ByteBuffer buffer = allocation.buffer();
            assertTrue(buffer.isDirect());
            assertEquals(0, buffer.alignmentOffset(0, alignment), "alignment " + alignment + ", size " + size);
            assertEquals(size, buffer.capacity());
            assertEquals(size, allocation.size());
            assertEquals(alignment, allocation.alignment());
            buffer.put(0, (byte) 0x5A).put(size - 1, (byte) 0x7E);
            assertEquals(0x5A, buffer.get(0));
            assertEquals(0x7E, buffer.get(size - 1));
        }
        ByteBuffer single = driver.allocate(request(1, alignment)).orElseThrow().buffer();
        assertEquals(0, single.alignmentOffset(0, alignment));
        assertEquals(1, single.capacity());
    }

    @Test
    void zeroInitializedMemoryReadsZeros() {
        MemoryAllocation allocation =
                driver.allocate(request(10_000, 64).withFlags(MemoryFlag.ZERO_INITIALIZED)).orElseThrow();
        ByteBuffer buffer = allocation.buffer();
        for (int i = 0; i < buffer.capacity(); i++) {
            assertEquals(0, buffer.get(i), "byte " + i);
        }
        assertEquals(Set.of(MemoryFlag.ZERO_INITIALIZED), allocation.flags());
    }

    @Test
    void handlesAreUniqueAndNeverZero() {
        long first = allocate(16).handle();
        long second = allocate(16).handle();
        assertTrue(first != 0 && second != 0 && first != second);
    }

    @Test
    void badSizesAndAlignmentsAreRefused() {
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(request(0, 8))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(request(-5, 8))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(request(64, 24))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(request(64, 0))));
        assertEquals(ErrorCategory.INVALID_PARAMETER,
                category(driver.allocate(request(64, HostMemoryDriver.MAX_ALIGNMENT * 2))));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                category(driver.allocate(request(driver.maxAllocationSize() + 1, 8))));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(driver.allocate(request(Long.MAX_VALUE, 8))));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocate(null)));
    }

    @Test
    void alignmentSupportMatchesTheLimit() {
        assertTrue(driver.supportsAlignment(1));
        assertTrue(driver.supportsAlignment(HostMemoryDriver.MAX_ALIGNMENT));
        assertFalse(driver.supportsAlignment(HostMemoryDriver.MAX_ALIGNMENT * 2));
        assertFalse(driver.supportsAlignment(12));
        assertFalse(driver.supportsAlignment(0));
        assertTrue(driver.maxAllocationSize() <= Integer.MAX_VALUE - HostMemoryDriver.MAX_ALIGNMENT);
        assertTrue(driver.maxAllocationSize() <= Runtime.getRuntime().maxMemory());
    }

    @ParameterizedTest
    @EnumSource(value = MemoryFlag.class, names = {"EXECUTABLE", "UNCACHED", "GPU_VISIBLE"})
    void flagsTheJvmCannotHonourAreRefused(MemoryFlag flag) {
        HalResult<MemoryAllocation> result = driver.allocate(request(64, 8).withFlags(flag, MemoryFlag.CACHEABLE));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(result));
        assertTrue(result.errorOrNull().message().contains(flag.name()));
    }

    @ParameterizedTest
    @EnumSource(value = MemoryType.class, names = {"VIDEO", "SCRATCH", "MEDIA"})
    void typesTheHostLacksAreRefused(MemoryType type) {
        HalResult<MemoryAllocation> result = driver.allocate(request(64, 8).withType(type));
        assertEquals(ErrorCategory.UNSUPPORTED_CAPABILITY, category(result));
        assertTrue(result.errorOrNull().message().contains(type.name()));
        assertFalse(driver.supportsMemoryType(type));
    }

    @ParameterizedTest
    @EnumSource(value = MemoryType.class, names = {"SYSTEM", "AUDIO", "NETWORK", "SHARED"})
    void plainRamTypesAreServed(MemoryType type) {
        assertTrue(driver.supportsMemoryType(type));
        assertEquals(type, driver.allocate(request(64, 8).withType(type)).orElseThrow().type());
    }

    @Test
    void exhaustedDirectMemoryIsAnOutOfMemoryError() {
        // surefire runs with -XX:MaxDirectMemorySize=64m; the driver's own limit follows the (larger) heap
        long size = 256L * 1024 * 1024;
        assumeTrue(driver.maxAllocationSize() >= size, "the JVM's memory limit is too small for this test");
        HalResult<MemoryAllocation> result = driver.allocate(request(size, 8));
        assertEquals(ErrorCategory.OUT_OF_MEMORY, category(result));
        assertTrue(result.errorOrNull().message().contains(Long.toString(size)));
        assertEquals(0, driver.stats().orElseThrow().activeAllocations());
    }

    @Test
    void deallocationIsOnceOnly() {
        long handle = allocate(128).handle();
        assertTrue(driver.isValid(handle));
        assertTrue(driver.deallocate(handle).isOk());
        assertFalse(driver.isValid(handle));
        HalResult<Void> again = driver.deallocate(handle);
        assertEquals(ErrorCategory.NOT_FOUND, category(again));
        assertTrue(again.errorOrNull().message().contains("already released"));
        HalResult<Void> foreign = driver.deallocate(987_654_321L); // issuer 0: no issuer of this framework
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(foreign));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, foreign.errorOrNull().code());
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.deallocate(0)));
        assertFalse(driver.isValid(0));
    }

    @Test
    void allocationInfoDescribesLiveAllocationsOnly() {
        MemoryAllocation allocation = allocate(256);
        assertEquals(allocation, driver.allocationInfo(allocation.handle()).orElseThrow());
        driver.deallocate(allocation.handle());
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.allocationInfo(allocation.handle())));
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.allocationInfo(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 50})
    void reallocationKeepsTheContents(int newSize) {
        MemoryAllocation old = driver.allocate(request(200, 64).withType(MemoryType.AUDIO)).orElseThrow();
        for (int i = 0; i < 200; i++) {
            old.buffer().put(i, (byte) i);
        }
        MemoryAllocation resized = driver.reallocate(old.handle(), newSize).orElseThrow();
        assertEquals(newSize, resized.buffer().capacity());
        assertEquals(0, resized.buffer().alignmentOffset(0, 64));
        assertEquals(MemoryType.AUDIO, resized.type());
        for (int i = 0; i < Math.min(200, newSize); i++) {
            assertEquals((byte) i, resized.buffer().get(i), "byte " + i);
        }
        assertFalse(driver.isValid(old.handle()));
        assertTrue(driver.isValid(resized.handle()));
        assertEquals(newSize, driver.stats().orElseThrow().usedBytes());
    }

    @Test
    void failedReallocationLeavesTheOldAllocationAlone() {
        MemoryAllocation old = allocate(64);
        old.buffer().put(3, (byte) 42);
        assertEquals(ErrorCategory.INVALID_PARAMETER, category(driver.reallocate(old.handle(), 0)));
        assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES, category(driver.reallocate(old.handle(), Long.MAX_VALUE)));
        assertEquals(ErrorCategory.NOT_FOUND, category(driver.reallocate(old.handle() + 1000, 10)));
        assertTrue(driver.isValid(old.handle()));
        assertEquals(42, driver.allocationInfo(old.handle()).orElseThrow().buffer().get(3));
        assertEquals(64, driver.stats().orElseThrow().usedBytes());
        assertEquals(1, driver.stats().orElseThrow().totalAllocations());
    }

    /** Regression (found by the memory contract's properties): the copy honoured the caller's limit and threw. */
    @Test
    void reallocationCopiesWhateverTheCallerDidToThePositionAndLimit() {
        MemoryAllocation old = allocate(64);
        old.buffer().put(63, (byte) 7).position(10).limit(20);
        MemoryAllocation grown = driver.reallocate(old.handle(), 128).orElseThrow();
        assertEquals(7, grown.buffer().get(63));
        assertEquals(20, old.buffer().limit(), "the caller's limit stays where the caller put it");
        assertEquals(1, driver.stats().orElseThrow().activeAllocations());
    }
}
