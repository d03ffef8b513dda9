/**
 * The host's platform services: each a DS component of this bundle. The temperature sensor and the GPU topology are
 * ranked HAL drivers built on the driver support library's base; the clock, random source, allocator and CPU
 * primitives are plain services. Private: consumers use the {@code flight.hal.platform} API.
 */
package flight.hal.driver.platform.internal;
