package flight.hal.driver.host.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.HandleIssuer;

class StripedHandlesTest {

    /** Issues one handle on a new thread, which ThreadStripe deals the next stripe. */
    private static long issueOnNewThread(StripedHandles handles, HandleIssuer owner) throws InterruptedException {
        long[] handle = new long[1];
        Thread thread = new Thread(() -> handle[0] = handles.issue(owner));
        thread.start();
        thread.join();
        return handle[0];
    }

    @Test
    void everyStripesHandlesAreDistinctOwnedByTheInitializationAndNameTheDriver() throws InterruptedException {
        HandleIssuer owner = HandleIssuer.forDriver(HostMemoryDriver.NAME);
        StripedHandles handles = new StripedHandles();
        Set<Long> issued = new HashSet<>();
        Set<Integer> issuers = new HashSet<>();
        for (int i = 0; i < ThreadStripe.COUNT * 2; i++) { // every stripe, each twice
            long handle = issueOnNewThread(handles, owner);
            assertTrue(issued.add(handle), "handle " + handle + " issued twice");
            assertTrue(owner.owns(handle));
            assertTrue(handle > 0 && HandleIssuer.issuerOf(handle) != 0);
            assertTrue(HandleIssuer.issuerName(handle).startsWith(HostMemoryDriver.NAME + "#"));
            issuers.add(HandleIssuer.issuerOf(handle));
        }
        assertEquals(ThreadStripe.COUNT, issuers.size(), "one issuer per stripe, made once");
        assertEquals(Set.of(1L, 2L), Set.copyOf(issued.stream().map(h -> h & HandleIssuer.MAX_SEQUENCE).toList()),
                "each stripe numbers its own handles from 1");
        assertFalse(issuers.contains(owner.id()));
    }

    @Test
    void anAdopterOfTheInitializationOwnsItsStripesHandlesAndAnotherInitializationDoesNot() {
        HandleIssuer owner = HandleIssuer.forDriver(HostMemoryDriver.NAME);
        long handle = new StripedHandles().issue(owner);
        HandleIssuer adopter = HandleIssuer.forDriver("adopter");
        adopter.adopt(owner);
        assertTrue(adopter.owns(handle));
        HandleIssuer later = HandleIssuer.forDriver(HostMemoryDriver.NAME);
        assertFalse(later.owns(handle));
        assertEquals(HandleIssuer.FOREIGN_HANDLE, later.refuse(handle, "release").code());
        assertNotEquals(HandleIssuer.FOREIGN_HANDLE, owner.refuse(handle, "release").code());
    }
}
