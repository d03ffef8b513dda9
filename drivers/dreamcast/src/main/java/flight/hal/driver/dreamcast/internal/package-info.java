/**
 * The Dreamcast profile: memory, graphics and threading drivers enforcing that console's limits (16 MiB of main
 * memory, 16-bit pixel formats, one thread) on a desktop JVM, built on the driver support library.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.dreamcast.internal;
