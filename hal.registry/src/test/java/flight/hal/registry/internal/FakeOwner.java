package flight.hal.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.LiveObjects;
import flight.hal.ObjectOwner;

/** A driver that hands out objects of 8 bytes by handle and adopts a predecessor's when {@link #adopts} is set. */
final class FakeOwner extends FakeDriver implements ObjectOwner<List<Long>> {
    final Set<Long> objects = ConcurrentHashMap.newKeySet();
    volatile boolean adopts = true;
    private volatile HandleIssuer issuer;

    FakeOwner(String name, List<String> journal) {
        super(name, journal);
    }

    @Override
    public HalResult<Void> initialize() {
        issuer = HandleIssuer.forDriver(name);
        return super.initialize();
    }

    @Override
    public HalResult<Void> shutdown() {
        objects.clear();
        return super.shutdown();
    }

    long make() {
        long handle = issuer.issue();
        objects.add(handle);
        return handle;
    }

    HalResult<Void> release(long handle) {
        return objects.remove(handle) ? HalResult.ok() : HalResult.err(issuer.refuse(handle, "release"));
    }

    @Override
    public HandleIssuer handles() {
        return issuer;
    }

    @Override
    public LiveObjects liveObjects() {
        return new LiveObjects(objects.size(), 8L * objects.size());
    }

    @Override
    public HalResult<List<Long>> exportObjects() {
        return HalResult.ok(new ArrayList<>(objects));
    }

    @Override
    public HalResult<LiveObjects> adoptObjects(List<Long> exported, HandleIssuer from) {
        if (!adopts) {
            return HalResult.err(HalError.insufficientResources(name + " cannot hold " + exported.size()));
        }
        objects.addAll(exported);
        issuer.adopt(from);
        journal.add("adopt " + name + " " + exported.size());
        return HalResult.ok(new LiveObjects(exported.size(), 8L * exported.size()));
    }

    @Override
    public void exportCompleted() {
        objects.clear();
    }

    @Override
    public LiveObjects dropObjects() {
        LiveObjects dropped = liveObjects();
        objects.clear();
        return dropped;
    }
}
