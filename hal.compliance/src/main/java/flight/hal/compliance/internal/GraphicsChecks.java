package flight.hal.compliance.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import flight.hal.ErrorCategory;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;

/** Graphics checks of the contract (drawing and reading back), validation, error handling and cleanup. */
final class GraphicsChecks {
    private static final int CLEANUP_OBJECTS = 20;

    private final GraphicsDriver graphics;
    private final GraphicsLimits limits;
    private final PixelFormat format;

    GraphicsChecks(GraphicsDriver graphics, GraphicsLimits limits) {
        this.graphics = graphics;
        this.limits = limits;
        this.format = Colours.formatOf(limits);
    }

    private RenderTarget target(int width, int height) {
        return target(width, height, format);
    }

    private RenderTarget target(int width, int height, PixelFormat in) {
        int w = Math.min(width, limits.maxWidth());
        int h = Math.min(height, limits.maxHeight());
        return Expect.ok(graphics.createRenderTarget(w, h, in), "createRenderTarget(" + w + "x" + h + " " + in
                + ")");
    }

    private int[] pixels(RenderTarget target, int x, int y, int width, int height) {
        return Expect.ok(graphics.readPixels(target, x, y, width, height), "readPixels()");
    }

    /** Draws in every supported format, blitting from the next supported format, and writes each as a PNG. */
    Outcome drawing() throws Exception {
        List<PixelFormat> formats = limits.formats().stream().filter(Colours::drawable).sorted().toList();
        for (int i = 0; i < formats.size(); i++) {
            drawIn(formats.get(i), formats.get((i + 1) % formats.size()));
        }
        return Outcome.pass("clear, fill, blit (converting formats) and read back in " + formats
                + "; each PNG shows the same pixels");
    }

    private void drawIn(PixelFormat in, PixelFormat from) throws Exception {
        RenderTarget target = target(64, 32, in);
        int w = target.width();
        int h = target.height();
        Expect.that(graphics.isValidRenderTarget(target), "isValidRenderTarget() is false for a live target");
        Expect.ok(graphics.clear(target, Colours.BLUE), "clear()");
        Expect.that(Arrays.stream(pixels(target, 0, 0, w, h)).allMatch(argb -> argb == in.quantize(Colours.BLUE)),
                "clear() left " + in + " pixels that are not the clear colour");
        Expect.ok(graphics.fillRect(target, 0, 0, w, 1, Colours.RED), "fillRect()");
        Expect.that(pixels(target, w - 1, 0, 1, 1)[0] == in.quantize(Colours.RED)
                && (h == 1 || pixels(target, 0, 1, 1, 1)[0] == in.quantize(Colours.BLUE)),
                "fillRect() did not fill exactly its rectangle in " + in);
        GraphicsBuffer buffer = Expect.ok(graphics.createBuffer(from.bytesPerPixel(), BufferUsage.STAGING),
                "createBuffer()");
        Expect.that(graphics.isValidBuffer(buffer) && buffer.size() == from.bytesPerPixel(),
                "the buffer is not valid or not of the requested size");
        from.write(buffer.data(), 0, Colours.GREEN);
        Expect.ok(graphics.blit(new BufferImage(buffer, 1, 1, from), target, w - 1, h - 1), "blit()");
        Expect.that(pixels(target, w - 1, h - 1, 1, 1)[0] == in.quantize(from.quantize(Colours.GREEN)),
                "blit() did not copy the " + from + " pixel into " + in);
        Path file = Files.createTempFile("hal-comply-", ".png");
        try {
            Expect.ok(graphics.writePng(target, file), "writePng()");
            BufferedImage image = ImageIO.read(file.toFile());
            Expect.that(image != null && image.getWidth() == w && image.getHeight() == h,
                    "the PNG written cannot be read back as a " + w + "x" + h + " image");
            Expect.that(Arrays.equals(image.getRGB(0, 0, w, h, null, 0, w), pixels(target, 0, 0, w, h)),
                    "the PNG of the " + in + " target does not show what readPixels() returns");
        } finally {
            Files.deleteIfExists(file);
        }
        Expect.ok(graphics.releaseBuffer(buffer), "releaseBuffer()");
        Expect.ok(graphics.releaseRenderTarget(target), "releaseRenderTarget()");
    }

