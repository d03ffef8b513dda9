package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.StorageErrors;

/**
 * A device's backing file, created and grown to the device's size when needed and locked for the life of the device,
 * so that no second device (in this process or another) opens it at the same time.
 */
final class BackingFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(BackingFile.class);
    private static final int FALLBACK_STORE_BLOCK_SIZE = 512;

    final Path path;
    final FileChannel channel;
    /** The file store's block size: the physical block size, and the alignment direct I/O needs. */
    final int storeBlockSize;
    private final FileLock lock;

    private BackingFile(Path path, FileChannel channel, FileLock lock, int storeBlockSize) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.storeBlockSize = storeBlockSize;
    }

    /** Opens (creating it and its folder,
            growing it as needed) and locks the {@code bytes}-byte file at {@code path}. */
    static HalResult<BackingFile> open(Path path, long bytes) {
        FileChannel channel = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return HalResult.err(new HalError(ErrorCategory.INVALID_STATE, StorageErrors.DEVICE_LOCKED,
                        path + " is in use by another block device"));
            }
            long size = channel.size();
            if (size < bytes) {
                channel.write(ByteBuffer.allocate(1), bytes - 1);
            } else if (size > bytes) {
                LOG.warn("{} holds {} bytes; the device uses the first {}, the rest is left alone", path, size, bytes);
            }
            return HalResult.ok(new BackingFile(path, channel, lock, storeBlockSize(path)));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return HalResult.err(new HalError(ErrorCategory.IO_ERROR, StorageErrors.OPEN_FAILED,
                    "cannot open " + path + " as a " + bytes + "-byte device: " + e));
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static int storeBlockSize(Path path) {
        try {
            long size = Files.getFileStore(path).getBlockSize();
            return size > 0 && size <= 1 << 20 ? (int) size : FALLBACK_STORE_BLOCK_SIZE;
        } catch (IOException | UnsupportedOperationException e) {
            return FALLBACK_STORE_BLOCK_SIZE;
        }
    }

    static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.warn("closing {} failed", closeable, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
