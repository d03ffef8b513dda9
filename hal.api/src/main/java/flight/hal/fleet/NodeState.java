package flight.hal.fleet;

/** Where a node stands as its controller sees it. */
public enum NodeState {
    /** Imported; no heartbeat answered yet. */
    CONNECTING,
    /** Its last heartbeat was answered in time. */
    REACHABLE,
    /** Its last heartbeat failed or was not answered in time; its drivers on the controller are unavailable. */
    UNREACHABLE
}
