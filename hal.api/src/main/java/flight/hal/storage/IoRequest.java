package flight.hal.storage;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One I/O request. The record accepts any numbers; the device judges them and answers bad ones (misaligned, out of
 * range, too large, the wrong kind of buffer) with an error result, having transferred nothing.
 *
 * <p>Data operations transfer the buffer's remaining bytes, from its position, which must be a whole number of
 * logical blocks; the device never changes the caller's position or limit. Zone operations name the zone by its
 * start LBA.
 *
 * @param operation what to do
 * @param lba       first logical block: of the transfer, of the discard, or the start of the zone
 * @param blocks    blocks to discard (DISCARD only; 0 otherwise, the buffer gives the length)
 * @param buffer    data to write or room to read into; {@code null} for operations without data
 * @param fua       force unit access: the write is on stable storage when it completes
 */
public record IoRequest(IoOperation operation, long lba, long blocks, ByteBuffer buffer, boolean fua) {

    public IoRequest {
        Objects.requireNonNull(operation, "operation");
    }

    public static IoRequest read(long lba, ByteBuffer into) {
        return new IoRequest(IoOperation.READ, lba, 0, into, false);
    }

    public static IoRequest write(long lba, ByteBuffer from) {
        return new IoRequest(IoOperation.WRITE, lba, 0, from, false);
    }

    /** A write that is on stable storage when it completes. */
    public static IoRequest writeFua(long lba, ByteBuffer from) {
        return new IoRequest(IoOperation.WRITE, lba, 0, from, true);
    }

    public static IoRequest flush() {
        return new IoRequest(IoOperation.FLUSH, 0, 0, null, false);
    }

    public static IoRequest discard(long lba, long blocks) {
        return new IoRequest(IoOperation.DISCARD, lba, blocks, null, false);
    }

    /** An append to the zone starting at {@code zoneStartLba}. */
    public static IoRequest zoneAppend(long zoneStartLba, ByteBuffer from) {
        return new IoRequest(IoOperation.ZONE_APPEND, zoneStartLba, 0, from, false);
    }

    /** A zone management operation (reset, open, close, finish) on the zone starting at {@code zoneStartLba}. */
    public static IoRequest zone(IoOperation operation, long zoneStartLba) {
        if (!operation.managesZone()) {
            throw new IllegalArgumentException(operation + " is not a zone management operation");
        }
        return new IoRequest(operation, zoneStartLba, 0, null, false);
    }

    /** This request with force unit access. */
    public IoRequest withFua() {
        return new IoRequest(operation, lba, blocks, buffer, true);
    }

    /** The bytes this request transfers: the buffer's remaining bytes, 0 without a buffer. */
    public int length() {
        return buffer == null ? 0 : buffer.remaining();
    }
}
