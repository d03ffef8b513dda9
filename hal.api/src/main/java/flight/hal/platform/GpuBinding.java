package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling thread's binding to a GPU, for the scope of a try-with-resources block. Bindings nest: the thread works
 * for the GPU of its innermost open binding. Closing a binding ends it, wherever it is in the nesting (closing an
 * outer one first leaves the inner one in force); closing it again does nothing.
 */
@ProviderType
public interface GpuBinding extends AutoCloseable {

    /** The GPU the thread is bound to. */
    int gpuId();

    /**
     * Ends the binding.
     *
     * @throws IllegalStateException when called by a thread other than the one that made the binding (a programming
     *                               error: bindings belong to their thread)
     */
    @Override
    void close();
}
