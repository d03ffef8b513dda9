package flight.hal.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.List;

/**
 * One message ({@link Messages.Call} or {@link Messages.Reply}) per frame, its byte arrays raw beside it: block data
 * cross the wire once, without Java serialization's copies through its 1 KiB blocks.
 * <pre>
 * frame   := int headerLength, header, int payloadCount, payloadCount x (int length, length bytes)
 * header  := the Java serialized message, each byte[] in it replaced by {@link Messages.Detached}(its index)
 * </pre>
 * The lengths are checked before anything is allocated ({@link #MAX_HEADER_BYTES}, {@link #MAX_PAYLOADS},
 * {@link #MAX_PAYLOAD_BYTES} for all of a frame's payloads together), so a bad or hostile frame is an IOException
 * that costs at most those bounds, and a message is encoded in full before its first byte is written, so one that
 * cannot be encoded leaves the connection as it was.
 */
final class Frames {
    static final int MAX_HEADER_BYTES = 16 << 20;
    static final int MAX_PAYLOADS = 64;
    static final int MAX_PAYLOAD_BYTES = 256 << 20;

    private Frames() {
    }

    /** A message ready to send: its serialized header and the byte arrays it refers to. */
    record Frame(ByteArrayOutputStream header, List<byte[]> payloads) {
        /** Writes the frame and flushes {@code out}. */
        void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(header.size());
            header.writeTo(out);
            out.writeInt(payloads.size());
            for (byte[] payload : payloads) {
                out.writeInt(payload.length);
                out.write(payload);
            }
            out.flush();
        }
    }

    /** {@code message} as a frame; an IOException when it cannot be serialized or is above the limits. */
    static Frame encode(Object message) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(256);
        List<byte[]> payloads = new ArrayList<>();
        try (Detaching out = new Detaching(header, payloads)) {
            out.writeObject(message);
        }
        long total = 0;
        for (byte[] payload : payloads) {
            total += payload.length;
        }
        if (header.size() > MAX_HEADER_BYTES || payloads.size() > MAX_PAYLOADS || total > MAX_PAYLOAD_BYTES) {
            throw new IOException("a message of " + header.size() + " header bytes and " + payloads.size()
                    + " byte arrays of " + total + " bytes is above the frame's limits (" + MAX_HEADER_BYTES + ", "
                    + MAX_PAYLOADS + ", " + MAX_PAYLOAD_BYTES + ")");
        }
        return new Frame(header, payloads);
    }

    /** Reads one frame's message, its classes found by {@code resolver}; each byte array read straight into its own. */
    static Object read(DataInputStream in, Messages.ClassResolver resolver) throws IOException, ClassNotFoundException {
        byte[] header = new byte[checked(in.readInt(), MAX_HEADER_BYTES, "header")];
        in.readFully(header);
        byte[][] payloads = new byte[checked(in.readInt(), MAX_PAYLOADS, "payload count")][];
        int left = MAX_PAYLOAD_BYTES;
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[checked(in.readInt(), left, "payload")];
            left -= payloads[i].length;
            in.readFully(payloads[i]);
        }
        try (Messages.Input message = new Messages.Input(new ByteArrayInputStream(header), resolver, payloads)) {
            return message.readObject();
        }
    }

    private static int checked(int length, int most, String what) throws StreamCorruptedException {
        if (length < 0 || length > most) {
            throw new StreamCorruptedException("a frame's " + what + " of " + length + " is not within 0.." + most);
        }
        return length;
    }

    /** Serializes a message with each byte array replaced by its index among the frame's payloads. */
    private static final class Detaching extends ObjectOutputStream {
        private final List<byte[]> payloads;

        Detaching(OutputStream out, List<byte[]> payloads) throws IOException {
            super(out);
            this.payloads = payloads;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            if (object instanceof byte[] bytes) {
                payloads.add(bytes);
                return new Messages.Detached(payloads.size() - 1);
            }
            return object;
        }
    }
}
