package flight.hal.compliance;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one compliance check.
 *
 * @param name        what was checked, e.g. {@code "allocation latency"}
 * @param category    which requirement group it belongs to
 * @param verdict     pass, fail or skipped
 * @param detail      what was found: on failure what was wrong, on skip why
 * @param measurement the figure measured, or {@code null} when the check measures none
 */
public record CheckResult(String name, CheckCategory category, Verdict verdict, String detail,
                          Measurement measurement) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    /** The measured figure, if the check measures one. */
    public Optional<Measurement> figure() {
        return Optional.ofNullable(measurement);
    }

    /** Whether the verdict rests on a duration measured on this machine. */
    public boolean isTiming() {
        return measurement != null && measurement.timing();
    }
}
