/**
 * Flight HAL core contracts: {@link flight.hal.HalResult} and {@link flight.hal.HalError} for expected failures, and
 * the driver pattern every HAL driver follows ({@link flight.hal.HalDriver}, capabilities, tier, platform info).
 */
@Export
@Version("3.0.0")
package flight.hal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
