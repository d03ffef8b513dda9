package flight.hal.remote.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's listener: accepts connections on its bind address, checks the fleet secret ({@link Handshake}), then
 * answers each connection's calls in order on a thread of its own, on the services exported under their endpoint ids.
 */
final class CallServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallServer.class);
    private static final int BUFFER = 1 << 16;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final ServerSocket socket;
    private final String secret;
    private final Map<String, Exported> exported = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private record Exported(Object service, Class<?>[] interfaces) {
    }

    CallServer(String bindHost, int port, String secret) throws IOException {
        this.secret = secret;
        socket = new ServerSocket();
        socket.setReuseAddress(true); // a node that restarts gets its port back while old connections linger
        socket.bind(new InetSocketAddress(InetAddress.getByName(bindHost), port));
        acceptor = new Thread(this::acceptLoop, "hal-remote-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void export(String endpointId, Object service, Class<?>[] interfaces) {
        exported.put(endpointId, new Exported(service, interfaces));
    }

    void unexport(String endpointId) {
        exported.remove(endpointId);
    }

    boolean hasExports() {
        return !exported.isEmpty();
    }

    /**
     * Stops listening and drops every open connection: callers see the node gone, as if it had died. Returns once
     * the port is free again: the JDK releases a listener blocked in accept only when that thread has left it.
     */
    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
        try {
            acceptor.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread handler = new Thread(() -> serve(connection), "hal-remote-calls-" + connection.getPort());
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("Accepting a connection on port {} failed", port(), e);
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream(), BUFFER));
            DataInputStream in = new DataInputStream(new BufferedInputStream(connection.getInputStream(), BUFFER));
            if (!Handshake.accept(in, out, secret)) {
                LOG.warn("Refused a connection from {}: it did not prove the fleet secret",
                        connection.getRemoteSocketAddress());
                return;
            }
            while (true) {
                Messages.Call call = (Messages.Call) Frames.read(in, this::resolve);
                encodeReply(call, answer(call)).writeTo(out);
            }
        } catch (SocketException | java.io.EOFException closed) {
            LOG.debug("Connection {} closed", connection.getRemoteSocketAddress());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            LOG.warn("Connection {} dropped: {}", connection.getRemoteSocketAddress(), e.toString());
        } finally {
            connections.remove(connection);
        }
    }

    /** The reply's frame; a reply that cannot be encoded is answered as an error, the connection kept. */
    private static Frames.Frame encodeReply(Messages.Call call, Messages.Reply reply) throws IOException {
        try {
            return Frames.encode(reply);
        } catch (IOException e) {
            return Frames.encode(new Messages.Reply(null, call.method() + "'s reply cannot be sent: " + e));
        }
    }

    private Messages.Reply answer(Messages.Call call) {
        Exported target = exported.get(call.endpointId());
        if (target == null) {
            return new Messages.Reply(null, "no service exported as " + call.endpointId());
        }
        try {
            Method method = find(target.interfaces(), call.method(), call.parameterTypes());
            Object value = method.invoke(target.service(), call.arguments());
            if (value != null && !(value instanceof Serializable)) {
                // answered as an error: writing it would break the stream and drop the connection
                return new Messages.Reply(null, call.method() + " returned a " + value.getClass().getName()
                        + ", which is not Serializable");
            }
            return new Messages.Reply(value, null);
        } catch (InvocationTargetException e) {
            return new Messages.Reply(null, e.getCause().toString());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return new Messages.Reply(null, e.toString());
        }
    }

    private static Method find(Class<?>[] interfaces, String name, String[] parameterTypes)
            throws NoSuchMethodException {
        for (Class<?> type : interfaces) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(name) && sameTypes(method.getParameterTypes(), parameterTypes)) {
                    return method;
                }
            }
        }
        throw new NoSuchMethodException(name + " is not a method of the exported interfaces");
    }

    private static boolean sameTypes(Class<?>[] types, String[] names) {
        if (types.length != names.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].getName().equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    private Class<?> resolve(String name) throws ClassNotFoundException {
        for (Exported each : exported.values()) {
            for (Class<?> type : each.interfaces()) {
                try {
                    return Class.forName(name, false, type.getClassLoader());
                } catch (ClassNotFoundException notHere) {
                    // the next interface's bundle may see it
                }
            }
        }
        throw new ClassNotFoundException(name);
    }
}
