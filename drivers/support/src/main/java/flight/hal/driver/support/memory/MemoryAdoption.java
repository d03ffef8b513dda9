package flight.hal.driver.support.memory;

import java.util.List;
import java.util.function.Consumer;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryHandOver;

/**
 * The checks and errors every memory driver shares when it adopts another driver's allocations, all or none
 * ({@link flight.hal.ObjectOwner#adoptObjects}).
 *
 * @since 1.1
 */
public final class MemoryAdoption {

    private MemoryAdoption() {
    }

    /**
     * Null when there is something to adopt and no allocation is larger than {@code maxSize} bytes; else the error:
     * {@code INVALID_PARAMETER} for nothing, {@code INSUFFICIENT_RESOURCES} naming the first allocation too large.
     */
    public static HalError check(String driverName, MemoryHandOver objects, HandleIssuer from, long maxSize) {
        if (objects == null || from == null) {
            return HalError.invalidParameter(driverName + " cannot adopt " + objects + " from " + from);
        }
        for (MemoryAllocation allocation : objects.allocations()) {
            if (allocation.size() > maxSize) {
                return refused(driverName, allocation, from, HalError.insufficientResources(
                        "it exceeds the maximum single allocation of " + maxSize + " bytes"));
            }
        }
        return null;
    }

    /**
     * The adoption of a driver whose allocations need nothing but their own buffers (JVM memory, no partition behind
     * them): when {@link #check} passes, hands every allocation to {@code keep} and makes {@code from}'s handles
     * {@code adopter}'s.
     *
     * @return what was adopted, or the error of {@link #check} with nothing changed
     */
    public static HalResult<LiveObjects> adoptWithin(String driverName, long maxSize, MemoryHandOver objects,
                                                     HandleIssuer from, Consumer<List<MemoryAllocation>> keep,
                                                     HandleIssuer adopter) {
        HalError refused = check(driverName, objects, from, maxSize);
        if (refused != null) {
            return HalResult.err(refused);
        }
        keep.accept(objects.allocations());
        adopter.adopt(from);
        return HalResult.ok(objects.size());
    }

    /** The error of an adoption refused because of one allocation: {@code why}, naming it and its issuer. */
    public static HalError refused(String driverName, MemoryAllocation allocation, HandleIssuer from, HalError why) {
        return new HalError(why.category(), why.code(), driverName + " cannot adopt the " + allocation.size()
                + "-byte " + allocation.type() + " allocation " + allocation.handle() + " of " + from
                + ", so it adopts none: " + why.message());
    }
}
