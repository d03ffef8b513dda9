package flight.hal.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node as its controller sees it.
 *
 * @param name       the node's name (its {@code flight.hal.node} configuration)
 * @param endpointId the Remote Services endpoint the controller imported it from
 * @param state      where it stands
 * @param lastSeen   when it last answered a heartbeat, or {@code null} if it never did
 * @param roundTrip  the round-trip time of that heartbeat, or {@code null} if it never answered
 * @param drivers    the names of the drivers the controller registered for it ({@code <node>/<driver>})
 */
public record NodeStatus(String name, String endpointId, NodeState state, Instant lastSeen, Duration roundTrip,
                         List<String> drivers) {

    public NodeStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(state, "state");
        drivers = List.copyOf(drivers);
    }

    /** When it last answered, if it ever did. */
    public Optional<Instant> lastSeenTime() {
        return Optional.ofNullable(lastSeen);
    }

    /** The last heartbeat's round trip, if one was answered. */
    public Optional<Duration> lastRoundTrip() {
        return Optional.ofNullable(roundTrip);
    }
}
