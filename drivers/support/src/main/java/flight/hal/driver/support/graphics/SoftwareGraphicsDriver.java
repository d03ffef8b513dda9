package flight.hal.driver.support.graphics;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.driver.support.DriverBase;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.MemoryAllocation;

/**
 * A graphics driver that renders in software into Java buffers, within the limits it is made with: render target
 * size, pixel formats and accounted graphics memory. Objects are created by {@link #initialize()}'s generation and
 * dropped by {@link #shutdown()}.
 */
public abstract class SoftwareGraphicsDriver extends DriverBase<GraphicsObjects> implements GraphicsDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareGraphicsDriver.class);

    private final GraphicsLimits limits;
    private final Rectangles rectangles;
    /** Handles of buffers and targets are never reused, not even across re-initializations. */
    private final AtomicLong nextHandle = new AtomicLong(1);

    protected SoftwareGraphicsDriver(String name, GraphicsLimits limits) {
        super(name);
        this.limits = limits;
        this.rectangles = new Rectangles(name);
    }

    @Override
    public GraphicsLimits limits() {
        return limits;
    }

    @Override
    protected HalResult<GraphicsObjects> open() {
        return HalResult.ok(new GraphicsObjects(limits.textureMemoryBytes()));
    }

    @Override
    protected void close(GraphicsObjects closing) {
        if (closing.liveCount() > 0) {
            LOG.warn("{} shut down with {} live buffers and render targets; dropping them", name(),
                    closing.liveCount());
        }
    }

    @Override
    public HalResult<GraphicsBuffer> createBuffer(long size, BufferUsage usage) {
        return state().flatMap(live -> {
            if (size <= 0 || usage == null) {
                return invalid("a buffer needs a positive size and a usage, got " + size + " bytes for " + usage);
            }
            HalError refused = charge(live, size, "a buffer of " + size + " bytes");
            if (refused != null) {
                return HalResult.err(refused);
            }
            try {
                GraphicsBuffer buffer = new GraphicsBuffer(nextHandle.getAndIncrement(),
                        ByteBuffer.allocateDirect((int) size), usage, 0);
                live.add(buffer);
                return HalResult.ok(buffer);
            } catch (OutOfMemoryError e) {
                live.refund(size);
                return HalResult.err(HalError.outOfMemory(name() + ": the JVM cannot hold a buffer of " + size
                        + " bytes: " + e.getMessage()));
            }
        });
    }

    @Override
    public HalResult<GraphicsBuffer> createBufferFromMemory(MemoryAllocation memory, BufferUsage usage) {
        return state().flatMap(live -> {
            if (memory == null || usage == null) {
                return invalid("a buffer over memory needs an allocation and a usage, got " + memory + ", " + usage);
            }
            ByteBuffer view = memory.buffer().slice(0, memory.buffer().capacity());
            GraphicsBuffer buffer = new GraphicsBuffer(nextHandle.getAndIncrement(), view, usage, memory.handle());
            live.add(buffer);
            return HalResult.ok(buffer);
        });
    }

    @Override
    public boolean isValidBuffer(GraphicsBuffer buffer) {
        GraphicsObjects live = current();
        return live != null && buffer != null && live.buffer(buffer) != null;
    }

    @Override
    public HalResult<Void> releaseBuffer(GraphicsBuffer buffer) {
        return state().flatMap(live -> buffer == null ? invalid("cannot release the null buffer")
                : live.remove(buffer) ? HalResult.ok() : HalResult.err(unknown("buffer", buffer.handle())));
    }

    @Override
    public HalResult<RenderTarget> createRenderTarget(int width, int height, PixelFormat format) {
        return state().flatMap(live -> {
            HalError refused = rectangles.checkTargetSize(width, height, limits);
            if (refused == null) {
                refused = checkFormat(format);
            }
            long bytes = (long) width * height * (format == null ? 0 : format.bytesPerPixel());
            if (refused == null) {
                refused = charge(live, bytes, "a " + width + "x" + height + " " + format + " render target");
            }
            return refused != null ? HalResult.err(refused) : newTarget(live, width, height, format, bytes);
        });
    }

    private HalResult<RenderTarget> newTarget(GraphicsObjects live, int width, int height, PixelFormat format,
                                              long bytes) {
        try {
            Surface surface = new Surface(new RenderTarget(nextHandle.getAndIncrement(), width, height, format));
            live.add(surface);
            return HalResult.ok(surface.target);
        } catch (OutOfMemoryError e) {
            live.refund(bytes);
            return HalResult.err(HalError.outOfMemory(name() + ": the JVM cannot hold the " + bytes
                    + " bytes of a " + width + "x" + height + " render target: " + e.getMessage()));
        }
    }

    @Override
    public boolean isValidRenderTarget(RenderTarget target) {
        GraphicsObjects live = current();
        return live != null && target != null && live.surface(target) != null;
    }

    @Override
    public HalResult<Void> releaseRenderTarget(RenderTarget target) {
        return state().flatMap(live -> target == null ? invalid("cannot release the null render target")
                : live.remove(target) ? HalResult.ok() : HalResult.err(unknown("render target", target.handle())));
    }

    @Override
    public HalResult<Void> clear(RenderTarget target, int argb) {
        return surface(target).map(surface -> {
            surface.fill(0, 0, target.width(), target.height(), argb);
            return null;
        });
    }

    @Override
    public HalResult<Void> fillRect(RenderTarget target, int x, int y, int width, int height, int argb) {
        return surface(target).flatMap(surface -> rectangles.inside(target, x, y, width, height).map(ok -> {
            surface.fill(x, y, width, height, argb);
            return null;
        }));
    }

    @Override
    public HalResult<Void> blit(BufferImage source, RenderTarget target, int x, int y) {
        return surface(target).flatMap(surface -> checkSource(source)
                .flatMap(ok -> rectangles.inside(target, x, y, source.width(), source.height()))
                .map(ok -> {
                    surface.blit(source, x, y);
                    return null;
                }));
    }

    @Override
    public HalResult<int[]> readPixels(RenderTarget target, int x, int y, int width, int height) {
        return surface(target).flatMap(surface -> rectangles.inside(target, x, y, width, height)
                .flatMap(ok -> pixels(surface, x, y, width, height)));
    }

    @Override
    public HalResult<Void> writePng(RenderTarget target, Path file) {
        return surface(target).flatMap(surface -> {
            if (file == null) {
                return invalid("no file to write the render target to");
            }
            return image(surface).flatMap(image -> write(image, file));
        });
    }

    /** The target as an ARGB image. */
    private HalResult<BufferedImage> image(Surface surface) {
        RenderTarget target = surface.target;
        return pixels(surface, 0, 0, target.width(), target.height()).flatMap(pixels -> {
            try {
                BufferedImage image =
                        new BufferedImage(target.width(), target.height(), BufferedImage.TYPE_INT_ARGB);
                image.setRGB(0, 0, target.width(), target.height(), pixels, 0, target.width());
                return HalResult.ok(image);
            } catch (OutOfMemoryError e) {
                return HalResult.err(HalError.outOfMemory(name() + ": the JVM cannot hold a " + target.width()
                        + "x" + target.height() + " image to write: " + e.getMessage()));
            }
        });
    }

    private HalResult<Void> write(BufferedImage image, Path file) {
        // our own stream: ImageIO.write(..., File) prints a stack trace to stderr when it cannot open the file
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
            return ImageIO.write(image, "png", png) ? HalResult.ok()
                    : HalResult.err(HalError.unsupportedFormat(name() + ": this JVM has no PNG writer"));
        } catch (IOException e) {
            return HalResult.err(ErrorCategory.IO_ERROR, name() + ": cannot write " + file + ": " + e);
        }
    }

    @Override
    public HalResult<GraphicsStats> stats() {
        return state().map(GraphicsObjects::stats);
    }

    private HalResult<int[]> pixels(Surface surface, int x, int y, int width, int height) {
        try {
            return HalResult.ok(surface.read(x, y, width, height));
        } catch (OutOfMemoryError e) {
            return HalResult.err(HalError.outOfMemory(name() + ": the JVM cannot hold the " + width + "x" + height
                    + " pixels read back: " + e.getMessage()));
        }
    }

    private HalResult<Surface> surface(RenderTarget target) {
        return state().flatMap(live -> {
            if (target == null) {
                return invalid("the render target is null");
            }
            Surface surface = live.surface(target);
            return surface == null ? HalResult.err(unknown("render target", target.handle())) : HalResult.ok(surface);
        });
    }

    /** A blit source: a live buffer, a supported format, a positive size that fits the buffer. */
    private HalResult<Void> checkSource(BufferImage source) {
        if (source == null) {
            return invalid("the blit source is null");
        }
        if (!isValidBuffer(source.buffer())) {
            return HalResult.err(unknown("buffer", source.buffer().handle()));
        }
        HalError refused = checkFormat(source.format());
        if (refused != null) {
            return HalResult.err(refused);
        }
        return rectangles.fits(source);
    }

    private HalError checkFormat(PixelFormat format) {
        if (format == null) {
            return HalError.invalidParameter(name() + ": no pixel format given");
        }
        return limits.formats().contains(format) ? null : HalError.unsupportedFormat(name() + ": pixel format "
                + format + " is not supported on " + platformInfo().platformName() + "; supported: "
                + limits.formats().stream().sorted().toList());
    }

    /** Charges graphics memory, or names the limit that refuses it. */
    private HalError charge(GraphicsObjects live, long bytes, String what) {
        if (bytes > Integer.MAX_VALUE) {
            return HalError.insufficientResources(name() + ": " + what + " needs " + bytes
                    + " bytes, more than the " + Integer.MAX_VALUE + " bytes one Java buffer holds");
        }
        if (!live.charge(bytes)) {
            return HalError.insufficientResources(name() + ": " + what + " needs " + bytes + " bytes; "
                    + live.usedBytes() + " of the " + limits.textureMemoryBytes()
                    + " bytes of texture memory are in use");
        }
        return null;
    }

    private HalError unknown(String what, long handle) {
        return HalError.notFound(name() + ": unknown " + what + " handle " + handle
                + ": never created by this driver or already released");
    }
}
