package flight.hal.jmx.internal;

import java.util.Objects;
import java.util.Optional;

import flight.hal.HalResult;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

/** The MBean of one HAL interface: reads the registry at every call, so it shows the selection of that moment. */
final class HalInterfaceBean implements HalInterfaceMXBean {
    private final String interfaceName;
    private final HalRegistry registry;

    HalInterfaceBean(String interfaceName, HalRegistry registry) {
        this.interfaceName = Objects.requireNonNull(interfaceName, "interfaceName");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String getInterfaceName() {
        return interfaceName;
    }

    @Override
    public String getSelectedDriver() {
        return status().map(InterfaceStatus::selected).orElse("");
    }

    @Override
    public String getPinnedDriver() {
        return status().map(InterfaceStatus::pin).orElse("");
    }

    @Override
    public String getNote() {
        return status().map(InterfaceStatus::note).orElse("");
    }

    @Override
    public CandidateInfo[] getCandidates() {
        return status().stream().flatMap(status -> status.candidates().stream()).map(CandidateInfo::of)
                .toArray(CandidateInfo[]::new);
    }

    @Override
    public String pin(String driverName) {
        return outcome(registry.pin(interfaceName, driverName), interfaceName + " pinned to " + driverName
                + " (selected whenever it is available; the registry moves to it on its own thread)");
    }

    @Override
    public String unpin() {
        return outcome(registry.unpin(interfaceName), interfaceName + " unpinned: selected by ranking again");
    }

    private static String outcome(HalResult<Void> result, String done) {
        return result.isOk() ? done : "error: " + result.errorOrNull();
    }

    private Optional<InterfaceStatus> status() {
        return registry.status(interfaceName);
    }
}
