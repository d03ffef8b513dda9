/**
 * The graphics HAL interface: buffers, render targets in the platforms' pixel formats, and the drawing a software or
 * hardware renderer offers every platform (clear, fill, blit, read back, write a PNG file).
 */
@Export
@Version("2.0.0")
package flight.hal.graphics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
