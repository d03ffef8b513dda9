package flight.hal.remote.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The caller's end of one node: a persistent connection with TCP_NODELAY, opened on the first call and after a
 * failure, proven with the fleet secret. Calls go one at a time; each waits at most the call timeout, and a failed or
 * timed-out call closes the connection (its reply can no longer be matched), so the next call reconnects.
 */
final class CallClient implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final InetSocketAddress address;
    private final String secret;
    private final int timeoutMillis;
    private final Messages.ClassResolver resolver;
    private final ReentrantLock lock = new ReentrantLock();
    private Socket socket;
    private DataOutputStream out;
    private DataInputStream in;

    CallClient(InetSocketAddress address, String secret, int timeoutMillis, Messages.ClassResolver resolver) {
        this.address = address;
        this.secret = secret;
        this.timeoutMillis = timeoutMillis;
        this.resolver = resolver;
    }

    /** Sends {@code call} and returns the node's reply; an IOException when the node cannot be reached in time. */
    Messages.Reply call(Messages.Call call) throws IOException {
        Frames.Frame frame = Frames.encode(call); // what cannot be encoded fails here, the connection untouched
        lock.lock();
        try {
            if (socket == null) {
                connect();
            }
            try {
                frame.writeTo(out);
                return (Messages.Reply) Frames.read(in, resolver);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                disconnect();
                throw e instanceof IOException io ? io : new IOException(e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            disconnect();
        } finally {
            lock.unlock();
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(address, timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            DataOutputStream calls = new DataOutputStream(new BufferedOutputStream(opened.getOutputStream(), BUFFER));
            DataInputStream replies = new DataInputStream(new BufferedInputStream(opened.getInputStream(), BUFFER));
            Handshake.prove(replies, calls, secret);
            out = calls;
            in = replies;
            socket = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to release
            }
            socket = null;
        }
    }
}
