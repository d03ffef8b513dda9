package flight.hal.driver.support;

import flight.hal.HandleIssuer;

/**
 * The {@link HandleIssuer} of a driver's current initialization. Each initialization gets a new one, so that the
 * handles of an earlier initialization are foreign to a later one: the registry finds the owner of a handle by its
 * issuer. The issuer is made on first use, so a driver that hands out no objects takes no issuer id, and it is kept
 * after shutdown, so that a retired driver still recognizes its handles. Thread-safe.
 *
 * @since 1.1
 */
public final class InitializationIssuer {
    private final String driverName;
    private volatile HandleIssuer current;
    /** Guarded by this: whether an initialization has begun since {@link #current} was made or cleared. */
    private boolean begun;

    public InitializationIssuer(String driverName) {
        this.driverName = driverName;
    }

    /**
     * The issuer of the current initialization; after shutdown the last one's; before the first initialization the
     * one it will use. Never null.
     */
    public HandleIssuer current() {
        HandleIssuer issuer = current;
        return issuer != null ? issuer : make();
    }

    private synchronized HandleIssuer make() {
        if (current == null) {
            current = HandleIssuer.forDriver(driverName);
        }
        return current;
    }

    /** To be called when an initialization opens new state, before that state hands out any object. */
    public synchronized void beginInitialization() {
        if (begun) {
            current = null;
        }
        begun = true;
    }
}
