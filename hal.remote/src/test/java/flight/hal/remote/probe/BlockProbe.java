package flight.hal.remote.probe;

/**
 * The remote interface the provider probe measures: block reads and writes shaped as a remote block device would
 * carry them (one Serializable request and reply with a byte array, no ByteBuffer over the wire).
 */
public interface BlockProbe {

    /** Reads {@code request.length} bytes at {@code request.offset}; the reply carries them in {@code data}. */
    Blocks read(Blocks request);

    /** Writes {@code request.data} at {@code request.offset}; the reply's {@code length} is the number written. */
    Blocks write(Blocks request);
}
