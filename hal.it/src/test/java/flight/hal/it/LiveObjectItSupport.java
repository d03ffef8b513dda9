package flight.hal.it;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import flight.hal.HalDriver;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.ObjectOwner;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryAllocation;
import flight.hal.memory.MemoryDriver;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;

/**
 * For tests whose objects (memory allocations, render targets) must outlive swaps: contents derived from a stamp so
 * that any byte or pixel can be checked later, waits for candidate states the registry shows in its status, and the
 * names of the shipped drivers.
 */
public abstract class LiveObjectItSupport extends HalItSupport {
    static final String GRAPHICS = GraphicsDriver.class.getName();
    static final String HOST_GRAPHICS = "host.graphics";
    static final String DREAMCAST_MEMORY = "dreamcast.memory";
    static final String DREAMCAST_GRAPHICS = "dreamcast.graphics";
    static final String PSP_MEMORY = "psp.memory";
    static final String PSP_GRAPHICS = "psp.graphics";
    static final String WEB_MEMORY = "web.memory";
    static final String WEB_GRAPHICS = "web.graphics";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** How long a poll of the registry's status parks between looks; the status has no change events. */
    private static final long STATUS_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The stamp an object's contents are derived from, a hash of the test's seed, its handle and its generation. */
    static long stamp(long seed, long handle, int generation) {
        long z = seed + handle * GOLDEN + generation * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes the bytes of {@code stamp} into every byte of {@code buffer}; position and limit are untouched. */
    static void fill(ByteBuffer buffer, long stamp) {
        int size = buffer.capacity();
        int words = size / Long.BYTES;
        for (int i = 0; i < words; i++) {
            buffer.putLong(i * Long.BYTES, wordAt(stamp, i));
        }
        for (int index = words * Long.BYTES; index < size; index++) {
            buffer.put(index, byteAt(stamp, index));
        }
    }

    /** The first byte of {@code buffer} that is not what {@link #fill} wrote for {@code stamp}, or -1 for none. */
    static int firstMismatch(ByteBuffer buffer, long stamp) {
        int size = buffer.capacity();
        int words = size / Long.BYTES;
        for (int i = 0; i < words; i++) {
            if (buffer.getLong(i * Long.BYTES) != wordAt(stamp, i)) {
                return i * Long.BYTES;
            }
        }
        for (int index = words * Long.BYTES; index < size; index++) {
            if (buffer.get(index) != byteAt(stamp, index)) {
                return index;
            }
        }
        return -1;
    }

    private static long wordAt(long stamp, int word) {
        return stamp ^ (word * GOLDEN);
    }

    private static byte byteAt(long stamp, int index) {
        return (byte) ((stamp >>> ((index & 7) * 8)) ^ index);
    }

    /** Allocates {@code size} bytes and fills them for {@code stamp(seed, handle, 0)}. */
    static HalResult<MemoryAllocation> allocateFilled(MemoryDriver memory, long size, long seed) {
        return memory.allocate(AllocationRequest.of(size)).ifOk(allocation ->
                fill(allocation.buffer(), stamp(seed, allocation.handle(), 0)));
    }

    /** Opaque colour of the background of a target painted for {@code stamp}. */
    private static int background(long stamp) {
        return 0xFF000000 | ((int) stamp & 0xFFFFFF);
    }

    /** Opaque colour of the rectangle of a target painted for {@code stamp}. */
    private static int foreground(long stamp) {
        return 0xFF000000 | ((int) (stamp >>> 24) & 0xFFFFFF);
    }

    /** x, y, width, height of the rectangle of a target painted for {@code stamp}; never empty, always inside. */
    private static int[] rectangle(int width, int height, long stamp) {
        int x = Math.floorMod((int) (stamp >>> 48), width);
        int y = Math.floorMod((int) (stamp >>> 40), height);
        int w = 1 + Math.floorMod((int) (stamp >>> 32), width - x);
        int h = 1 + Math.floorMod((int) (stamp >>> 56), height - y);
        return new int[] {x, y, w, h};
    }

    /** Paints {@code target} for {@code stamp}: cleared to one colour, one rectangle of another. */
    static HalResult<Void> paint(GraphicsDriver graphics, RenderTarget target, long stamp) {
        int[] rectangle = rectangle(target.width(), target.height(), stamp);
        return graphics.clear(target, background(stamp)).flatMap(cleared -> graphics.fillRect(target,
                rectangle[0], rectangle[1], rectangle[2], rectangle[3], foreground(stamp)));
    }

    /** What {@code readPixels} of the whole of {@code target} returns after {@link #paint} for {@code stamp}. */
    static int[] paintedPixels(RenderTarget target, long stamp) {
        PixelFormat format = target.format();
        int[] rectangle = rectangle(target.width(), target.height(), stamp);
        int[] pixels = new int[target.width() * target.height()];
        for (int y = 0; y < target.height(); y++) {
            for (int x = 0; x < target.width(); x++) {
                boolean inside = x >= rectangle[0] && x < rectangle[0] + rectangle[2]
                        && y >= rectangle[1] && y < rectangle[1] + rectangle[3];
                pixels[y * target.width() + x] = format.quantize(inside ? foreground(stamp) : background(stamp));
            }
        }
        return pixels;
    }

    /** Whether {@code pixels} are what {@link #paint} gave {@code target} for {@code stamp}. */
    static boolean showsPainting(int[] pixels, RenderTarget target, long stamp) {
        return Arrays.equals(paintedPixels(target, stamp), pixels);
    }

    /**
     * Creates a render target and paints it for {@code stamp(seed, handle, 0)}; a target that cannot be painted is
     * released again and the painting's error returned.
     */
    static HalResult<RenderTarget> createPaintedTarget(GraphicsDriver graphics, int width, int height,
                                                       PixelFormat format, long seed) {
        return graphics.createRenderTarget(width, height, format).flatMap(target -> {
            HalResult<Void> painted = paint(graphics, target, stamp(seed, target.handle(), 0));
            if (painted.isErr()) {
                graphics.releaseRenderTarget(target);
                return HalResult.err(painted.errorOrNull());
            }
            return HalResult.ok(target);
        });
    }

    /** The driver name in {@link HandleIssuer#issuerName}, without the issuer id. */
    static String issuerDriverName(long handle) {
        String issuer = HandleIssuer.issuerName(handle);
        int id = issuer.lastIndexOf('#');
        return id < 0 ? issuer : issuer.substring(0, id);
    }

    /** Whether {@code owner} is another driver instance than the one that issued {@code handle}. */
    static boolean isAnotherInstanceThanIssuerOf(HalDriver owner, long handle) {
        return !(owner instanceof ObjectOwner<?> objects) || objects.handles().id() != HandleIssuer.issuerOf(handle);
    }

    /** The candidate {@code driverName} of {@code interfaceName} as the registry shows it now, if registered. */
    protected Optional<DriverDescription> candidate(String interfaceName, String driverName) {
        return registry.status(interfaceName).stream()
                .flatMap(status -> status.candidates().stream())
                .filter(candidate -> candidate.name().equals(driverName))
                .findFirst();
    }

    /**
     * Waits, polling the registry's status, until candidate {@code driverName} of {@code interfaceName} is in
     * {@code state}; returns its description then.
     */
    protected DriverDescription awaitCandidateState(String interfaceName, String driverName, DriverState state) {
        return awaitStatus(interfaceName, driverName + " " + state, status -> status.candidates().stream()
                .anyMatch(candidate -> candidate.name().equals(driverName) && candidate.state() == state))
                .candidates().stream().filter(candidate -> candidate.name().equals(driverName)).findFirst()
                .orElseThrow();
    }

    /** Waits, polling the registry's status, until no candidate of {@code interfaceName} is RETIRING. */
    protected InterfaceStatus awaitNoneRetiring(String interfaceName) {
        return awaitStatus(interfaceName, "no RETIRING candidate", status -> status.candidates().stream()
                .noneMatch(candidate -> candidate.state() == DriverState.RETIRING));
    }

    /** Waits, polling the status of {@code interfaceName}, until it satisfies {@code wanted}; returns it then. */
    protected InterfaceStatus awaitStatus(String interfaceName, String condition, Predicate<InterfaceStatus> wanted) {
        AtomicReference<InterfaceStatus> seen = new AtomicReference<>();
        awaitCondition(() -> interfaceName + " " + condition + "; last status: " + seen.get(), () -> {
            seen.set(registry.status(interfaceName).orElse(null));
            return seen.get() != null && wanted.test(seen.get());
        });
        return seen.get();
    }

    /**
     * Waits until {@code condition} holds, looking again after a short park: for states the registry shows but sends
     * no event for. Fails after {@value #TIMEOUT_SECONDS} s with {@code what}.
     */
    static void awaitCondition(Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("still not so after " + TIMEOUT_SECONDS + " s: " + what.get());
            }
            LockSupport.parkNanos(STATUS_POLL_NANOS);
        }
    }

    /** Installs and starts one of our bundles, named by its symbolic name. */
    protected Bundle installAndStart(String symbolicName) throws Exception {
        Bundle bundle = context.installBundle(bundleUrl(symbolicName));
        bundle.start();
        return bundle;
    }

    /**
     * Waits until the selected driver of {@code interfaceName} is one of {@code drivers} (drivers of equal rank are
     * ordered by service id, which a test need not predict); returns it.
     */
    protected String awaitSelectedAmong(String interfaceName, Set<String> drivers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String selected = selectedDriver(interfaceName);
        while (selected == null || !drivers.contains(selected)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                fail(interfaceName + " driver still '" + selected + "', expected one of " + drivers + ": "
                        + registry.status(interfaceName));
            }
            selections.poll(remaining, TimeUnit.NANOSECONDS);
            selected = selectedDriver(interfaceName);
        }
        return selected;
    }

    /** Asserts that no candidate of {@code interfaceName} holds objects for its clients. */
    protected void assertNothingHeld(String interfaceName) {
        InterfaceStatus status = registry.status(interfaceName).orElseThrow();
        List<DriverDescription> holding = status.candidates().stream()
                .filter(candidate -> !candidate.live().isEmpty()).toList();
        assertTrue(interfaceName + ": candidates still holding objects: " + holding, holding.isEmpty());
    }

    /** The value of {@code result}, which must not be an error. */
    static <T> T valueOf(String what, HalResult<T> result) {
        assertNotNull(what, result);
        assertTrue(what + ": " + result.errorOrNull(), result.isOk());
        return result.valueOrNull();
    }
}
