/**
 * The storage HAL (HN4): block devices with asynchronous I/O and synchronous wrappers, flush and FUA, discard,
 * NVM persistence and zoned (ZNS) devices with write pointers.
 *
 * <p>2.1: {@link flight.hal.storage.StorageEvents}, the Event Admin topic of device errors.
 */
@Export
@Version("2.1.0")
package flight.hal.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
