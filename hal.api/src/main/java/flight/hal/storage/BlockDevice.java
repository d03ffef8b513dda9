package flight.hal.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.NonExclusive;

/**
 * The storage HAL interface: a block device. Devices are HAL drivers, registered with
 * {@code hal.interface=flight.hal.storage.BlockDevice}, each under its own {@code hal.driver.name}. Devices do not
 * compete ({@link NonExclusive}): every configured device is usable by name at the same time, and the registry ranks
 * them only for a consumer that asks for a role, such as the best zoned device
 * ({@code registry.handle(BlockDevice.class, Set.of(HalCapability.ZONED))}). A device reports
 * {@link flight.hal.HalCapability#ZONED} when it is zoned, {@code MEMORY_MAPPING} when it is NVM and {@code DMA} when
 * its transfers bypass the page cache.
 *
 * <p>{@link #submit(IoRequest)} is the asynchronous path; the other I/O methods are synchronous and answer as a
 * submitted request would (the same checks, errors and counters), though a device may run them on the caller's thread.
 * Every rejected input (misaligned, out of range, too large, a write off a zone's write pointer, a full queue) is an
 * error result with nothing transferred; none throws.
 */
@ProviderType
@NonExclusive
public interface BlockDevice extends HalDriver {

    /** Geometry and features. */
    DeviceCapabilities deviceCapabilities();

    /**
     * Queues {@code request}. The stage always completes, normally, with the result or the error; it is never
     * completed exceptionally. When the submission queue is full the stage completes at once with an
     * {@code INSUFFICIENT_RESOURCES} error (code {@code io.queue_full}): the caller should back off and retry.
     * Completion callbacks run on the device's I/O threads: do not wait there for other requests of the same device.
     *
     * <p>Error codes ({@link StorageErrors}): {@value StorageErrors#MISALIGNED}, {@value StorageErrors#OUT_OF_RANGE},
     * {@value StorageErrors#TOO_LARGE}, {@value StorageErrors#EMPTY}, {@value StorageErrors#NO_BUFFER},
     * {@value StorageErrors#READ_ONLY_BUFFER}, {@value StorageErrors#QUEUE_FULL}, {@value StorageErrors#IO_FAILED},
     * {@value StorageErrors#DEVICE_CLOSED}; on zoned devices also {@value StorageErrors#NOT_WRITE_POINTER},
     * {@value StorageErrors#ZONE_BOUNDARY}, {@value StorageErrors#ZONE_FULL}, {@value StorageErrors#ZONE_INVALID_START},
     * {@value StorageErrors#INVALID_TRANSITION}, {@value StorageErrors#ZONE_READ_ONLY},
     * {@value StorageErrors#ZONE_OFFLINE}, {@value StorageErrors#ZONE_METADATA}; zone operations on other devices
     * {@value StorageErrors#NOT_ZONED}.
     */
    CompletionStage<HalResult<IoResult>> submit(IoRequest request);

    /** Submits {@code request} and waits for its result. */
    default HalResult<IoResult> execute(IoRequest request) {
        return submit(request).toCompletableFuture().join();
    }

    /** Reads {@code into.remaining()} bytes starting at block {@code lba}. */
    default HalResult<IoResult> read(long lba, ByteBuffer into) {
        return execute(IoRequest.read(lba, into));
    }

    /** Writes {@code from.remaining()} bytes starting at block {@code lba}. */
    default HalResult<IoResult> write(long lba, ByteBuffer from) {
        return execute(IoRequest.write(lba, from));
    }

    /** Makes everything written before stable. */
    default HalResult<IoResult> flush() {
        return execute(IoRequest.flush());
    }

    /** Appends to the zone starting at {@code zoneStartLba}; the result's LBA is where the data went. */
    default HalResult<IoResult> zoneAppend(long zoneStartLba, ByteBuffer from) {
        return execute(IoRequest.zoneAppend(zoneStartLba, from));
    }

    /**
     * The safety chunker ({@code sync_io_large}): a READ or WRITE of any length, split into transfers of at most the
     * maximum transfer size (never below one block), yielding between them. The whole request is checked before any
     * block is transferred. If one transfer fails, the error (code {@code io.partial}) says exactly how many bytes
     * were transferred before it.
     *
     * <p>Error codes: those of {@link #submit}, {@value StorageErrors#CHUNK_TOO_SMALL} and
     * {@value StorageErrors#PARTIAL}.
     */
    HalResult<IoResult> transferLarge(IoRequest request);

    /**
     * The zones of a zoned device; an {@code UNSUPPORTED_CAPABILITY} error ({@value StorageErrors#NOT_ZONED}) for
     * other devices, {@value StorageErrors#DEVICE_CLOSED} once closed.
     */
    HalResult<List<ZoneInfo>> reportZones();

    /**
     * Takes an empty zone and opens it explicitly, from the LBA range of the calling thread's GPU (see
     * {@link flight.hal.platform.GpuTopology}) when the thread is bound to one and such a zone is empty, else the
     * first empty zone.
     *
     * <p>Error codes: {@value StorageErrors#NONE_EMPTY}, {@value StorageErrors#NOT_ZONED},
     * {@value StorageErrors#ZONE_METADATA}, {@value StorageErrors#DEVICE_CLOSED}.
     */
    HalResult<ZoneInfo> allocateZone();

    /**
     * NVM persistence barrier ({@code hn4_hal_nvm_persist}): forces bytes {@code [byteOffset, byteOffset + length)}
     * of an NVM device's mapping to the medium. An {@code UNSUPPORTED_CAPABILITY} error for other devices.
     *
     * <p>Error codes: {@value StorageErrors#NVM_OUT_OF_RANGE}, {@value StorageErrors#IO_FAILED},
     * {@value StorageErrors#DEVICE_CLOSED}.
     */
    HalResult<Void> persist(long byteOffset, long length);

    /**
     * The byte-addressable mapping of an NVM device (direct access): a buffer over the whole device whose writes reach
     * the medium when {@link #persist(long, long)} covers them. An {@code UNSUPPORTED_CAPABILITY} error for other
     * devices, {@value StorageErrors#DEVICE_CLOSED} once closed.
     */
    HalResult<ByteBuffer> mapping();

    /** Counters since the device was opened. */
    DeviceStats stats();
}
