package flight.hal.remote.probe;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * What a distribution provider of our own could reach: one persistent connection with TCP_NODELAY, each call a Java
 * serialized method name and request, each answer a serialized reply. The client half is the {@link BlockProbe};
 * {@link #serve} is the node half. No RSA on either side: it is the yardstick the RSA providers are compared with.
 */
final class SocketBlocks implements BlockProbe, AutoCloseable {
    private final Socket socket;
    private final ObjectOutputStream out;
    private final ObjectInputStream in;

    SocketBlocks(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        out.flush();
        in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    }

    @Override
    public Blocks read(Blocks request) {
        return call("read", request);
    }

    @Override
    public Blocks write(Blocks request) {
        return call("write", request);
    }

    private Blocks call(String method, Blocks request) {
        try {
            out.writeUTF(method);
            out.writeObject(request);
            out.reset();
            out.flush();
            return (Blocks) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Answers the calls of one connection on {@code server} with {@code device} until the client closes it. */
    static void serve(ServerSocket server, BlockProbe device) throws IOException, ClassNotFoundException {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            out.flush();
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            while (true) {
                String method;
                try {
                    method = in.readUTF();
                } catch (java.io.EOFException closed) {
                    return;
                }
                Blocks request = (Blocks) in.readObject();
                out.writeObject(method.equals("read") ? device.read(request) : device.write(request));
                out.reset();
                out.flush();
            }
        }
    }
}
