package flight.hal.driver.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Reads typed values out of component properties, which Config Admin files may hold as numbers or as strings. A value
 * that is malformed or outside its bounds is recorded as a problem naming the key, the value and the bounds.
 */
final class Settings {
    private final Map<String, ?> properties;
    private final List<String> problems = new ArrayList<>();

    Settings(Map<String, ?> properties) {
        this.properties = properties;
    }

    /** Problems found so far. */
    List<String> problems() {
        return problems;
    }

    /** Records a problem found while combining values. */
    void problem(String problem) {
        problems.add(problem);
    }

    String text(String key, String fallback) {
        Object value = properties.get(key);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value).trim();
    }

    long number(String key, long fallback, long min, long max) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            problems.add(key + "=" + value + " is not a number");
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problems.add(key + "=" + parsed + " is outside [" + min + ", " + max + "]");
            return fallback;
        }
        return parsed;
    }

    int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }

    /**
     * {@code value}, read from {@code key}, when {@code rule} accepts it; else the problem "{@code key=value}
     * {@code broken}" is recorded and {@code fallback} given instead. Values combine with each other (a capacity
     * in whole blocks, a power-of-two block size), so a value a rule refused must not reach what is computed from
     * it: a refused configuration is still read, for the device's name and its error, and must never throw.
     */
    long checked(String key, long value, LongPredicate rule, long fallback, String broken) {
        if (rule.test(value)) {
            return value;
        }
        problems.add(key + "=" + value + " " + broken);
        return fallback;
    }

    double decimal(String key, double fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        double parsed;
        try {
            parsed = value instanceof Number number ? number.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            problems.add(key + "=" + value + " is not a number");
            return fallback;
        }
        if (!Double.isFinite(parsed)) {
            problems.add(key + "=" + value + " is not a finite number");
            return fallback;
        }
        return parsed;
    }

    boolean flag(String key) {
        Object value = properties.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(key + "=" + value + " is neither true nor false");
        }
        return text.equals("true");
    }

    <E extends Enum<E>> E choice(String key, E fallback) {
        String value = text(key, fallback.name());
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + "=" + value + " is none of " + List.of(fallback.getDeclaringClass().getEnumConstants()));
            return fallback;
        }
    }

    /** A set of numbers in {@code [0, max)}, given as a comma-separated string or an array. */
    Set<Integer> indexes(String key, int max) {
        Object value = properties.get(key);
        Set<Integer> indexes = new TreeSet<>();
        if (value == null) {
            return indexes;
        }
        String joined = value instanceof Object[] array ? String.join(",", java.util.Arrays.stream(array)
                .map(String::valueOf).toList()) : String.valueOf(value);
        for (String part : joined.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int index = Integer.parseInt(part.trim());
                if (index < 0 || index >= max) {
                    problems.add(key + " names " + index + ", outside [0, " + max + ")");
                } else {
                    indexes.add(index);
                }
            } catch (NumberFormatException e) {
                problems.add(key + " holds '" + part.trim() + "', not a number");
            }
        }
        return indexes;
    }
}
