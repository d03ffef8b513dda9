package flight.hal.defaults.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Resolves {@code ${key}} and {@code ${key:-fallback}} in the string values of a default configuration from framework
 * properties, so that a default can name a folder the operator moves ({@code ${flight.hal.data:-data}}) without
 * being rewritten.
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::-([^}]*))?}");

    /** Framework property of a key, or null when it has none. */
    private final UnaryOperator<String> lookup;

    Placeholders(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /**
     * The properties with every placeholder of their string values replaced; an error naming each placeholder that
     * has neither a value nor a fallback.
     */
    HalResult<Dictionary<String, Object>> resolve(String id, Dictionary<String, Object> properties) {
        Hashtable<String, Object> resolved = new Hashtable<>();
        List<String> unresolved = new ArrayList<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            Object value = properties.get(key);
            resolved.put(key, value instanceof String text ? replace(text, key, unresolved) : value);
        }
        if (!unresolved.isEmpty()) {
            return HalResult.err(HalError.invalidParameter("default configuration " + id + " names framework "
                    + "properties that are not set and have no fallback: " + String.join(", ", unresolved)));
        }
        return HalResult.ok(resolved);
    }

    private String replace(String text, String key, List<String> unresolved) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup.apply(matcher.group(1).trim());
            if (value == null) {
                value = matcher.group(2);
            }
            if (value == null) {
                unresolved.add(key + " (${" + matcher.group(1) + "})");
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
