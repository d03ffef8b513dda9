/**
 * The PSP profile: memory, graphics and threading drivers enforcing that handheld's limits on a desktop JVM,
 * built on the driver support library.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.psp.internal;
