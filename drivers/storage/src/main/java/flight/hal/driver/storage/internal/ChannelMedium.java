package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalResult;
import flight.hal.storage.DeviceFeature;

/**
 * A device's bytes in a file, through positional {@link FileChannel} I/O: through the page cache, or around it
 * (O_DIRECT) when configured and allowed. Forcing uses {@link FileChannel#force(boolean)}, which reaches the disk.
 */
final class ChannelMedium implements Medium {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelMedium.class);

    private final BackingFile file;
    private final FileChannel io;
    /** The alignment direct I/O needs; 0 when going through the page cache. */
    private final int directAlignment;
    private final String description;
    /** Per I/O thread, an aligned buffer for transfers whose own buffer does not suit direct I/O. */
    private final ThreadLocal<ByteBuffer> bounce = new ThreadLocal<>();

    private ChannelMedium(BackingFile file, FileChannel io, int directAlignment, String description) {
        this.file = file;
        this.io = io;
        this.directAlignment = directAlignment;
        this.description = description;
    }

    /** Opens the configured file, with direct I/O when configured and possible. */
    static HalResult<Medium> open(DeviceConfig config) {
        return BackingFile.open(config.path(), config.capacityBytes()).map(file -> {
            if (!config.directIo()) {
                return new ChannelMedium(file, file.channel, 0, "FileChannel through the page cache");
            }
            HalResult<FileChannel> direct = DirectIo.open(file, config.blockSize());
            if (direct.isErr()) {
                LOG.warn("device {}: {}; using the page cache", config.name(), direct.errorOrNull().message());
                return new ChannelMedium(file, file.channel, 0,
                        "FileChannel through the page cache (" + direct.errorOrNull().message() + ")");
            }
            return new ChannelMedium(file, direct.orElseThrow(), file.storeBlockSize,
                    "FileChannel with O_DIRECT, aligned to the file store's " + file.storeBlockSize + "-byte blocks");
        });
    }

    @Override
    public void read(long offset, ByteBuffer into) throws IOException {
        if (needsBounce(into)) {
            ByteBuffer aligned = alignedBuffer(into.remaining());
            read(offset, aligned);
            into.put(aligned.flip());
            return;
        }
        long position = offset;
        while (into.hasRemaining()) {
            int read = io.read(into, position);
            if (read < 0) {
                into.put(ByteBuffer.allocate(into.remaining()));
                return;
            }
            position += read;
        }
    }

    @Override
    public void write(long offset, ByteBuffer from) throws IOException {
        if (needsBounce(from)) {
            write(offset, alignedBuffer(from.remaining()).put(from).flip());
            return;
        }
        long position = offset;
        while (from.hasRemaining()) {
            position += io.write(from, position);
        }
    }

    /**
     * Direct I/O needs aligned direct memory. Heap buffers are copied too: the JDK's own copy of them through an
     * aligned temporary buffer fails on JDK 17 (a NullPointerException when it frees that buffer).
     */
    private boolean needsBounce(ByteBuffer buffer) {
        return directAlignment > 0
                && (!buffer.isDirect() || buffer.alignmentOffset(buffer.position(), directAlignment) != 0);
    }

    /** This thread's aligned buffer, grown to at least {@code length} bytes, with exactly {@code length} remaining. */
    private ByteBuffer alignedBuffer(int length) {
        ByteBuffer buffer = bounce.get();
        if (buffer == null || buffer.capacity() < length) {
            buffer = ByteBuffer.allocateDirect(length + directAlignment).alignedSlice(directAlignment);
            bounce.set(buffer);
        }
        return buffer.clear().limit(length);
    }

    @Override
    public void force(long offset, long length) throws IOException {
        io.force(false);
    }

    @Override
    public int storeBlockSize() {
        return file.storeBlockSize;
    }

    @Override
    public Set<DeviceFeature> features() {
        return directAlignment > 0 ? Set.of(DeviceFeature.DIRECT_IO) : Set.of();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        try {
            if (io != file.channel) {
                io.close();
            }
        } finally {
            file.close();
        }
    }
}
