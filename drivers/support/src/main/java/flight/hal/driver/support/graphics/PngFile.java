package flight.hal.driver.support.graphics;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Writes the pixels of a render target to a PNG file, failures as results naming the driver.
 *
 * @since 1.1
 */
final class PngFile {

    private PngFile() {
    }

    /** Writes {@code argb}, the {@code width} x {@code height} pixels of a target row after row, to {@code file}. */
    static HalResult<Void> write(String driverName, int width, int height, int[] argb, Path file) {
        BufferedImage image;
        try {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, width, height, argb, 0, width);
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.outOfMemory(driverName + ": the JVM cannot hold a " + width + "x"
                    + height + " image to write: " + e.getMessage()));
        }
        // our own stream: ImageIO.write(..., File) prints a stack trace to stderr when it cannot open the file
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
            return ImageIO.write(image, "png", png) ? HalResult.ok()
                    : HalResult.err(HalError.unsupportedFormat(driverName + ": this JVM has no PNG writer"));
        } catch (IOException e) {
            return HalResult.err(ErrorCategory.IO_ERROR, driverName + ": cannot write " + file + ": " + e);
        }
    }
}
