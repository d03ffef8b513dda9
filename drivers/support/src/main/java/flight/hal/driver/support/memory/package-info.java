/**
 * A memory driver over a fixed off-heap region cut into pools, for platform profiles, and the checks every memory
 * driver shares when it adopts another driver's allocations.
 */
@Export
@Version("1.2.0")
package flight.hal.driver.support.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
