package flight.hal.registry.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where pins come from: configuration ({@code pin.<interface>=<driver>} in PID {@code flight.hal.registry}) first,
 * then framework or system properties ({@code flight.hal.pin.<interface>=<driver>}). An interface is named by its
 * class name or its simple name.
 */
final class Pins {
    static final String CONFIG_PREFIX = "pin.";
    static final String FRAMEWORK_PREFIX = "flight.hal.pin.";

    private final Map<String, String> configured;
    private final UnaryOperator<String> frameworkProperty;

    Pins(Map<String, ?> configuration, UnaryOperator<String> frameworkProperty) {
        Map<String, String> pins = new HashMap<>();
        configuration.forEach((key, value) -> {
            if (key.startsWith(CONFIG_PREFIX) && value instanceof String driver && !driver.isBlank()) {
                pins.put(key.substring(CONFIG_PREFIX.length()), driver.trim());
            }
        });
        this.configured = Map.copyOf(pins);
        this.frameworkProperty = frameworkProperty;
    }

    /** The driver {@code interfaceName} is pinned to, or {@code null}. */
    String pinFor(String interfaceName) {
        String simpleName = interfaceName.substring(interfaceName.lastIndexOf('.') + 1);
        String pin = configured.getOrDefault(interfaceName, configured.get(simpleName));
        if (pin == null) {
            pin = frameworkProperty.apply(FRAMEWORK_PREFIX + interfaceName);
        }
        if (pin == null) {
            pin = frameworkProperty.apply(FRAMEWORK_PREFIX + simpleName);
        }
        return pin == null || pin.isBlank() ? null : pin.trim();
    }
}
