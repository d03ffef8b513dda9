/**
 * The resource manager: budgets per resource type and per bundle, pressure with hysteresis, reclamation, pools of
 * off-heap blocks, acquisition modes, sharing between drivers as OSGi service dependencies, and leak detection.
 *
 * <p>2.0: a {@link flight.hal.resources.ResourceManager} is a tenant's view of its own bundle only; budgets and every
 * bundle's usage, pools and leaks moved to {@link flight.hal.resources.ResourceAdministration}, handed only to the
 * bundles the configuration allows.
 *
 * <p>2.1: {@link flight.hal.resources.ResourceEvents}, the Event Admin topics of pressure changes and leaks.
 */
@Export
@Version("2.1.0")
package flight.hal.resources;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
