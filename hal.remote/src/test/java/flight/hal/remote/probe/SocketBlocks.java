package flight.hal.remote.probe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * What a distribution provider of our own could reach: one persistent connection with TCP_NODELAY and a payload
 * encoding, {@link Encoding#SERIALIZED} (a generic provider: Java serialization of the method name and request) or
 * {@link Encoding#RAW} (a block-specific frame: operation, offset, length, bytes). The client half is the
 * {@link BlockProbe}; {@link #serve} is the node half. No RSA on either side: it is the yardstick the RSA providers
 * are compared with.
 */
final class SocketBlocks implements BlockProbe, AutoCloseable {
    /** The payload encoding on the wire. */
    enum Encoding {
        SERIALIZED, RAW
    }

    private static final int BUFFER = 1 << 16;
    private final Socket socket;
    private final Wire wire;

    SocketBlocks(int port, Encoding encoding) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        wire = new Wire(socket, encoding);
    }

    @Override
    public Blocks read(Blocks request) {
        return call(true, request);
    }

    @Override
    public Blocks write(Blocks request) {
        return call(false, request);
    }

    private Blocks call(boolean read, Blocks request) {
        try {
            wire.sendOperation(read);
            wire.send(request);
            return wire.receive();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Answers the calls of one connection on {@code server} with {@code device} until the client closes it. */
    static void serve(ServerSocket server, BlockProbe device, Encoding encoding) throws IOException {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            Wire wire = new Wire(socket, encoding);
            while (true) {
                boolean read;
                try {
                    read = wire.receiveOperation();
                } catch (EOFException closed) {
                    return;
                }
                Blocks request = wire.receive();
                wire.send(read ? device.read(request) : device.write(request));
            }
        }
    }

    /** One end of the connection: a request is an operation flag and a {@link Blocks}, a reply a {@link Blocks}. */
    private static final class Wire {
        private final Encoding encoding;
        private final DataOutputStream out;
        private final DataInputStream in;
        private final ObjectOutputStream objectsOut;
        private final ObjectInputStream objectsIn;

        Wire(Socket socket, Encoding encoding) throws IOException {
            this.encoding = encoding;
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
            objectsOut = encoding == Encoding.SERIALIZED ? new ObjectOutputStream(out) : null;
            if (objectsOut != null) {
                objectsOut.flush();
            }
            objectsIn = encoding == Encoding.SERIALIZED ? new ObjectInputStream(in) : null;
        }

        /** Whether the request that follows is a read; sent unflushed, its request follows at once. */
        void sendOperation(boolean read) throws IOException {
            if (encoding == Encoding.SERIALIZED) {
                objectsOut.writeBoolean(read);
            } else {
                out.writeBoolean(read);
            }
        }

        boolean receiveOperation() throws IOException {
            return encoding == Encoding.SERIALIZED ? objectsIn.readBoolean() : in.readBoolean();
        }

        void send(Blocks blocks) throws IOException {
            if (encoding == Encoding.SERIALIZED) {
                objectsOut.writeObject(blocks);
                objectsOut.reset();
                objectsOut.flush();
                return;
            }
            out.writeLong(blocks.offset);
            out.writeInt(blocks.length);
            out.writeInt(blocks.data == null ? -1 : blocks.data.length);
            if (blocks.data != null) {
                out.write(blocks.data);
            }
            out.flush();
        }

        Blocks receive() throws IOException {
            if (encoding == Encoding.SERIALIZED) {
                try {
                    return (Blocks) objectsIn.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }
            long offset = in.readLong();
            int length = in.readInt();
            int size = in.readInt();
            byte[] data = null;
            if (size >= 0) {
                data = new byte[size];
                in.readFully(data);
            }
            return Blocks.of(offset, length, data);
        }
    }
}
