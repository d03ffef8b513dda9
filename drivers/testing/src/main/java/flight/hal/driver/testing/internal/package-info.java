/**
 * Drivers for the integration tests: a test memory driver that outranks the host's, one whose availability and
 * failures configuration sets, hostile ones that misbehave on purpose, and a probe of the selected driver.
 *
 * <p>Private to its bundle (not exported): reached only as the HAL services its components register.
 */
package flight.hal.driver.testing.internal;
