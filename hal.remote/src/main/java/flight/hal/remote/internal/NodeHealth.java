package flight.hal.remote.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import flight.hal.fleet.NodeState;

/**
 * A node's reachability as its heartbeat and its calls find it. Lock-free: every availability check of the node's
 * drivers reads it. Each change is reported once, to the one that made it, so the drivers' properties are published
 * once per change.
 */
final class NodeHealth {
    private final AtomicReference<NodeState> state = new AtomicReference<>(NodeState.CONNECTING);
    private volatile Instant lastSeen;
    private volatile Duration roundTrip;

    NodeState state() {
        return state.get();
    }

    boolean reachable() {
        return state.get() == NodeState.REACHABLE;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    Duration roundTrip() {
        return roundTrip;
    }

    /** The node answered at {@code at} after {@code roundTrip}; {@code true} when that made it reachable. */
    boolean answered(Instant at, Duration roundTrip) {
        this.lastSeen = at;
        this.roundTrip = roundTrip;
        return state.getAndSet(NodeState.REACHABLE) != NodeState.REACHABLE;
    }

    /** A heartbeat or a call went unanswered; {@code true} when that made the node unreachable. */
    boolean unanswered() {
        return state.getAndSet(NodeState.UNREACHABLE) != NodeState.UNREACHABLE;
    }
}
