package flight.hal.resources.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceType;

/** The resource types a whiteboard service asked for with its {@code resource.type} property; none means all. */
record TypeFilter(Set<ResourceType> types) {
    private static final Logger LOG = LoggerFactory.getLogger(TypeFilter.class);

    /** Reads the property (a String or String[] of type names); unknown names are logged and ignored. */
    static TypeFilter of(Map<String, ?> properties) {
        Object property = properties.get(ResourceManager.RESOURCE_TYPE_PROPERTY);
        String[] names = property instanceof String one ? new String[] {one}
                : property instanceof String[] many ? many : new String[0];
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (String name : names) {
            ResourceType.parse(name).ifPresentOrElse(types::add,
                    () -> LOG.warn("ignoring unknown resource type '{}' in {}", name, properties));
        }
        return new TypeFilter(Set.copyOf(types));
    }

    boolean accepts(ResourceType type) {
        return types.isEmpty() || types.contains(type);
    }
}
