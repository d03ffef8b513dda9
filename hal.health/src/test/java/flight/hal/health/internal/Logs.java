package flight.hal.health.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import org.apache.felix.hc.api.Result;

import flight.hal.HalError;
import flight.hal.LiveObjects;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/** Reading what a check logged, and the HAL records and services the tests give the checks. */
final class Logs {

    private Logs() {
    }

    /** The messages of the entries of {@code status}, without debug entries. */
    static List<String> messages(Result result, Result.Status status) {
        return StreamSupport.stream(result.spliterator(), false)
                .filter(entry -> !entry.isDebug() && entry.getStatus() == status)
                .map(entry -> entry.getMessage()).toList();
    }

    static DriverDescription driver(String interfaceName, String name, DriverState state, HalError failure) {
        return new DriverDescription(interfaceName, name, "1.0.0", "bundle.of." + name, 9, 90, 10, state, failure,
                Set.of(), null, null, LiveObjects.NONE);
    }

    static InterfaceStatus status(String interfaceName, String selected, String note, DriverDescription... drivers) {
        return new InterfaceStatus(interfaceName, selected, null, note, Set.of(), List.of(drivers), List.of());
    }

    /** A proxy of {@code type} answering {@code answers} by method name; any other call fails the test. */
    static <T> T service(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(Logs.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new AssertionError("unexpected call " + method);
                    }
                    return answer.apply(args);
                }));
    }
}
