package flight.hal.memory;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how a {@link MemoryDriver#defragment(DefragmentationCallback) defragmentation} progresses. */
@ConsumerType
@FunctionalInterface
public interface DefragmentationCallback {

    /** {@code bytesMoved} of {@code bytesToMove} have been compacted so far. */
    void progress(long bytesMoved, long bytesToMove);
}