    Outcome validation() {
        Expect.error(graphics.createRenderTarget(0, 1, format), ErrorCategory.INVALID_PARAMETER,
                "createRenderTarget(0x1)");
        Expect.error(graphics.createRenderTarget(1, -1, format), ErrorCategory.INVALID_PARAMETER,
                "createRenderTarget(1x-1)");
        Expect.error(graphics.createRenderTarget(1, 1, null), ErrorCategory.INVALID_PARAMETER,
                "createRenderTarget(no format)");
        if (limits.maxWidth() < Integer.MAX_VALUE) {
            Expect.error(graphics.createRenderTarget(limits.maxWidth() + 1, 1, format),
                    ErrorCategory.INSUFFICIENT_RESOURCES, "createRenderTarget(wider than maxWidth)",
                    Integer.toString(limits.maxWidth()));
        }
        PixelFormat unsupported = Arrays.stream(PixelFormat.values()).filter(f -> !limits.formats().contains(f))
                .findFirst().orElse(null);
        if (unsupported != null) {
            Expect.error(graphics.createRenderTarget(1, 1, unsupported), ErrorCategory.UNSUPPORTED_FORMAT,
                    "createRenderTarget(" + unsupported + ")", unsupported.name());
        }
        Expect.error(graphics.createBuffer(0, BufferUsage.STATIC), ErrorCategory.INVALID_PARAMETER,
                "createBuffer(0 bytes)");
        Expect.error(graphics.createBuffer(-5, BufferUsage.STATIC), ErrorCategory.INVALID_PARAMETER,
                "createBuffer(-5 bytes)", "-5");
        Expect.error(graphics.createBuffer(8, null), ErrorCategory.INVALID_PARAMETER, "createBuffer(no usage)");
        RenderTarget target = target(4, 4);
        GraphicsBuffer small = Expect.ok(graphics.createBuffer(1, BufferUsage.STATIC), "createBuffer(1 byte)");
        try {
            Expect.error(graphics.fillRect(target, target.width() - 1, 0, 2, 1, Colours.RED),
                    ErrorCategory.INVALID_PARAMETER, "fillRect(partly outside)");
            Expect.error(graphics.readPixels(target, -1, 0, 1, 1), ErrorCategory.INVALID_PARAMETER,
                    "readPixels(at x -1)");
            Expect.error(graphics.blit(new BufferImage(small, 1, 1, format), target, 0, 0),
                    ErrorCategory.INVALID_PARAMETER, "blit(an image larger than its buffer)");
        } finally {
            graphics.releaseBuffer(small);
            graphics.releaseRenderTarget(target);
        }
        return Outcome.pass("empty, negative and oversized targets and buffers, missing formats"
                + (unsupported == null ? "" : " and unsupported ones") + ", rectangles outside the target: refused");
    }

    Outcome errorHandling() throws IOException {
        GraphicsStats before = Expect.ok(graphics.stats(), "stats()");
        RenderTarget target = target(8, 8);
        GraphicsBuffer buffer = Expect.ok(graphics.createBuffer(64, BufferUsage.DYNAMIC), "createBuffer()");
        Expect.ok(graphics.releaseRenderTarget(target), "releaseRenderTarget()");
        Expect.ok(graphics.releaseBuffer(buffer), "releaseBuffer()");
        Expect.error(graphics.releaseRenderTarget(target), ErrorCategory.NOT_FOUND, "a second releaseRenderTarget()");
        Expect.error(graphics.releaseBuffer(buffer), ErrorCategory.NOT_FOUND, "a second releaseBuffer()");
        Expect.error(graphics.clear(target, Colours.RED), ErrorCategory.NOT_FOUND, "clear(released target)");
        Expect.error(graphics.readPixels(target, 0, 0, 1, 1), ErrorCategory.NOT_FOUND, "readPixels(released target)");
        Expect.that(!graphics.isValidRenderTarget(target) && !graphics.isValidBuffer(buffer),
                "released objects are still valid");
        Expect.error(graphics.releaseBuffer(null), ErrorCategory.INVALID_PARAMETER, "releaseBuffer(null)");
        Expect.error(graphics.clear(null, Colours.RED), ErrorCategory.INVALID_PARAMETER, "clear(null)");
        foreignObjects();
        expectStats(before);
        return Outcome.pass("double release, use after release, null objects and other drivers' objects: errors,"
                + " nothing changed");
    }

