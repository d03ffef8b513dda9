package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;

/** The frames on the wire: byte arrays beside the serialized message, and every length checked before allocating. */
class FramesTest {
    private static final Messages.ClassResolver RESOLVER = name -> Class.forName(name, false,
            FramesTest.class.getClassLoader());

    private static byte[] wire(Object message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.encode(message).writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static Object read(byte[] wire) throws IOException, ClassNotFoundException {
        return Frames.read(new DataInputStream(new ByteArrayInputStream(wire)), RESOLVER);
    }

    /** A frame by hand: the header, then each payload as its length and (when given) its bytes. */
    private static byte[] frame(byte[] header, int payloadCount, int... payloadLengths) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(payloadCount);
        for (int length : payloadLengths) {
            out.writeInt(length);
        }
        return bytes.toByteArray();
    }

    private static byte[] serialized(Object message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        }
        return bytes.toByteArray();
    }

    @Test
    void aCallAndAReplyWithByteArraysComeBackWithTheSameBytesWhichTravelOutsideTheHeader() throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(3).nextBytes(block);
        RemoteNode.IoCall write = RemoteNode.IoCall.of(IoRequest.write(8, ByteBuffer.wrap(block)), false);
        Messages.Call call = new Messages.Call("hal://127.0.0.1:1/node", "io",
                new String[] {String.class.getName(), RemoteNode.IoCall.class.getName()}, new Object[] {"disk0", write});

        Frames.Frame frame = Frames.encode(call);
        assertEquals(1, frame.payloads().size());
        assertTrue(frame.header().size() < 4096, "header of " + frame.header().size() + " bytes");
        Messages.Call received = (Messages.Call) read(wire(call));
        assertEquals("io", received.method());
        assertArrayEquals(call.parameterTypes(), received.parameterTypes());
        RemoteNode.IoCall io = (RemoteNode.IoCall) received.arguments()[1];
        assertEquals(IoOperation.WRITE, io.operation());
        assertEquals(8, io.lba());
        assertArrayEquals(block, io.data());

        byte[] small = {1, 2, 3};
        Messages.Reply reply = (Messages.Reply) read(wire(new Messages.Reply(new byte[][] {small, new byte[0], small},
                null)));
        byte[][] value = (byte[][]) reply.value();
        assertArrayEquals(small, value[0]);
        assertEquals(0, value[1].length);
        assertSame(value[0], value[2], "one array written twice is one array read back");
    }

    @Test
    void messagesWithoutByteArraysHaveNoPayloadAndComeBackEqual() throws Exception {
        Messages.Reply failed = new Messages.Reply(null, "no service exported as x");
        assertEquals(0, Frames.encode(failed).payloads().size());
        assertEquals(failed, read(wire(failed)));

        Messages.Call call = new Messages.Call("e", "devices", new String[0], new Object[0]);
        Messages.Call received = (Messages.Call) read(wire(call));
        assertEquals("devices", received.method());
        assertEquals(0, received.arguments().length);
    }

    @Test
    void everyTruncatedFrameIsAnIOException() throws Exception {
        byte[] whole = wire(new Messages.Reply(new byte[] {9, 8, 7, 6}, null));
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] truncated = Arrays.copyOf(whole, cut);
            assertThrows(IOException.class, () -> read(truncated), "cut at " + cut + " of " + whole.length);
        }
    }

    @Test
    void aNegativeOrTooLargeLengthIsRefusedBeforeAnythingIsAllocated() throws Exception {
        // Integer.MAX_VALUE bytes would be an OutOfMemoryError, not the IOException asserted, had it been allocated
        byte[] header = serialized(new Messages.Reply(new Messages.Detached(0), null));
        for (int length : new int[] {-1, Frames.MAX_HEADER_BYTES + 1, Integer.MAX_VALUE}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeInt(length);
            assertThrows(StreamCorruptedException.class, () -> read(bytes.toByteArray()), "header of " + length);
        }
        for (int count : new int[] {-1, Frames.MAX_PAYLOADS + 1, Integer.MAX_VALUE}) {
            assertThrows(StreamCorruptedException.class, () -> read(frame(header, count)), count + " payloads");
        }
        for (int length : new int[] {-1, Frames.MAX_PAYLOAD_BYTES + 1, Integer.MAX_VALUE}) {
            assertThrows(StreamCorruptedException.class, () -> read(frame(header, 1, length)), "payload " + length);
        }
    }

    @Test
    void anArrayInTheHeaderLongerThanTheFrameIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] header = serialized(new Messages.Reply(new long[] {0x1122334455667788L}, null));
        int at = indexOf(header, new byte[] {0, 0, 0, 1, 0x11, 0x22}); // the array's length, then its element
        ByteBuffer.wrap(header).putInt(at, Integer.MAX_VALUE);
        assertThrows(InvalidClassException.class, () -> read(frame(header, 0)));
    }

    @Test
    void objectsNestedDeeperThanAnyMessageAreRefused() throws Exception {
        Object nested = "bottom";
        for (int i = 0; i < 100; i++) {
            nested = new Object[] {nested};
        }
        byte[] deep = wire(new Messages.Reply(nested, null));
        assertThrows(InvalidClassException.class, () -> read(deep));
    }

    @Test
    void aReferenceToAPayloadTheFrameDoesNotHaveIsAnIOException() throws Exception {
        byte[] header = serialized(new Messages.Reply(new Messages.Detached(1), null));
        byte[] oneByte = frame(header, 1, 1);
        byte[] withPayload = Arrays.copyOf(oneByte, oneByte.length + 1);
        assertThrows(StreamCorruptedException.class, () -> read(withPayload));
    }

    @Test
    void aMessageThatCannotBeEncodedFailsBeforeAnythingIsWritten() {
        assertThrows(NotSerializableException.class, () -> Frames.encode(new Messages.Reply(new Object(), null)));
        Object[] arrays = new Object[Frames.MAX_PAYLOADS + 1];
        Arrays.setAll(arrays, i -> new byte[1]);
        IOException tooMany = assertThrows(IOException.class,
                () -> Frames.encode(new Messages.Call("e", "m", new String[0], arrays)));
        assertTrue(tooMany.getMessage().contains("above the frame's limits"), tooMany.getMessage());
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
