package flight.hal.driver.support.graphics;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;
import flight.hal.driver.support.DriverBase;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.GraphicsHandOver;
import flight.hal.graphics.GraphicsLimits;
import flight.hal.graphics.GraphicsStats;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.graphics.TargetPixels;
import flight.hal.memory.MemoryAllocation;

/**
 * A graphics driver that renders in software into Java buffers, within the limits it is made with: render target
 * size, pixel formats and accounted graphics memory. Objects are created by {@link #initialize()}'s generation and
 * dropped by {@link #shutdown()}. In a hot swap it adopts another driver's buffers and render targets, keeping their
 * handles and memory, when they are within its limits.
 */
public abstract class SoftwareGraphicsDriver extends DriverBase<GraphicsObjects>
        implements GraphicsDriver, ObjectOwner<GraphicsHandOver> {
    private static final Logger LOG = LoggerFactory.getLogger(SoftwareGraphicsDriver.class);

    private final GraphicsLimits limits;
    private final Rectangles rectangles;
    private final TargetLimits targetLimits;

    protected SoftwareGraphicsDriver(String name, GraphicsLimits limits) {
        super(name);
        this.limits = limits;
        this.rectangles = new Rectangles(name);
        this.targetLimits = new TargetLimits(name, limits, () -> platformInfo().platformName());
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
        LiveObjects dropped = closing.liveObjects();
        if (!dropped.isEmpty()) {
            LOG.warn("{} shut down with {} live buffers and render targets; dropping them", name(), dropped.count());
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
                GraphicsBuffer buffer = new GraphicsBuffer(handles().issue(),
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
            GraphicsBuffer buffer = new GraphicsBuffer(handles().issue(), view, usage, memory.handle());
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
                : live.remove(buffer) ? HalResult.ok() : refuse(buffer.handle(), "release buffer"));
    }

    @Override
    public HalResult<RenderTarget> createRenderTarget(int width, int height, PixelFormat format) {
        return state().flatMap(live -> {
            HalError refused = targetLimits.checkTarget(width, height, format);
            long bytes = format == null ? 0 : format.bytesFor(width, height);
            if (refused == null) {
                refused = charge(live, bytes, "a " + width + "x" + height + " " + format + " render target");
            }
            return refused != null ? HalResult.err(refused) : newTarget(live, width, height, format, bytes);
        });
    }

    private HalResult<RenderTarget> newTarget(GraphicsObjects live, int width, int height, PixelFormat format,
                                              long bytes) {
        try {
            Surface surface = new Surface(new RenderTarget(handles().issue(), width, height, format));
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
                : live.remove(target) ? HalResult.ok() : refuse(target.handle(), "release render target"));
    }

    @Override
    public HalResult<Void> clear(RenderTarget target, int argb) {
        return surface(target, "clear render target").map(surface -> {
            surface.fill(0, 0, target.width(), target.height(), argb);
            return null;
        });
    }

    @Override
    public HalResult<Void> fillRect(RenderTarget target, int x, int y, int width, int height, int argb) {
        return surface(target, "fill a rectangle of render target")
                .flatMap(surface -> rectangles.inside(target, x, y, width, height).map(ok -> {
                    surface.fill(x, y, width, height, argb);
                    return null;
                }));
    }

    @Override
    public HalResult<Void> blit(BufferImage source, RenderTarget target, int x, int y) {
        return surface(target, "blit into render target").flatMap(surface -> checkSource(source)
                .flatMap(ok -> rectangles.inside(target, x, y, source.width(), source.height()))
                .map(ok -> {
                    surface.blit(source, x, y);
                    return null;
                }));
    }

    @Override
    public HalResult<int[]> readPixels(RenderTarget target, int x, int y, int width, int height) {
        return surface(target, "read render target")
                .flatMap(surface -> rectangles.inside(target, x, y, width, height)
                        .flatMap(ok -> pixels(surface, x, y, width, height)));
    }

    @Override
    public HalResult<Void> writePng(RenderTarget target, Path file) {
        return surface(target, "write a PNG of render target").flatMap(surface -> {
            if (file == null) {
                return invalid("no file to write the render target to");
            }
            return pixels(surface, 0, 0, target.width(), target.height())
                    .flatMap(argb -> PngFile.write(name(), target.width(), target.height(), argb, file));
        });
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

    /** The surface of the live {@code target}, or the error of a call that would {@code verb} another. */
    private HalResult<Surface> surface(RenderTarget target, String verb) {
        return state().flatMap(live -> {
            if (target == null) {
                return invalid("the render target is null");
            }
            Surface surface = live.surface(target);
            return surface == null ? refuse(target.handle(), verb) : HalResult.ok(surface);
        });
    }

    /** A blit source: a live buffer, a supported format, a positive size that fits the buffer. */
    private HalResult<Void> checkSource(BufferImage source) {
        if (source == null) {
            return invalid("the blit source is null");
        }
        if (!isValidBuffer(source.buffer())) {
            return refuse(source.buffer().handle(), "blit from buffer");
        }
        HalError refused = targetLimits.checkFormat(source.format());
        if (refused != null) {
            return HalResult.err(refused);
        }
        return rectangles.fits(source);
    }

    /** Charges graphics memory, or names the limit that refuses it. */
    private HalError charge(GraphicsObjects live, long bytes, String what) {
        if (bytes > Integer.MAX_VALUE) {
            return HalError.insufficientResources(name() + ": " + what + " needs " + bytes
                    + " bytes, more than the " + Integer.MAX_VALUE + " bytes one Java buffer holds");
        }
        return live.charge(bytes) ? null : noRoom(live, bytes, what);
    }

    private HalError noRoom(GraphicsObjects live, long bytes, String what) {
        return HalError.insufficientResources(name() + ": " + what + " needs " + bytes + " bytes; "
                + live.usedBytes() + " of the " + limits.textureMemoryBytes() + " bytes of texture memory are in use");
    }

    @Override
    public LiveObjects liveObjects() {
        GraphicsObjects live = current();
        return live == null ? LiveObjects.NONE : live.liveObjects();
    }

    @Override
    public HalResult<GraphicsHandOver> exportObjects() {
        return state().map(GraphicsObjects::export);
    }

    /**
     * Adopts buffers and targets, all or none, when every target is of a format and size it supports and all fit its
     * texture memory; targets keep drawing into their own pixel buffers.
     */
    @Override
    public HalResult<LiveObjects> adoptObjects(GraphicsHandOver objects, HandleIssuer from) {
        return state().flatMap(live -> {
            if (objects == null || from == null) {
                return invalid("cannot adopt " + objects + " from " + from);
            }
            List<Surface> surfaces = new ArrayList<>();
            for (TargetPixels adopted : objects.targets()) {
                HalError refused = targetLimits.checkAdopted(adopted);
                if (refused != null) {
                    return HalResult.err(new HalError(refused.category(), refused.code(), name() + " cannot adopt"
                            + " render target " + adopted.target().handle() + " of " + from + ", so it adopts none: "
                            + refused.message()));
                }
                surfaces.add(new Surface(adopted.target(), adopted.pixels()));
            }
            LiveObjects size = objects.size();
            if (!live.adopt(objects.buffers(), surfaces, size.bytes())) {
                return HalResult.err(noRoom(live, size.bytes(), "adopting the " + size + " of " + from));
            }
            handles().adopt(from);
            return HalResult.ok(size);
        });
    }

    /** The adopter has the objects now: forget them. */
    @Override
    public void exportCompleted() {
        dropObjects();
    }

    /** Buffers and targets are Java memory: removing them is releasing them. */
    @Override
    public LiveObjects dropObjects() {
        GraphicsObjects live = current();
        return live == null ? LiveObjects.NONE : live.removeAll();
    }
}
