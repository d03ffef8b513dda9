package flight.hal.health.internal;

import static flight.hal.health.internal.Logs.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import flight.hal.fleet.HalFleet;
import flight.hal.fleet.NodeState;
import flight.hal.fleet.NodeStatus;

class NodeCheckTest {
    private static NodeStatus node(String name, NodeState state) {
        return new NodeStatus(name, "hal://127.0.0.1:8701/node", state,
                state == NodeState.CONNECTING ? null : Instant.parse("2026-12-06T05:00:00Z"),
                state == NodeState.CONNECTING ? null : Duration.ofMillis(1), List.of(name + "/disk0"));
    }

    private static Result run(List<NodeStatus> nodes) {
        NodeCheck check = new NodeCheck();
        check.fleet = Logs.service(HalFleet.class, Map.of("nodes", args -> nodes));
        return check.execute();
    }

    @Test
    void withoutAFleetOrNodesItIsOk() {
        assertEquals(Result.Status.OK, new NodeCheck().execute().getStatus());
        assertEquals(Result.Status.OK, run(List.of()).getStatus());
        assertEquals(Result.Status.OK, run(List.of(node("rack-1", NodeState.REACHABLE))).getStatus());
    }

    @Test
    void anUnreachableNodeIsCriticalAndNamesItsDriversAndOneNeverSeenWarns() {
        Result result = run(List.of(node("rack-1", NodeState.REACHABLE), node("rack-2", NodeState.UNREACHABLE),
                node("rack-3", NodeState.CONNECTING)));
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        String critical = messages(result, Result.Status.CRITICAL).get(0);
        assertTrue(critical.contains("rack-2") && critical.contains("[rack-2/disk0]"), critical);
        assertTrue(messages(result, Result.Status.WARN).get(0).contains("rack-3"));
        assertEquals(Result.Status.WARN, run(List.of(node("rack-3", NodeState.CONNECTING))).getStatus());
    }
}
