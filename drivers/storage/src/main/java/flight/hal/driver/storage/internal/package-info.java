/**
 * Block devices on the host: file, NVM (mapped) and zoned devices opened from configuration, with their
 * submission queue, checks, zone table and metadata, discard map, thermal governor, reports and the
 * {@code hal:} storage commands.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.storage.internal;
