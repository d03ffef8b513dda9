/**
 * The fleet: HAL nodes whose drivers a controller uses over OSGi Remote Services, with their state as the controller
 * sees it.
 */
@Export
@Version("1.0.0")
package flight.hal.fleet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
