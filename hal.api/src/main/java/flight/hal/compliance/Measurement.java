package flight.hal.compliance;

import java.util.Objects;

/**
 * A figure a check measured, with the service level it was held against.
 *
 * @param value       the measured value
 * @param unit        its unit, e.g. {@code "ms"} or {@code "%"}
 * @param requirement the service level, e.g. {@code "< 5 ms"}; empty when the platform sets none
 * @param timing      whether the value is a duration, so it depends on the machine and its load
 */
public record Measurement(double value, String unit, String requirement, boolean timing) {

    public Measurement {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(requirement, "requirement");
    }
}
