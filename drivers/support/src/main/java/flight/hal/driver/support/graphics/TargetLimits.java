package flight.hal.driver.support.graphics;

import java.util.function.Supplier;

import flight.hal.HalError;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.graphics.TargetPixels;

/**
 * The render target sizes and pixel formats a graphics driver accepts, checked with messages that name the offending
 * values and the limits. Each check returns null when it passes, else the error.
 *
 * @since 1.1
 */
final class TargetLimits {
    private final String driverName;
    private final GraphicsLimits limits;
    /** Asked only for a message: a driver may learn its platform after construction. */
    private final Supplier<String> platformName;

    TargetLimits(String driverName, GraphicsLimits limits, Supplier<String> platformName) {
        this.driverName = driverName;
        this.limits = limits;
        this.platformName = platformName;
    }

    /** A target this driver can make: a positive size within the maximum resolution, a supported format. */
    HalError checkTarget(int width, int height, PixelFormat format) {
        if (width <= 0 || height <= 0) {
            return HalError.invalidParameter(driverName + ": a render target needs a positive size, got " + width
                    + "x" + height);
        }
        if (width > limits.maxWidth() || height > limits.maxHeight()) {
            return HalError.insufficientResources(driverName + ": a " + width + "x" + height
                    + " render target exceeds the maximum resolution of " + limits.maxWidth() + "x"
                    + limits.maxHeight());
        }
        return checkFormat(format);
    }

    HalError checkFormat(PixelFormat format) {
        if (format == null) {
            return HalError.invalidParameter(driverName + ": no pixel format given");
        }
        return limits.formats().contains(format) ? null : HalError.unsupportedFormat(driverName + ": pixel format "
                + format + " is not supported on " + platformName.get() + "; supported: "
                + limits.formats().stream().sorted().toList());
    }

    /** Another driver's target: one this driver could have made, with all its pixels. */
    HalError checkAdopted(TargetPixels adopted) {
        RenderTarget target = adopted.target();
        HalError refused = checkTarget(target.width(), target.height(), target.format());
        if (refused == null && adopted.pixels().capacity() != target.sizeInBytes()) {
            return HalError.invalidParameter(driverName + ": the pixel buffer of render target " + target.handle()
                    + " holds " + adopted.pixels().capacity() + " bytes, not its " + target.sizeInBytes());
        }
        return refused;
    }
}
