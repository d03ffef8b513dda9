package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/** Architecture-agnostic synchronization: spinlocks and memory fences ({@code atomic_thread_fence}). */
@ProviderType
public interface CpuPrimitives {

    /** A new, unlocked spinlock. */
    SpinLock newSpinLock();

    /** Orders all loads and stores before the fence against all after it ({@code mfence}, {@code dmb ish}). */
    void fullFence();

    /** Loads before the fence are not reordered with loads and stores after it. */
    void acquireFence();

    /** Loads and stores before the fence are not reordered with stores after it. */
    void releaseFence();
}
