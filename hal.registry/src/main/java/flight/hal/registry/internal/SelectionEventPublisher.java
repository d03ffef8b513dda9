package flight.hal.registry.internal;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import flight.hal.registry.SelectionEvent;
import flight.hal.registry.SelectionListener;

/**
 * Posts every selection change to Event Admin on {@value SelectionEvent#TOPIC}. Event Admin is optional: without it
 * (its package is imported optionally) this component simply stays unsatisfied.
 */
@Component(service = SelectionListener.class)
public final class SelectionEventPublisher implements SelectionListener {

    @Reference
    EventAdmin eventAdmin;

    @Override
    public void selectionChanged(SelectionEvent event) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SelectionEvent.INTERFACE, event.interfaceName());
        if (event.previous() != null) {
            properties.put(SelectionEvent.PREVIOUS, event.previous());
        }
        if (event.selected() != null) {
            properties.put(SelectionEvent.SELECTED, event.selected());
        }
        eventAdmin.postEvent(new Event(SelectionEvent.TOPIC, properties));
    }
}
