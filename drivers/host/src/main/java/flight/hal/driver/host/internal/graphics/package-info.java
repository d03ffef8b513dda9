/**
 * The host graphics driver: software rendering without artificial limits, on the support library's graphics.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.host.internal.graphics;
