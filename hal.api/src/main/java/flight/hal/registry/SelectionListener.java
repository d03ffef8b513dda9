package flight.hal.registry;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told of every change of selected driver. Calls come in order, one at a time, on a registry
 * thread, never on the thread that caused the change; a listener that throws is logged and keeps being called.
 * Register it with the service property {@value #INTERFACE_FILTER_PROPERTY} to hear of some interfaces only.
 */
@ConsumerType
@FunctionalInterface
public interface SelectionListener {

    /** Service property: interface class names (String or String[]) the listener wants; absent means all. */
    String INTERFACE_FILTER_PROPERTY = "hal.selection.interface";

    /** The selected driver of an interface changed. */
    void selectionChanged(SelectionEvent event);
}
