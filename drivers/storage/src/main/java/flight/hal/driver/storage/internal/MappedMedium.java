package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.StorageErrors;

/**
 * An NVM device's bytes: the whole file mapped into memory. Writes land in the mapping; {@link #force} is
 * {@link MappedByteBuffer#force(int, int)} of exactly the range. The mapping is synchronous (JEP 352's
 * {@code ExtendedMapMode.READ_WRITE_SYNC}, MAP_SYNC) where the file system is DAX; elsewhere it is a plain shared
 * mapping whose forced ranges are written back by msync.
 */
final class MappedMedium implements Medium {
    private static final Logger LOG = LoggerFactory.getLogger(MappedMedium.class);

    private final BackingFile file;
    private final MappedByteBuffer mapping;
    private final boolean synchronous;
    private final String description;

    private MappedMedium(BackingFile file, MappedByteBuffer mapping, boolean synchronous, String description) {
        this.file = file;
        this.mapping = mapping;
        this.synchronous = synchronous;
        this.description = description;
    }

    /** Opens and maps the configured file, synchronously where the file system allows it. */
    static HalResult<Medium> open(DeviceConfig config) {
        long bytes = config.capacityBytes();
        return BackingFile.open(config.path(), bytes).flatMap(file -> {
            try {
                HalResult<MappedByteBuffer> sync = mapSynchronously(file.channel, bytes);
                if (sync.isOk()) {
                    return HalResult.ok(new MappedMedium(file, sync.orElseThrow(), true,
                            "mapped with MAP_SYNC (JEP 352 READ_WRITE_SYNC): persist is a cache flush"));
                }
                LOG.info("device {}: {}; persisting through msync", config.name(), sync.errorOrNull().message());
                return HalResult.ok(new MappedMedium(file, file.channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes),
                        false, "mapped READ_WRITE, persist by msync (" + sync.errorOrNull().message() + ")"));
            } catch (IOException | RuntimeException e) {
                BackingFile.closeQuietly(file);
                return HalResult.err(new HalError(ErrorCategory.IO_ERROR, StorageErrors.MAP_FAILED,
                        "cannot map " + config.path() + " (" + bytes + " bytes): " + e));
            }
        });
    }

    private static HalResult<MappedByteBuffer> mapSynchronously(FileChannel channel, long bytes) {
        FileChannel.MapMode mode;
        try {
            mode = jdk.nio.mapmode.ExtendedMapMode.READ_WRITE_SYNC;
        } catch (LinkageError e) {
            return HalResult.err(HalError.unsupportedCapability("MAP_SYNC unavailable: jdk.nio.mapmode is not "
                    + "visible here (" + e + ")"));
        }
        try {
            return HalResult.ok(channel.map(mode, 0, bytes));
        } catch (IOException | UnsupportedOperationException e) {
            return HalResult.err(HalError.unsupportedCapability("MAP_SYNC refused, the file system is not DAX: " + e));
        }
    }

    /** The whole mapping, for direct byte access; its position and limit belong to the caller. */
    ByteBuffer view() {
        return mapping.duplicate().clear();
    }

    @Override
    public void read(long offset, ByteBuffer into) {
        into.put(mapping.slice((int) offset, into.remaining()));
    }

    @Override
    public void write(long offset, ByteBuffer from) {
        mapping.slice((int) offset, from.remaining()).put(from);
    }

    @Override
    public void force(long offset, long length) {
        mapping.force((int) offset, (int) length);
    }

    @Override
    public int storeBlockSize() {
        return file.storeBlockSize;
    }

    @Override
    public Set<DeviceFeature> features() {
        return synchronous ? Set.of(DeviceFeature.SYNCHRONOUS_MAPPING) : Set.of();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
