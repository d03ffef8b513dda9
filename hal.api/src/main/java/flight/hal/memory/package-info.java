/** The memory HAL interface: allocation with size, alignment, flags and type; statistics; maintenance. */
@Export
@Version("2.0.0")
package flight.hal.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
