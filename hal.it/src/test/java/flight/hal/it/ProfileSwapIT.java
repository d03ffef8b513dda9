package flight.hal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import flight.hal.ErrorCategory;
import flight.hal.graphics.BufferImage;
import flight.hal.graphics.BufferUsage;
import flight.hal.graphics.GraphicsBuffer;
import flight.hal.graphics.GraphicsDriver;
import flight.hal.graphics.PixelFormat;
import flight.hal.graphics.RenderTarget;
import flight.hal.memory.AllocationRequest;
import flight.hal.memory.MemoryDriver;
import flight.hal.memory.MemoryFlag;
import flight.hal.memory.MemoryType;
import flight.hal.registry.DriverLease;
import flight.hal.thread.ThreadDriver;
import flight.hal.thread.ThreadingModel;

/**
 * Installing a platform profile bundle moves memory, graphics and threading onto it at once; uninstalling it moves
 * them back to the host. While it is installed the application, reaching its drivers through the registry, runs
 * under the profile's limits, and what the profile's graphics driver draws can be opened as a PNG.
 */
@RunWith(PaxExam.class)
public class ProfileSwapIT extends HalItSupport {
    static final String GRAPHICS = GraphicsDriver.class.getName();
    static final String THREADS = ThreadDriver.class.getName();
    private static final int RED = 0xFFFF0000;
    private static final int GREEN = 0xFF00FF00;
    private static final int BLUE = 0xFF0000FF;

    @Configuration
    public Option[] configuration() {
        return options(halFramework());
    }

    @Test
    public void theDreamcastProfileTakesOverAndGivesBack() throws Exception {
        swap(DREAMCAST_DRIVERS, "dreamcast", PixelFormat.ARGB1555, ThreadingModel.SINGLE_THREAD,
                memory -> assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                        memory.allocate(AllocationRequest.of(1024 * 1024 + 1)).errorOrNull().category()));
    }

    @Test
    public void thePspProfileTakesOverAndGivesBack() throws Exception {
        swap(PSP_DRIVERS, "psp", PixelFormat.RGBA8888, ThreadingModel.DUAL_CORE,
                memory -> assertEquals(MemoryType.MEDIA, memory.allocate(AllocationRequest.of(4096)
                        .withFlags(MemoryFlag.MEDIA_PROCESSING)).orElseThrow().type()));
    }

    @Test
    public void theWebProfileTakesOverAndGivesBack() throws Exception {
        swap(WEB_DRIVERS, "web", PixelFormat.RGB888, ThreadingModel.WORKER_POOL,
                memory -> assertEquals(ErrorCategory.INSUFFICIENT_RESOURCES,
                        memory.allocate(AllocationRequest.of(50L * 1024 * 1024 + 1)).errorOrNull().category()));
    }

    private void swap(String symbolicName, String profile, PixelFormat format, ThreadingModel model,
                      Consumer<MemoryDriver> underItsLimits) throws Exception {
        awaitAll("host");
        Bundle bundle = context.installBundle(bundleUrl(symbolicName));
        bundle.start();
        awaitAll(profile);
        try (DriverLease<MemoryDriver> memory = registry.handle(MemoryDriver.class).lease().orElseThrow()) {
            underItsLimits.accept(memory.driver());
        }
        assertRunsOnItsWorkers(profile, model);
        Path png = Files.createDirectories(Paths.get(System.getProperty("hal.it.work"), "png"))
                .resolve(profile + ".png");
        draw(format, png);
        assertShowsWhatWasDrawn(png);
        bundle.uninstall();
        awaitAll("host");
    }

    /** Waits until the profile's (or the host's) memory, graphics and thread drivers are all selected. */
    private void awaitAll(String prefix) throws InterruptedException {
        awaitSelected(MEMORY, prefix + ".memory");
        awaitSelected(GRAPHICS, prefix + ".graphics");
        awaitSelected(THREADS, prefix + ".thread");
    }

    private void assertRunsOnItsWorkers(String profile, ThreadingModel model) {
        try (DriverLease<ThreadDriver> lease = registry.handle(ThreadDriver.class).lease().orElseThrow()) {
            ThreadDriver threads = lease.driver();
            assertEquals(model, threads.threadingModel());
            Set<String> names = ConcurrentHashMap.newKeySet();
            Runnable record = () -> names.add(Thread.currentThread().getName());
            threads.executeParallel(List.of(record, record, record, record)).orElseThrow();
            assertTrue(names.toString(), names.stream().allMatch(name -> name.startsWith(profile + "-")));
        }
    }

    /** A 64x48 target: blue, a red 16x16 square at (8, 8), a green 2x2 image blitted at (40, 30). */
    private void draw(PixelFormat format, Path png) {
        try (DriverLease<GraphicsDriver> lease = registry.handle(GraphicsDriver.class).lease().orElseThrow()) {
            GraphicsDriver graphics = lease.driver();
            RenderTarget target = graphics.createRenderTarget(64, 48, format).orElseThrow();
            graphics.clear(target, BLUE).orElseThrow();
            graphics.fillRect(target, 8, 8, 16, 16, RED).orElseThrow();
            GraphicsBuffer pixels = graphics.createBuffer(4L * format.bytesPerPixel(), BufferUsage.STAGING)
                    .orElseThrow();
            for (int i = 0; i < 4; i++) {
                format.write(pixels.data(), i * format.bytesPerPixel(), GREEN);
            }
            graphics.blit(new BufferImage(pixels, 2, 2, format), target, 40, 30).orElseThrow();
            graphics.writePng(target, png).orElseThrow();
            graphics.releaseBuffer(pixels).orElseThrow();
            graphics.releaseRenderTarget(target).orElseThrow();
        }
    }

    /** Every pixel of the PNG is the colour {@link #draw} gave it. */
    private static void assertShowsWhatWasDrawn(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals("pixel " + x + "," + y, drawnAt(x, y), image.getRGB(x, y));
            }
        }
    }

    private static int drawnAt(int x, int y) {
        if (x >= 8 && x < 24 && y >= 8 && y < 24) {
            return RED;
        }
        return x >= 40 && x < 42 && y >= 30 && y < 32 ? GREEN : BLUE;
    }
}
