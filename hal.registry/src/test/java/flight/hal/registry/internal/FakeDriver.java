package flight.hal.registry.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HalDriver;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/** A driver that records its lifecycle calls in a shared journal, with switchable faults. */
class FakeDriver implements HalDriver {
    final String name;
    final List<String> journal;
    volatile boolean available = true;
    volatile boolean failInit;
    volatile boolean active;
    volatile Set<HalCapability> capabilities = EnumSet.of(HalCapability.BASIC_MEMORY);

    FakeDriver(String name, List<String> journal) {
        this.name = name;
        this.journal = journal;
    }

    FakeDriver(String name) {
        this(name, new CopyOnWriteArrayList<>());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public HalResult<Void> initialize() {
        journal.add("init " + name);
        if (failInit) {
            return HalResult.err(HalError.initializationFailed(name + " cannot start"));
        }
        active = true;
        return HalResult.ok();
    }

    @Override
    public HalResult<Void> shutdown() {
        journal.add("shutdown " + name);
        active = false;
        return HalResult.ok();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return capabilities;
    }

    @Override
    public PerformanceTier performanceTier() {
        return PerformanceTier.HIGH;
    }

    @Override
    public PlatformInfo platformInfo() {
        return new PlatformInfo("Fake", "none", "1", 1024, 8, 1024, 1, 4096);
    }
}
