/**
 * The driver registry: the selected driver of each HAL interface, leases that keep a driver from being shut down
 * under a call, pinning, and notifications of selection changes.
 */
@Export
@Version("1.3.0")
package flight.hal.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
