package flight.hal.registry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

/** Gogo commands of scope {@code hal} over the registry. They return text; the shell prints it. */
@Component(service = HalCommands.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=drivers",
        "osgi.command.function=nodes",
        "osgi.command.function=info",
        "osgi.command.function=pin",
        "osgi.command.function=unpin",
        "osgi.command.function=retire",
        "osgi.command.function=await"})
public final class HalCommands {

    @Reference
    HalRegistry registry;

    /** A controller's nodes, when this runtime imports any (flight.hal.remote). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile HalFleet fleet;

    @Descriptor("list every HAL interface with its candidate drivers; * marks the selected one, + one a role chose"
            + " (all drivers of a non-exclusive interface are AVAILABLE by name)")
    public String drivers(@Descriptor("also every remote node's interfaces and selections, as the node sees them")
                          @Parameter(names = "--all", presentValue = "true", absentValue = "false") boolean all) {
        String local = RegistryReport.interfaces(registry.interfaces());
        if (!all) {
            return local;
        }
        HalFleet current = fleet;
        return local + (current == null ? System.lineSeparator() + FleetReport.NO_FLEET + System.lineSeparator()
                : FleetReport.interfaces(current, Instant.now()));
    }

    @Descriptor("list the remote nodes this controller imported: state, last heartbeat answered, round-trip time and"
            + " the drivers it registered for each")
    public String nodes(@Descriptor("first wait until every node is in this state: REACHABLE or UNREACHABLE")
                        @Parameter(names = "--await", absentValue = "") String awaited,
                        @Descriptor("longest wait in milliseconds (default 30000)") @Parameter(names = "--timeout",
                                absentValue = "30000") long timeoutMillis) {
        HalFleet current = fleet;
        if (current == null) {
            return FleetReport.NO_FLEET;
        }
        if (awaited.isEmpty()) {
            return FleetReport.nodes(current.nodes(), Instant.now());
        }
        NodeState state;
        try {
            state = NodeState.valueOf(awaited.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "error: --await takes one of " + Arrays.toString(NodeState.values()) + ", not " + awaited;
        }
        long started = System.nanoTime();
        HalResult<List<NodeStatus>> nodes = current.awaitNodes(state, Duration.ofMillis(Math.max(0, timeoutMillis)));
        return nodes.isErr() ? "error: " + nodes.errorOrNull()
                : "every node " + state + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                        + " ms" + System.lineSeparator() + FleetReport.nodes(nodes.valueOrNull(), Instant.now());
    }

    @Descriptor("wait until the registry has acted on every driver registered so far, then say whether every interface"
            + " with a driver on standby has one selected, and how long after the JVM's start")
    public String await(@Descriptor("longest wait in milliseconds (default 30000)") @Parameter(names = "--timeout",
            absentValue = "30000") long timeoutMillis) {
        HalResult<List<InterfaceStatus>> settled = registry.awaitSelections(Duration.ofMillis(timeoutMillis));
        if (settled.isErr()) {
            return "error: " + settled.errorOrNull();
        }
        return RegistryReport.readiness(settled.valueOrNull(), millisSinceJvmStart());
    }

    /**
     * From the process's start time ({@code /proc} on Linux, at the clock tick's resolution): unlike the runtime MXBean
     * it loads no JMX classes, which would add tens of milliseconds to the boot it reports.
     */
    private static long millisSinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    @Descriptor("show a driver's capabilities, performance tier and platform info")
    public String info(@Descriptor("driver name (hal.driver.name)") String driverName) {
        return RegistryReport.drivers(driverName, registry.drivers(driverName));
    }

    @Descriptor("pin an interface to a driver: it is selected whenever it is available")
    public String pin(@Descriptor("interface, by class name or simple name") String interfaceName,
                      @Descriptor("driver name") String driverName) {
        return outcome(registry.pin(interfaceName, driverName), interfaceName);
    }

    @Descriptor("remove an interface's pin: the best-ranked available driver is selected again")
    public String unpin(@Descriptor("interface, by class name or simple name") String interfaceName) {
        return outcome(registry.unpin(interfaceName), interfaceName);
    }

    @Descriptor("show what a RETIRING driver still holds; with --force, drop it and shut the driver down")
    public String retire(@Descriptor("drop its objects and shut it down now") @Parameter(names = "--force",
                                 presentValue = "true", absentValue = "false") boolean force,
                         @Descriptor("driver name") String driverName) {
        HalResult<LiveObjects> result = registry.retire(driverName, force);
        if (result.isErr()) {
            return "error: " + result.errorOrNull();
        }
        return force ? driverName + " retired: dropped " + result.valueOrNull()
                : driverName + " is RETIRING, holding " + result.valueOrNull();
    }

    private String outcome(HalResult<Void> result, String interfaceName) {
        if (result.isErr()) {
            return "error: " + result.errorOrNull();
        }
        return registry.status(interfaceName).map(RegistryReport::interfaceStatus).orElse("");
    }
}
