package flight.hal.graphics;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A live render target with its pixels, as handed over to a successor driver.
 *
 * @param target the render target, with the handle its clients hold
 * @param pixels its pixels in {@code target.format()}, row after row ({@code capacity() == target.sizeInBytes()});
 *               the adopter takes this memory over rather than copying it
 *
 * @since 1.1
 */
public record TargetPixels(RenderTarget target, ByteBuffer pixels) {

    public TargetPixels {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pixels, "pixels");
    }
}
