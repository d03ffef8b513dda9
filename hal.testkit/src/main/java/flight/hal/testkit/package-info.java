/**
 * Property-based contracts for HAL drivers, written with jqwik: generated bad input (zero, negative, huge and
 * overflowing numbers, nulls, foreign and released handles) interleaved with good calls whose effects are checked
 * against a simple model. A driver's own tests implement a contract interface and say how to make a driver.
 * {@link flight.hal.testkit.MetatypeDefaults} gives what a Metatype form saves unchanged, for a component's parser.
 */
@Export
@Version("1.1.0")
package flight.hal.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
