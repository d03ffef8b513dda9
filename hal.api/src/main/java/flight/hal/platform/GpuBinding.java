package flight.hal.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling thread's binding to a GPU, for the scope of a try-with-resources block. Closing it restores the
 * thread's previous binding; bindings nest.
 */
@ProviderType
public interface GpuBinding extends AutoCloseable {

    /** The GPU the thread is bound to. */
    int gpuId();

    @Override
    void close();
}
