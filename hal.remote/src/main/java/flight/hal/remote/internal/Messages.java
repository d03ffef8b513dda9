package flight.hal.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.StreamCorruptedException;

/**
 * The messages on a connection after the handshake, Java serialized in {@link Frames} with their byte arrays beside
 * them; private to this bundle on both ends.
 */
final class Messages {
    private Messages() {
    }

    /** A call of {@code method} with the given parameter types on the endpoint {@code endpointId}. */
    record Call(String endpointId, String method, String[] parameterTypes, Object[] arguments) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The answer to a call: its value, or {@code error} when the call failed on the node. */
    record Reply(Object value, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Where a message's byte array was: its index among the frame's payloads. */
    record Detached(int index) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Finds a class by name where the remote interfaces' bundles see it. */
    interface ClassResolver {
        Class<?> resolve(String name) throws ClassNotFoundException;
    }

    /**
     * Reads a frame's message, carrying objects whose classes the resolver finds (the remote interfaces' bundles),
     * else this bundle's, and puts the frame's byte arrays back where they were. No array in it can be longer than
     * the header has bytes (or than the frame's longest byte array), nor the objects nested deeper than
     * {@value #MAX_DEPTH}: what claims so is refused before it is allocated.
     */
    static final class Input extends ObjectInputStream {
        private static final int MAX_DEPTH = 64;
        private final ClassResolver resolver;
        private final byte[][] payloads;

        Input(ByteArrayInputStream header, ClassResolver resolver, byte[][] payloads) throws IOException {
            super(header);
            this.resolver = resolver;
            this.payloads = payloads;
            // the frame's own byte arrays are filtered too once they are put back
            long longest = header.available();
            for (byte[] payload : payloads) {
                longest = Math.max(longest, payload.length);
            }
            long most = longest;
            ObjectInputFilter limits = info -> info.arrayLength() > most || info.depth() > MAX_DEPTH
                    ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
            ObjectInputFilter processWide = ObjectInputFilter.Config.getSerialFilter(); // jdk.serialFilter, if set
            setObjectInputFilter(processWide == null ? limits : ObjectInputFilter.merge(limits, processWide));
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            if (object instanceof Detached detached) {
                if (detached.index() < 0 || detached.index() >= payloads.length) {
                    throw new StreamCorruptedException("a frame refers to its payload " + detached.index() + " of "
                            + payloads.length);
                }
                return payloads[detached.index()];
            }
            return object;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            String name = description.getName();
            if (name.startsWith(Messages.class.getPackageName() + ".")) {
                // the messages themselves are this bundle's, whatever else the interfaces' bundles see
                return Class.forName(name, false, Messages.class.getClassLoader());
            }
            try {
                return resolver.resolve(name);
            } catch (ClassNotFoundException notThere) {
                return super.resolveClass(description);
            }
        }
    }
}
