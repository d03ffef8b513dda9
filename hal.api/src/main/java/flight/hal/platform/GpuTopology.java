package flight.hal.platform;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;

/**
 * Which GPUs there are, the storage ranges closest to each, and the GPU the calling thread works for. A HAL
 * interface: topologies are ranked drivers (configured or detected on the host, a vendor's library elsewhere) and the
 * registry selects the best available one.
 *
 * @since 2.0
 */
@ProviderType
public interface GpuTopology extends HalDriver {

    /** Every GPU with its range, in GPU order; empty on a machine without GPUs. */
    List<GpuRange> ranges();

    /**
     * Binds the calling thread to GPU {@code gpuId} until the binding is closed
     * ({@code hn4_hal_get_calling_gpu_id} then answers it).
     *
     * @return the binding, or a {@code NOT_FOUND} error for a GPU the topology does not have
     */
    HalResult<GpuBinding> bind(int gpuId);

    /** The GPU the calling thread is bound to, if any. */
    OptionalInt callingGpu();

    /** The range of the calling thread's GPU, if it is bound to one. */
    default Optional<GpuRange> callingRange() {
        OptionalInt gpu = callingGpu();
        return gpu.isEmpty() ? Optional.empty()
                : ranges().stream().filter(range -> range.gpuId() == gpu.getAsInt()).findFirst();
    }
}
