package flight.hal.defaults.internal;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;

/**
 * One default configuration: a singleton ({@code pid.config}) or a named factory configuration
 * ({@code factoryPid~name.config}, the Config Admin 1.6 form of its PID).
 *
 * @param id         the PID it gets in Config Admin: {@code pid} or {@code factoryPid~name}; also its name in the
 *                   record of applied defaults
 * @param factoryPid the factory PID, or null for a singleton configuration
 * @param name       the factory configuration's name, or null for a singleton configuration
 * @param properties its properties, placeholders resolved
 */
record DefaultConfiguration(String id, String factoryPid, String name, Dictionary<String, Object> properties) {
    static final String SUFFIX = ".config";
    private static final char FACTORY_SEPARATOR = '~';

    DefaultConfiguration {
        properties = copy(properties);
    }

    /** A default named by its file ({@code pid.config} or {@code factoryPid~name.config}). */
    static DefaultConfiguration of(String fileName, Dictionary<String, Object> properties) {
        String id = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        int separator = id.indexOf(FACTORY_SEPARATOR);
        return separator < 0 ? new DefaultConfiguration(id, null, null, properties)
                : new DefaultConfiguration(id, id.substring(0, separator), id.substring(separator + 1), properties);
    }

    boolean isFactory() {
        return factoryPid != null;
    }

    @Override
    public Dictionary<String, Object> properties() {
        return copy(properties);
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
