/**
 * The host memory driver: off-heap memory cut from large direct regions in size classes, its allocation table and
 * usage counters, its configuration and the platform description of the machine it runs on.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.host.internal.memory;
