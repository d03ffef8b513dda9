package flight.hal.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.ServiceRegistration;

import flight.hal.storage.BlockDevice;

/** One imported node on the controller: its name, its proxy and the remote devices registered for it. */
final class ImportedNode {
    private final String name;
    private final RemoteNode remote;
    private final AtomicBoolean listing = new AtomicBoolean();
    private final List<ServiceRegistration<BlockDevice>> registrations = new ArrayList<>();
    private boolean removed;

    ImportedNode(String name, RemoteNode remote) {
        this.name = name;
        this.remote = remote;
    }

    String name() {
        return name;
    }

    RemoteNode remote() {
        return remote;
    }

    /** {@code true} the first time only: the node is listed once. */
    boolean startListing() {
        return listing.compareAndSet(false, true);
    }

    synchronized boolean removed() {
        return removed;
    }

    /** Keeps {@code registration}, or withdraws it at once when the node has gone meanwhile. */
    void add(ServiceRegistration<BlockDevice> registration) {
        synchronized (this) {
            if (!removed) {
                registrations.add(registration);
                return;
            }
        }
        unregister(registration);
    }

    /** Withdraws every device of the node; outside the lock, as unregistering calls other bundles' listeners. */
    void remove() {
        List<ServiceRegistration<BlockDevice>> withdrawn;
        synchronized (this) {
            removed = true;
            withdrawn = new ArrayList<>(registrations);
            registrations.clear();
        }
        withdrawn.forEach(ImportedNode::unregister);
    }

    private static void unregister(ServiceRegistration<BlockDevice> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already unregistered: the framework is stopping
        }
    }
}
