package flight.hal.driver.host.internal.memory;

import java.util.concurrent.atomic.AtomicReferenceArray;

import flight.hal.HandleIssuer;

/**
 * Issues the handles of one initialization's allocations from an issuer per {@link ThreadStripe}, so that threads
 * allocating at once do not all increment one shared counter (with two threads that cache line alone cost about as
 * much as the rest of an allocation).
 *
 * <p>A stripe's issuer is a {@link HandleIssuer} of its own, made when the stripe first allocates and at once
 * {@linkplain HandleIssuer#adopt adopted} by the initialization's issuer (the driver's {@code handles()}): that issuer
 * {@linkplain HandleIssuer#owns owns} every handle of its stripes, so errors, the registry's owner lookup and a hot
 * swap's adopter (which adopts what it adopted) treat them as the driver's. Handles still name their driver, since the
 * stripe issuers carry its name, and never collide, since issuer ids are unique. A stripe's issuer id is only taken
 * when a thread of that stripe allocates.
 */
final class StripedHandles {

    private final AtomicReferenceArray<HandleIssuer> stripes = new AtomicReferenceArray<>(ThreadStripe.COUNT);

    /** A new handle of the calling thread's stripe, owned by {@code owner}, the initialization's issuer. */
    long issue(HandleIssuer owner) {
        int stripe = ThreadStripe.current();
        HandleIssuer issuer = stripes.get(stripe);
        return (issuer != null ? issuer : make(stripe, owner)).issue();
    }

    private synchronized HandleIssuer make(int stripe, HandleIssuer owner) {
        HandleIssuer issuer = stripes.get(stripe);
        if (issuer == null) {
            issuer = HandleIssuer.forDriver(owner.driverName());
            owner.adopt(issuer);
            stripes.set(stripe, issuer);
        }
        return issuer;
    }
}
