package flight.hal.console.internal;

import java.lang.reflect.Proxy;

/** Interfaces answered by a lambda, for the services the pages call. */
final class Stubs {
    interface Answers {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private Stubs() {
    }

    static <T> T stub(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> answers.answer(method.getName(), args == null ? new Object[0] : args);
                }));
    }
}
