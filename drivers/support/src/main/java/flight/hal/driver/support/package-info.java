/**
 * Driver support library: the identity and lifecycle every driver built on it shares. Imported by driver bundles
 * only; applications use {@code flight.hal} and its interfaces.
 */
@Export
@Version("2.1.0")
package flight.hal.driver.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
