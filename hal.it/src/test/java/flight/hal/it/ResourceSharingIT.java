package flight.hal.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourceFlags;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourceRef;
import flight.hal.resources.ResourceType;
import flight.hal.resources.SharedResource;

/** Sharing between drivers of different bundles, as a service dependency the framework itself records. */
@RunWith(PaxExam.class)
public class ResourceSharingIT extends ResourceItSupport {
    private static final ResourceType HARDWARE = ResourceType.HARDWARE;
    private static final ResourceMetadata SHAREABLE_BUFFER =
            ResourceMetadata.of(HARDWARE, 4096).withFlags(ResourceFlags.SHAREABLE, ResourceFlags.GPU_ACCESSIBLE);

    private Bundle graphics;
    private Bundle audio;
    private ResourceManager graphicsManager;

    @Configuration
    public Option[] configuration() {
        return options(resourceFramework());
    }

    /** Two bundles: "it.graphics" with its manager, and "it.audio", which registers the driver "AudioDriver". */
    private void startGraphicsAndAudio() throws Exception {
        graphics = startBundle("it.graphics");
        audio = startBundle("it.audio");
        registerDriver(audio, "AudioDriver");
        graphicsManager = managerOf(graphics);
    }

    @Test
    public void aShareIsAServiceTheReceiverUsesAndItIsFreedWhenAllLetGo() throws Exception {
        startGraphicsAndAudio();
        ResourceRef<float[]> vertices = graphicsManager.acquire("SharedVertexBuffer", SHAREABLE_BUFFER,
                () -> new float[] {1f, 2f, 3f}).orElseThrow();

        SharedResource ownerView = graphicsManager.share(vertices.handle(), "AudioDriver").orElseThrow();
        assertEquals("AudioDriver", ownerView.targetDriver());

        ServiceReference<SharedResource> service = sharedService("AudioDriver");
        assertEquals(graphics, service.getBundle());
        assertArrayEquals(new Bundle[] {audio}, service.getUsingBundles());
        assertEquals(vertices.handle().id(), service.getProperty(SharedResource.RESOURCE_ID));
        assertEquals("HARDWARE", service.getProperty(SharedResource.RESOURCE_TYPE));

        List<SharedResource> received = managerOf(audio).sharedWithMe();
        assertEquals(1, received.size());
        assertArrayEquals(new float[] {1f, 2f, 3f}, received.get(0).value(float[].class).orElseThrow(), 0f);
        assertEquals(ErrorCategory.INVALID_PARAMETER, received.get(0).value(String.class).errorOrNull().category());

        vertices.close();
        assertEquals("the receiver still holds it", 4096, administration.stats(HARDWARE).currentUsage());
        received.get(0).close();
        assertEquals(0, administration.stats(HARDWARE).currentUsage());
        assertNull("the share is gone once nobody holds it", sharedService("AudioDriver"));
    }

    @Test
    public void theOwnerStoppingRevokesTheShareAndTellsTheReceiver() throws Exception {
        startGraphicsAndAudio();
        ResourceRef<String> buffer = graphicsManager.acquire("Visualizer", SHAREABLE_BUFFER, () -> "wave")
                .orElseThrow();
        graphicsManager.share(buffer.handle(), "AudioDriver").orElseThrow();
        CountDownLatch told = new CountDownLatch(1);
        audio.getBundleContext().addServiceListener(event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                told.countDown();
            }
        }, "(" + SharedResource.TARGET_DRIVER + "=AudioDriver)");
        SharedResource received = managerOf(audio).sharedWithMe().get(0);

        graphics.stop();

        assertTrue("the receiver heard the share go", told.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertTrue(received.isRevoked());
        assertEquals(ErrorCategory.INVALID_STATE, received.value(String.class).errorOrNull().category());
        assertTrue(managerOf(audio).sharedWithMe().isEmpty());
        assertNull(sharedService("AudioDriver"));
        assertEquals(0, administration.stats(HARDWARE).currentUsage());
        assertEquals("Visualizer", administration.leaks().get(0).handle().name());
    }

    @Test
    public void aReceiverThatStopsLetsGoAndTheLastHolderGoingEndsTheShare() throws Exception {
        startGraphicsAndAudio();
        ResourceRef<String> buffer = graphicsManager.acquire("Echo", SHAREABLE_BUFFER, () -> "echo").orElseThrow();
        graphicsManager.share(buffer.handle(), "AudioDriver").orElseThrow();
        CountDownLatch unregistered = new CountDownLatch(1);
        context.addServiceListener(event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                unregistered.countDown();
            }
        }, "(" + SharedResource.TARGET_DRIVER + "=AudioDriver)");
        buffer.close();
        assertEquals("the receiver still holds it", 4096, administration.stats(HARDWARE).currentUsage());

        audio.stop();

        assertTrue("the share ended with its last holder", unregistered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, administration.stats(HARDWARE).currentUsage());
        assertTrue("a holder that let go is no leak", administration.leaks().isEmpty());
    }

    @Test
    public void aShareThatWouldMakeACycleOfWaitsIsRefused() throws Exception {
        startGraphicsAndAudio();
        registerDriver(graphics, "GraphicsDriver");
        ResourceManager audioManager = managerOf(audio);
        ResourceRef<String> frame = graphicsManager.acquire("Frame", SHAREABLE_BUFFER, () -> "frame").orElseThrow();
        ResourceRef<String> samples = audioManager.acquire("Samples", SHAREABLE_BUFFER, () -> "pcm").orElseThrow();
        assertTrue(graphicsManager.share(frame.handle(), "AudioDriver").isOk());

        HalError cycle = audioManager.share(samples.handle(), "GraphicsDriver").errorOrNull();
        assertEquals(ErrorCategory.INVALID_STATE, cycle.category());
        assertEquals(ResourceErrors.SHARE_CYCLE, cycle.code());
        assertTrue(cycle.message(), cycle.message().contains("would close a cycle of waits: it.graphics ["
                + graphics.getBundleId() + "] -> it.audio [" + audio.getBundleId() + "] -> it.graphics"));
        assertNull(sharedService("GraphicsDriver"));
    }

    @Test
    public void sharingIsRefusedForUnshareableResourcesAndUnknownDrivers() throws Exception {
        startGraphicsAndAudio();
        ResourceRef<String> privateBuffer = graphicsManager.acquire("Private", ResourceMetadata.of(HARDWARE, 16),
                () -> "mine").orElseThrow();
        ResourceRef<String> buffer = graphicsManager.acquire("Public", SHAREABLE_BUFFER, () -> "ours").orElseThrow();
        assertEquals(ResourceErrors.NOT_SHAREABLE,
                graphicsManager.share(privateBuffer.handle(), "AudioDriver").errorOrNull().code());
        assertEquals(ResourceErrors.SHARE_TARGET_NOT_FOUND,
                graphicsManager.share(buffer.handle(), "NoSuchDriver").errorOrNull().code());
        assertEquals(ErrorCategory.NOT_FOUND,
                manager.share(buffer.handle(), "AudioDriver").errorOrNull().category());
    }

    private ServiceReference<SharedResource> sharedService(String driver) throws Exception {
        Collection<ServiceReference<SharedResource>> references = context.getServiceReferences(SharedResource.class,
                "(" + SharedResource.TARGET_DRIVER + "=" + driver + ")");
        return references.isEmpty() ? null : references.iterator().next();
    }
}
