package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneState;

/**
 * The side file that keeps a zoned device's write pointers and states across restarts: a header with the geometry,
 * then one 16-byte record per zone (write pointer, state, CRC32), each rewritten in place when its zone changes.
 */
final class ZoneMetadata implements Closeable {
    static final int MAGIC = 0x484E345A;
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 64;
    private static final int RECORD_BYTES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ZoneMetadata.class);

    /** A zone's persisted write pointer (relative to its start) and state. */
    record Entry(long written, ZoneState state) {
        static final Entry EMPTY = new Entry(0, ZoneState.EMPTY);
    }

    private final FileChannel file;
    /**
     * Per thread, the buffer a record is encoded in and its checksum: direct, so the channel writes it without a
     * temporary copy, and reused, so storing a write pointer (every append) allocates nothing.
     */
    private final ThreadLocal<RecordEncoder> encoders = ThreadLocal.withInitial(RecordEncoder::new);

    private static final class RecordEncoder {
        final ByteBuffer record = ByteBuffer.allocateDirect(RECORD_BYTES);
        final CRC32 crc = new CRC32();
    }

    private ZoneMetadata(FileChannel file) {
        this.file = file;
    }

    /**
     * Opens the metadata of a device with {@code geometry} at {@code path}, creating it (every zone empty) when it
     * does not exist; a file written for another geometry is refused rather than reinterpreted.
     */
    static HalResult<ZoneMetadata> open(Path path, ZoneGeometry geometry, int blockSize, List<Entry> recovered) {
        boolean exists = Files.exists(path);
        try {
            FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            ZoneMetadata metadata = new ZoneMetadata(file);
            HalError refusal = exists ? metadata.recover(path, geometry, blockSize, recovered)
                    : metadata.create(geometry, blockSize, recovered);
            if (refusal != null) {
                file.close();
                return HalResult.err(refusal);
            }
            return HalResult.ok(metadata);
        } catch (IOException e) {
            return HalResult.err(new HalError(ErrorCategory.IO_ERROR, StorageErrors.ZONE_METADATA,
                    "cannot open the zone metadata " + path + ": " + e));
        }
    }

    private HalError create(ZoneGeometry geometry, int blockSize, List<Entry> entries) throws IOException {
        writeFully(header(geometry, blockSize), 0);
        for (int zone = 0; zone < geometry.count(); zone++) {
            entries.add(Entry.EMPTY);
            store(zone, 0, ZoneState.EMPTY);
        }
        file.force(true);
        return null;
    }

    private HalError recover(Path path, ZoneGeometry geometry, int blockSize, List<Entry> entries)
            throws IOException {
        ByteBuffer expected = header(geometry, blockSize);
        ByteBuffer found = readFully(0, HEADER_BYTES);
        if (!found.equals(expected)) {
            return new HalError(ErrorCategory.INVALID_STATE, StorageErrors.METADATA_MISMATCH, path + " describes "
                    + describe(found) + " but the device is configured as " + describe(expected)
                    + "; refusing to reinterpret its zones (move the files away to start afresh)");
        }
        ByteBuffer records = readFully(HEADER_BYTES, (long) RECORD_BYTES * geometry.count());
        for (int zone = 0; zone < geometry.count(); zone++) {
            Entry entry = decode(records.slice(zone * RECORD_BYTES, RECORD_BYTES), geometry.capacityBlocks());
            if (entry == null) {
                LOG.error("zone {} of {}: its record is damaged; reporting it offline", zone, path);
                entries.add(new Entry(0, ZoneState.OFFLINE));
            } else {
                entries.add(entry);
            }
        }
        return null;
    }

    private static ByteBuffer header(ZoneGeometry geometry, int blockSize) {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putInt(blockSize)
                .putInt(geometry.count()).putLong(geometry.sizeBlocks()).putLong(geometry.capacityBlocks()).clear();
    }

    private static String describe(ByteBuffer header) {
        return String.format(java.util.Locale.ROOT,
                "magic 0x%08x version %d, %d-byte blocks, %d zones of %d blocks (capacity %d)",
                header.getInt(0), header.getInt(4), header.getInt(8), header.getInt(12), header.getLong(16),
                header.getLong(24));
    }

    private static Entry decode(ByteBuffer record, long capacity) {
        CRC32 crc = new CRC32();
        crc.update(record.slice(0, 12));
        long written = record.getLong(0);
        int state = record.getInt(8);
        if ((int) crc.getValue() != record.getInt(12) || written < 0 || written > capacity || state < 0
                || state > ZoneState.FULL.ordinal()) {
            return null;
        }
        return new Entry(written, ZoneState.values()[state]);
    }

    /**
     * Rewrites zone {@code zone}'s record (write pointer {@code written}, {@code state}) with one positional write, so
     * a process that dies leaves the old record or the new one; reaches the disk with the next {@link #force()}.
     */
    void store(int zone, long written, ZoneState state) throws IOException {
        RecordEncoder encoder = encoders.get();
        ByteBuffer record = encoder.record.clear();
        record.putLong(0, written).putInt(8, state.ordinal()).limit(12);
        encoder.crc.reset();
        encoder.crc.update(record);
        record.limit(RECORD_BYTES).putInt(12, (int) encoder.crc.getValue()).position(0);
        writeFully(record, HEADER_BYTES + (long) zone * RECORD_BYTES);
    }

    /** Forces every stored record to the disk. */
    void force() throws IOException {
        file.force(false);
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += file.write(bytes, at);
        }
    }

    private ByteBuffer readFully(long position, long length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) length);
        while (bytes.hasRemaining()) {
            if (file.read(bytes, position + bytes.position()) < 0) {
                break;
            }
        }
        return bytes.clear();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
