package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * The discarded blocks of a device, one bit each, persisted in a side file: a discard is on disk before it is
 * acknowledged; a write to a discarded block clears its bit, which reaches the disk with the next flush or FUA write,
 * together with the data. Discarded blocks read as zeros.
 */
final class DiscardMap implements Closeable {
    private final FileChannel file;
    private final BitSet discarded;
    /** The map's size on disk: one bit per block, so that persisting it never shrinks or grows the file. */
    private final int bytesOnDisk;
    /** Lets the hot path skip the lock while nothing is discarded. */
    private volatile boolean any;
    private boolean dirty;

    private DiscardMap(FileChannel file, BitSet discarded, int bytesOnDisk) {
        this.file = file;
        this.discarded = discarded;
        this.bytesOnDisk = bytesOnDisk;
        this.any = !discarded.isEmpty();
    }

    /** Opens the map of a device of {@code blocks} blocks at {@code path}, recovering what was persisted there. */
    static DiscardMap open(Path path, long blocks) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            int bytesOnDisk = (int) ((blocks + 7) / 8);
            ByteBuffer bytes = ByteBuffer.allocate(bytesOnDisk);
            while (bytes.hasRemaining()) {
                if (file.read(bytes, bytes.position()) < 0) {
                    break;
                }
            }
            return new DiscardMap(file, BitSet.valueOf(bytes.flip()), bytesOnDisk);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Marks {@code [lba, lba + blocks)} discarded and persists the map. */
    synchronized void discard(long lba, long blocks) throws IOException {
        discarded.set((int) lba, (int) (lba + blocks));
        any = true;
        dirty = true;
        persist();
    }

    /** Blocks {@code [lba, lba + blocks)} were written: they are no longer discarded. */
    void written(long lba, long blocks) {
        if (!any) {
            return;
        }
        synchronized (this) {
            int next = discarded.nextSetBit((int) lba);
            if (next >= 0 && next < lba + blocks) {
                discarded.clear((int) lba, (int) (lba + blocks));
                any = !discarded.isEmpty();
                dirty = true;
            }
        }
    }

    /** Zeroes the parts of {@code data} (holding blocks from {@code lba}, from position 0) that are discarded. */
    void zeroDiscarded(long lba, int blockSize, ByteBuffer data) {
        if (!any) {
            return;
        }
        long blocks = data.remaining() / blockSize;
        synchronized (this) {
            for (int block = discarded.nextSetBit((int) lba); block >= 0 && block < lba + blocks;
                 block = discarded.nextSetBit(block + 1)) {
                int at = data.position() + (int) (block - lba) * blockSize;
                data.put(at, new byte[blockSize]);
            }
        }
    }

    /** Writes the map to its file and forces it, if it changed since it was last persisted. */
    synchronized void persist() throws IOException {
        if (!dirty) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(bytesOnDisk).put(0, discarded.toByteArray());
        while (bytes.hasRemaining()) {
            file.write(bytes, bytes.position());
        }
        file.force(true);
        dirty = false;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            persist();
        } finally {
            file.close();
        }
    }
}
