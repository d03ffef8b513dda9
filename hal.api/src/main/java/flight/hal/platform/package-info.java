/**
 * HN4 platform services: monotonic time, 64-bit random numbers, temperature, GPU topology with the calling thread's
 * GPU, the 128-byte aligned guarded allocator, spinlocks with backoff and memory fences. The host implementations
 * live in their own bundle ({@code flight.hal.driver.platform}), so a clock does not need block devices.
 *
 * <p>Where alternatives make sense the service is a HAL interface with ranked drivers: {@link TemperatureSensor} and
 * {@link GpuTopology} extend {@link flight.hal.HalDriver} (since 2.0, hence the major version); consumers take the
 * registry's selected one ({@code hal.selected=true}). Clock, random source, allocator and CPU primitives have one
 * implementation per machine and stay plain services.
 */
@Export
@Version("2.0.0")
package flight.hal.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
