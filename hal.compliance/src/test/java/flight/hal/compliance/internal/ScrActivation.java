package flight.hal.compliance.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Activates another bundle's component the way Service Component Runtime does, for tests that need a real driver
 * outside a framework: its {@code activate(Map)} method is package-private, like every component's, and found by
 * reflection as SCR finds it. The driver's bundle keeps nothing public for these tests.
 */
final class ScrActivation {

    private ScrActivation() {
    }

    /** {@code component}, after its {@code activate} method was called with {@code properties}. */
    static <T> T activated(T component, Map<String, ?> properties) {
        try {
            Method activate = component.getClass().getDeclaredMethod("activate", Map.class);
            activate.setAccessible(true);
            activate.invoke(component, properties);
            return component;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(component.getClass().getName() + " failed to activate", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(component.getClass().getName() + " has no activate(Map) method", e);
        }
    }
}
