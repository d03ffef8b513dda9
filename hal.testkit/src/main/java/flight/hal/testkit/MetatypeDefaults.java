package flight.hal.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Metatype form saves when an operator opens it and saves it unchanged: the default of every attribute of an
 * {@code @ObjectClassDefinition} annotation type, under its property name and with its Java type. A component's test
 * parses this and checks it configures the same as no configuration at all, so the form's defaults cannot drift from
 * the parser's.
 */
public final class MetatypeDefaults {
    private MetatypeDefaults() {
    }

    /**
     * The defaults of {@code definition}'s attributes; attributes without a default are left out, as a form leaves
     * them empty.
     *
     * @throws IllegalArgumentException if an attribute name holds {@code $} or a double underscore, whose property
     *                                  names this does not map (programming error in the test)
     */
    public static Map<String, Object> of(Class<? extends Annotation> definition) {
        Map<String, Object> defaults = new TreeMap<>();
        for (Method attribute : definition.getDeclaredMethods()) {
            String name = attribute.getName();
            if (name.contains("$") || name.contains("__")) {
                throw new IllegalArgumentException("unmapped attribute name " + name);
            }
            Object value = attribute.getDefaultValue();
            if (value != null) {
                defaults.put(name.replace('_', '.'), value);
            }
        }
        return defaults;
    }
}
