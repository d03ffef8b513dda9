/** The threading HAL interface: parallel execution under the platform's threading model. */
@Export
@Version("2.0.0")
package flight.hal.thread;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
