package flight.hal.driver.support.graphics;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.RenderTarget;

/** The rectangle checks of a graphics driver, with messages that name the offending values and the limits. */
final class Rectangles {
    private final String driverName;

    Rectangles(String driverName) {
        this.driverName = driverName;
    }

    /** Success when the rectangle is not empty and lies wholly inside {@code target}. */
    HalResult<Void> inside(RenderTarget target, int x, int y, int width, int height) {
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || (long) x + width > target.width()
                || (long) y + height > target.height()) {
            return HalResult.err(HalError.invalidParameter(driverName + ": the rectangle at (" + x + ", " + y
                    + ") of " + width + "x" + height + " does not lie inside the " + target.width() + "x"
                    + target.height() + " render target " + target.handle()));
        }
        return HalResult.ok();
    }

    /** Success when {@code source} has a positive size and its pixels fit its buffer. */
    HalResult<Void> fits(BufferImage source) {
        if (source.width() <= 0 || source.height() <= 0) {
            return HalResult.err(HalError.invalidParameter(driverName + ": a blit source needs a positive size, got "
                    + source.width() + "x" + source.height()));
        }
        if (source.sizeInBytes() > source.buffer().size()) {
            return HalResult.err(HalError.invalidParameter(driverName + ": a " + source.width() + "x"
                    + source.height() + " " + source.format() + " image needs " + source.sizeInBytes()
                    + " bytes but buffer " + source.buffer().handle() + " holds " + source.buffer().size()));
        }
        return HalResult.ok();
    }
}
