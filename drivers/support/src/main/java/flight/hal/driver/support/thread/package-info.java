/** A thread driver with one named worker thread per processor of a threading model. */
@Export
@Version("2.0.0")
package flight.hal.driver.support.thread;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
