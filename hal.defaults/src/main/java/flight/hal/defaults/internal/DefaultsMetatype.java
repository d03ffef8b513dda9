package flight.hal.defaults.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of PID {@code flight.hal.defaults}, the record {@link ConfigAdminStore} keeps of the applied defaults. */
@ObjectClassDefinition(pid = ConfigAdminStore.RECORD_PID, name = "Flight HAL first-start defaults",
        description = "Which of the runtime's default configurations (default block devices, the health servlet) were "
                + "applied in this framework storage; each is applied once. Remove an id, or delete this "
                + "configuration, and that default (or every default) is applied again at the next start.")
@interface DefaultsMetatype {

    @AttributeDefinition(name = "Applied defaults", required = false, cardinality = Integer.MAX_VALUE,
            description = "applied: the PIDs of the defaults applied so far, e.g. flight.hal.storage.device~zns0.")
    String[] applied();
}
