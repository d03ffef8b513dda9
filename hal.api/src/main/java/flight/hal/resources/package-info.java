/**
 * The resource manager: budgets per resource type and per bundle, pressure with hysteresis, reclamation, pools of
 * off-heap blocks, acquisition modes, sharing between drivers as OSGi service dependencies, and leak detection.
 */
@Export
@Version("1.0.1")
package flight.hal.resources;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
