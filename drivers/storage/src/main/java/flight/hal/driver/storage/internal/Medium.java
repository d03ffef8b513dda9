package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

import flight.hal.storage.DeviceFeature;

/** Where a device's bytes live: positional reads and writes of byte ranges, and forcing them to stable storage. */
interface Medium extends Closeable {

    /** Reads {@code into.remaining()} bytes at {@code offset}; advances {@code into}'s position. */
    void read(long offset, ByteBuffer into) throws IOException;

    /** Writes {@code from.remaining()} bytes at {@code offset}; advances {@code from}'s position. */
    void write(long offset, ByteBuffer from) throws IOException;

    /** Forces bytes {@code [offset, offset + length)} (or more) to stable storage. */
    void force(long offset, long length) throws IOException;

    /** The file store's block size: the physical block size. */
    int storeBlockSize();

    /** The features the I/O path in use gives ({@link DeviceFeature#DIRECT_IO}, ...). */
    Set<DeviceFeature> features();

    /** The I/O path in use, and why, for logs and the shell. */
    String description();
}
