/** The driver compliance kit: the Flight HAL compliance requirements as checks run against a live driver. */
@Export
@Version("1.2.0")
package flight.hal.compliance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
