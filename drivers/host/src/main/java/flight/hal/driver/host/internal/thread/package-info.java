/**
 * The host thread driver: a worker pool with a worker per processor.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.host.internal.thread;
