/**
 * The driver compliance kit behind {@link flight.hal.compliance.ComplianceKit}: the suites per HAL interface
 * (memory, graphics, threads, storage), their checks, load, stress and soak levels, each driver call bounded on
 * the kit's own threads, the report text and {@code hal:comply}.
 *
 * <p>Private to the compliance bundle.
 */
package flight.hal.compliance.internal;
