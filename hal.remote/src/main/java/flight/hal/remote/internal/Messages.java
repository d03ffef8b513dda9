package flight.hal.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** The messages on a connection after the handshake, Java serialized; private to this bundle on both ends. */
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

    /** Finds a class by name where the remote interfaces' bundles see it. */
    interface ClassResolver {
        Class<?> resolve(String name) throws ClassNotFoundException;
    }

    /**
     * Reads this bundle's messages, carrying objects whose classes the resolver finds (the remote interfaces'
     * bundles), else this bundle's.
     */
    static final class Input extends ObjectInputStream {
        private final ClassResolver resolver;

        Input(InputStream in, ClassResolver resolver) throws IOException {
            super(in);
            this.resolver = resolver;
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
