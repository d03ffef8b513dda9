package flight.hal.resources;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when the pressure level of a resource type changes, and only then. Calls come in order,
 * one at a time, on a thread of the manager, never on the thread whose acquisition or release changed the level; a
 * listener that throws is logged and keeps being called. Register it with the service property
 * {@value ResourceManager#RESOURCE_TYPE_PROPERTY} (type names, String or String[]) to hear of some types only.
 */
@ConsumerType
@FunctionalInterface
public interface PressureListener {

    /** The pressure of {@code type} is now {@code pressure}; {@code stats} is the accounting that caused it. */
    void pressureChanged(ResourceType type, ResourcePressure pressure, ResourceStats stats);
}
