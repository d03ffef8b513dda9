/** A graphics driver that renders in software within given limits. */
@Export
@Version("2.0.0")
package flight.hal.driver.support.graphics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