    /** Objects with handles another driver issued are refused as foreign, and a live target they name is untouched. */
    private void foreignObjects() throws IOException {
        RenderTarget live = target(4, 4);
        try {
            Expect.ok(graphics.clear(live, Colours.BLUE), "clear()");
            long foreign = Expect.foreignHandle();
            RenderTarget target = new RenderTarget(foreign, live.width(), live.height(), format);
            GraphicsBuffer buffer = new GraphicsBuffer(foreign, ByteBuffer.allocateDirect(4 * format.bytesPerPixel()),
                    BufferUsage.STAGING, 0);
            Expect.foreign(graphics.releaseRenderTarget(target), "releaseRenderTarget(another driver's target)");
            Expect.foreign(graphics.releaseBuffer(buffer), "releaseBuffer(another driver's buffer)");
            Expect.foreign(graphics.clear(target, Colours.RED), "clear(another driver's target)");
            Expect.foreign(graphics.fillRect(target, 0, 0, 1, 1, Colours.RED), "fillRect(another driver's target)");
            Expect.foreign(graphics.readPixels(target, 0, 0, 1, 1), "readPixels(another driver's target)");
            Path png = Files.createTempFile("hal-comply-", ".png");
            Files.delete(png);
            Expect.foreign(graphics.writePng(target, png), "writePng(another driver's target)");
            Expect.that(!Files.deleteIfExists(png), "a refused writePng() wrote " + png);
            Expect.foreign(graphics.blit(new BufferImage(buffer, 2, 2, format), live, 0, 0),
                    "blit(from another driver's buffer)");
            Expect.that(!graphics.isValidRenderTarget(target) && !graphics.isValidBuffer(buffer),
                    "another driver's objects are valid");
            Expect.that(Arrays.stream(pixels(live, 0, 0, live.width(), live.height()))
                    .allMatch(argb -> argb == format.quantize(Colours.BLUE)), "a refused blit changed the target");
        } finally {
            graphics.releaseRenderTarget(live);
        }
    }

    Outcome cleanup() {
        GraphicsStats before = Expect.ok(graphics.stats(), "stats()");
        List<RenderTarget> targets = new ArrayList<>();
        List<GraphicsBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < CLEANUP_OBJECTS; i++) {
            targets.add(target(64, 64));
            buffers.add(Expect.ok(graphics.createBuffer(1000 + i, BufferUsage.values()[i % 3]), "createBuffer()"));
        }
        for (int i = CLEANUP_OBJECTS - 1; i >= 0; i--) {
            Expect.ok(graphics.releaseRenderTarget(targets.get(i)), "releaseRenderTarget()");
            Expect.ok(graphics.releaseBuffer(buffers.get(i)), "releaseBuffer()");
        }
        expectStats(before);
        return Outcome.pass(CLEANUP_OBJECTS + " targets and " + CLEANUP_OBJECTS + " buffers released: graphics "
                + "memory and counts back where they were");
    }

    private void expectStats(GraphicsStats before) {
        GraphicsStats after = Expect.ok(graphics.stats(), "stats()");
        Expect.that(after.usedBytes() == before.usedBytes() && after.buffers() == before.buffers()
                && after.renderTargets() == before.renderTargets(), "the accounting is " + after + ", it was "
                + before);
    }
}
