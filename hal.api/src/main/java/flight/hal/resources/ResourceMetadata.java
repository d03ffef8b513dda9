package flight.hal.resources;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.PowerOfTwo;

/**
 * What a caller acquires. The record accepts any numbers; the manager judges them with {@link #check()} and answers
 * out-of-range values with an error result.
 *
 * @param type           the budget it is charged to
 * @param sizeBytes      bytes charged to the budget
 * @param alignmentBytes required alignment in bytes (a power of two)
 * @param accessPattern  how it will be accessed
 * @param priority       {@link ResourcePriority#CRITICAL} may use the budget's reserve
 * @param flags          what it is for; {@link ResourceFlags#SHAREABLE} is needed to share it
 */
public record ResourceMetadata(ResourceType type, long sizeBytes, int alignmentBytes, AccessPattern accessPattern,
                               ResourcePriority priority, Set<ResourceFlags> flags) {

    /** The alignment of {@link #of(ResourceType, long)}. */
    public static final int DEFAULT_ALIGNMENT = 8;

    public ResourceMetadata {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accessPattern, "accessPattern");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(flags, "flags");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** {@code sizeBytes} of {@code type}, 8-byte aligned, read-write, normal priority, no flags. */
    public static ResourceMetadata of(ResourceType type, long sizeBytes) {
        return new ResourceMetadata(type, sizeBytes, DEFAULT_ALIGNMENT, AccessPattern.READ_WRITE,
                ResourcePriority.NORMAL, Set.of());
    }

    public ResourceMetadata withPriority(ResourcePriority newPriority) {
        return new ResourceMetadata(type, sizeBytes, alignmentBytes, accessPattern, newPriority, flags);
    }

    public ResourceMetadata withFlags(ResourceFlags... newFlags) {
        return new ResourceMetadata(type, sizeBytes, alignmentBytes, accessPattern, priority, Set.of(newFlags));
    }

    public ResourceMetadata withAlignment(int newAlignment) {
        return new ResourceMetadata(type, sizeBytes, newAlignment, accessPattern, priority, flags);
    }

    public ResourceMetadata withAccessPattern(AccessPattern newPattern) {
        return new ResourceMetadata(type, sizeBytes, alignmentBytes, newPattern, priority, flags);
    }

    /** Whether the metadata carries {@code flag}. */
    public boolean has(ResourceFlags flag) {
        return flags.contains(flag);
    }

    /** Success, or an {@code INVALID_PARAMETER} error naming a size that is not positive or a bad alignment. */
    public HalResult<Void> check() {
        if (sizeBytes <= 0) {
            return HalResult.err(HalError.invalidParameter(type + " resource size must be positive, was " + sizeBytes));
        }
        if (!PowerOfTwo.is(alignmentBytes)) {
            return HalResult.err(HalError.invalidParameter(
                    "alignment must be a positive power of two, was " + alignmentBytes));
        }
        return HalResult.ok();
    }
}
