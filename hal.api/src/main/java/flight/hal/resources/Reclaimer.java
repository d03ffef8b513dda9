package flight.hal.resources;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service asked to free resources when an acquisition does not fit its budget, before the acquisition
 * fails or waits. Reclaimers of the type (service property {@value ResourceManager#RESOURCE_TYPE_PROPERTY}; absent
 * means every type) are asked in order of {@code service.ranking}, highest first, until the missing bytes are freed.
 * A reclaimer runs on the acquiring thread and frees by closing resources it holds; one that throws is logged and
 * skipped.
 */
@ConsumerType
@FunctionalInterface
public interface Reclaimer {

    /**
     * Frees resources of {@code type}, ideally at least {@code requestedBytes}.
     *
     * @return the bytes freed
     */
    long reclaim(ResourceType type, long requestedBytes);
}
