package flight.hal.driver.storage.internal;

import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.storage.StorageEvents;

/**
 * Posts a block device's errors to Event Admin on {@value StorageEvents#DEVICE_ERROR}: a device that could not be
 * opened, and operations the medium failed ({@code IO_ERROR}); requests the device refused are the caller's errors.
 * Event Admin is another bundle: an Event Admin that throws is logged, never passed on to the device's caller.
 */
final class DeviceErrorEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceErrorEvents.class);

    private DeviceErrorEvents() {
    }

    /** Posts the failure to open {@code device}, when {@code eventAdmin} is not null. */
    static void openFailed(EventAdmin eventAdmin, String device, HalError error) {
        post(eventAdmin, device, StorageEvents.OPEN, error);
    }

    /** Posts {@code error} of {@code operation} when it is the medium's ({@code IO_ERROR}) and there is an Event Admin. */
    static void operationFailed(EventAdmin eventAdmin, String device, String operation, HalError error) {
        if (error != null && error.category() == ErrorCategory.IO_ERROR) {
            post(eventAdmin, device, operation, error);
        }
    }

    private static void post(EventAdmin eventAdmin, String device, String operation, HalError error) {
        if (eventAdmin == null) {
            return;
        }
        try {
            eventAdmin.postEvent(new Event(StorageEvents.DEVICE_ERROR, Map.of(StorageEvents.DEVICE, device,
                    StorageEvents.OPERATION, operation, StorageEvents.ERROR_CATEGORY, error.category().name(),
                    StorageEvents.ERROR_CODE, error.code(), StorageEvents.MESSAGE, error.message())));
        } catch (RuntimeException e) {
            LOG.warn("Event Admin {} refused the error event of device {}", eventAdmin, device, e);
        }
    }
}
