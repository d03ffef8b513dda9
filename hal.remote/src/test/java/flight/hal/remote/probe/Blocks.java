package flight.hal.remote.probe;

import java.io.Serializable;

/** A block transfer on the wire: Serializable (fastbin needs it) and DTO-shaped (public fields, no-arg constructor). */
public class Blocks implements Serializable {
    private static final long serialVersionUID = 1L;

    public long offset;
    public int length;
    public byte[] data;

    public Blocks() {
    }

    static Blocks of(long offset, int length, byte[] data) {
        Blocks blocks = new Blocks();
        blocks.offset = offset;
        blocks.length = length;
        blocks.data = data;
        return blocks;
    }
}
