package flight.hal.jmx.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

/**
 * A HAL the tests set by hand: interfaces with their candidates, and the pins asked of it. Services are proxies that
 * answer the methods the MBeans call and fail the test on any other.
 */
final class FakeHal {
    static final String MEMORY = "flight.hal.memory.MemoryDriver";

    final List<InterfaceStatus> interfaces = new CopyOnWriteArrayList<>();
    final List<String> pins = new ArrayList<>();

    static DriverDescription candidate(String interfaceName, String name, int ranking, DriverState state,
                                       HalError failure) {
        return new DriverDescription(interfaceName, name, "1.0.0", "bundle.of." + name, 7, 70, ranking, state,
                failure, Set.of(), null, null, LiveObjects.NONE);
    }

    static InterfaceStatus status(String interfaceName, String selected, String pin, DriverDescription... candidates) {
        return new InterfaceStatus(interfaceName, selected, pin, "", Set.of(), List.of(candidates), List.of());
    }

    HalRegistry registry() {
        return proxy(HalRegistry.class, Map.of(
                "interfaces", args -> List.copyOf(interfaces),
                "status", args -> interfaces.stream().filter(s -> s.interfaceName().equals(args[0])).findFirst(),
                "drivers", args -> interfaces.stream().flatMap(s -> s.candidates().stream())
                        .filter(d -> d.name().equals(args[0])).toList(),
                "pin", args -> pinned(args[0] + "=" + args[1], args[1]),
                "unpin", args -> pins.remove(String.valueOf(args[0])) ? HalResult.ok()
                        : HalResult.err(HalError.notFound(args[0] + " is not pinned"))));
    }

    private HalResult<Void> pinned(String pin, Object driver) {
        if (driver == null || String.valueOf(driver).isBlank()) {
            return HalResult.err(HalError.invalidParameter("driver name is blank"));
        }
        pins.add(pin.substring(0, pin.indexOf('=')));
        return HalResult.ok();
    }

    /** A proxy of {@code type} answering {@code answers} by method name; any other call is a test failure. */
    static <T> T proxy(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(FakeHal.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new AssertionError("unexpected call " + method);
                    }
                    return answer.apply(args == null ? new Object[0] : args);
                }));
    }
}
