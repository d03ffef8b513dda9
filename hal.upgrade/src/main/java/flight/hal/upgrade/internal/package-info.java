/**
 * Removes what an earlier run.jar installed and the running one no longer has, before the HAL starts.
 *
 * <p>Private to the upgrade bundle.
 */
package flight.hal.upgrade.internal;
