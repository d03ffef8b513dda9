package flight.hal.remote.internal;

import java.io.IOException;
import java.io.NotSerializableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

import org.osgi.framework.ServiceException;

/**
 * An imported service's calls: each one sent to the node over {@link CallClient}. A node that cannot be reached in
 * the call timeout, or a call that failed there, is a {@link ServiceException} of type {@code REMOTE}, as OSGi Remote
 * Services specifies; {@code equals}, {@code hashCode} and {@code toString} are answered locally.
 */
record RemoteInvocation(CallClient client, String endpointId) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "remote " + endpointId;
            };
        }
        Class<?>[] types = method.getParameterTypes();
        String[] typeNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            typeNames[i] = types[i].getName();
        }
        Messages.Reply reply;
        try {
            reply = client.call(new Messages.Call(endpointId, method.getName(), typeNames,
                    args == null ? new Object[0] : args));
        } catch (NotSerializableException e) {
            throw new ServiceException(endpointId + " " + method.getName() + ": an argument is not Serializable: "
                    + e.getMessage(), ServiceException.REMOTE, e);
        } catch (IOException e) {
            throw new ServiceException(endpointId + " unreachable: " + e.getMessage(), ServiceException.REMOTE, e);
        }
        if (reply.error() != null) {
            throw new ServiceException(endpointId + " " + method.getName() + " failed on the node: " + reply.error(),
                    ServiceException.REMOTE);
        }
        return reply.value();
    }
}
