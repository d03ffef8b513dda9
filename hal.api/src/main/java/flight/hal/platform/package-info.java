/**
 * HN4 platform services: monotonic time, 64-bit random numbers, temperature, GPU topology with the calling thread's
 * GPU, the 128-byte aligned guarded allocator, spinlocks with backoff and memory fences.
 */
@Export
@Version("1.0.1")
package flight.hal.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
