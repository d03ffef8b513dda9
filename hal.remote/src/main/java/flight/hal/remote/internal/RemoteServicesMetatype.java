package flight.hal.remote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of the configuration {@code flight.hal.remote}: the fleet secret and where this node listens. */
@ObjectClassDefinition(name = "Flight HAL remote services",
        description = "The fleet secret and where this node listens for remote calls (README: More than one machine)")
@interface RemoteServicesMetatype {
    @AttributeDefinition(description = "The fleet's shared secret; no default: without it nothing is exported,"
            + " imported or listened on")
    String secret();

    @AttributeDefinition(description = "The address the node listens on")
    String bindHost() default "127.0.0.1";

    @AttributeDefinition(description = "The port the node listens on", min = "0", max = "65535")
    int port() default 8701;

    @AttributeDefinition(description = "How long a remote call may take before it fails, in milliseconds", min = "1")
    int callTimeoutMillis() default 2000;
}
