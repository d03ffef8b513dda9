/**
 * The HAL's Felix Health Checks, all tagged {@value flight.hal.health.internal.HalChecks#TAG}: each reads the
 * registry or the resource administration when it runs and says by name what is wrong.
 *
 * <p>Private to the health bundle.
 */
package flight.hal.health.internal;
