package flight.hal.driver.host.internal.memory;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import flight.hal.HandleIssuer;

/**
 * Issues the handles of one initialization's allocations per {@link ThreadStripe}, so that threads allocating at once
 * share no counter (with two threads, one shared counter's cache line costs about as much as the rest of an
 * allocation).
 *
 * <p>Each stripe has an issuer id of its own: a {@link HandleIssuer} made when the stripe first allocates and at once
 * {@linkplain HandleIssuer#adopt adopted} by the initialization's issuer (the driver's {@code handles()}), which then
 * {@linkplain HandleIssuer#owns owns} every handle of its stripes, so errors, the registry's owner lookup and a hot
 * swap's adopter (which adopts what it adopted) treat them as the driver's. Only this class numbers that issuer's
 * handles, so it does so itself, in {@link HandleIssuer}'s format (issuer id above a 43-bit sequence), from a counter
 * on the stripe's own cache line: the issuer's own counter is an object the collector may place next to another
 * stripe's. Handles still name their driver (the stripe issuers carry its name) and never collide (issuer ids are
 * unique, and each stripe's sequence only grows).
 */
final class StripedHandles {

    /** A stripe's sequence lies this many longs apart (128 bytes) from another's. */
    private static final int PAD = 16;
    private static final int SEQUENCE_BITS = 64 - Long.numberOfLeadingZeros(HandleIssuer.MAX_SEQUENCE);

    private final AtomicReferenceArray<HandleIssuer> issuers = new AtomicReferenceArray<>(ThreadStripe.COUNT);
    private final AtomicLongArray sequences = new AtomicLongArray(ThreadStripe.COUNT * PAD);

    /**
     * A new handle of the calling thread's stripe, owned by {@code owner}, the initialization's issuer; 0 once the
     * stripe has issued {@link HandleIssuer#MAX_SEQUENCE} handles, as {@link HandleIssuer#issue()} would.
     */
    long issue(HandleIssuer owner) {
        int stripe = ThreadStripe.current();
        HandleIssuer issuer = issuers.get(stripe);
        if (issuer == null) {
            issuer = make(stripe, owner);
        }
        long sequence = sequences.incrementAndGet(stripe * PAD);
        return sequence > HandleIssuer.MAX_SEQUENCE ? 0 : (long) issuer.id() << SEQUENCE_BITS | sequence;
    }

    private synchronized HandleIssuer make(int stripe, HandleIssuer owner) {
        HandleIssuer issuer = issuers.get(stripe);
        if (issuer == null) {
            issuer = HandleIssuer.forDriver(owner.driverName());
            owner.adopt(issuer);
            issuers.set(stripe, issuer);
        }
        return issuer;
    }
}
