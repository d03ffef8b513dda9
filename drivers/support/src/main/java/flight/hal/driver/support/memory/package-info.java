/** A memory driver over a fixed off-heap region cut into pools, for platform profiles. */
@Export
@Version("1.0.0")
package flight.hal.driver.support.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
