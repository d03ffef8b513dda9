package flight.hal.compliance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of PID {@code flight.hal.compliance} in a Metatype-aware console; {@link KitSettings} reads it. */
@ObjectClassDefinition(name = "Flight HAL compliance kit",
        description = "Time bounds of the compliance checks that hal:comply and the console run against a driver. "
                + "A missing or unusable value keeps its default (logged).")
@interface KitMetatype {

    @AttributeDefinition(name = "Call timeout (ms)", min = "1", description = "call.timeout.ms: how long one "
            + "describing or lifecycle call of the driver (initialize(), platformInfo(), capabilities(), shutdown()) "
            + "may take, in milliseconds.")
    long call_timeout_ms() default 5_000;

    @AttributeDefinition(name = "Check timeout (ms)", min = "1", description = "check.timeout.ms: how long one "
            + "check may take, soak excluded, in milliseconds.")
    long check_timeout_ms() default 60_000;

    @AttributeDefinition(name = "Soak (s)", min = "1", max = "86400", description = "soak.seconds: how long the "
            + "long-running stability checks run, in seconds; longer values are cut to 24 hours.")
    long soak_seconds() default 1;
}
