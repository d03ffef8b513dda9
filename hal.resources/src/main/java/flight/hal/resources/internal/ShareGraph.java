package flight.hal.resources.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who waits on whom because of sharing: an edge from the owner's bundle to the receiver's for every live share (the
 * receiver depends on the owner). An edge that would close a cycle is refused, so no two drivers can end up waiting
 * on each other's resources.
 */
final class ShareGraph {
    /** owner bundle id, receiver bundle id, number of live shares between them */
    private final Map<Long, Map<Long, Integer>> edges = new HashMap<>();

    /**
     * Adds the edge {@code owner -> receiver} unless {@code receiver} already reaches {@code owner}.
     *
     * @return empty when added; else the path {@code receiver, ..., owner} that the edge would close into a cycle
     */
    synchronized List<Long> addUnlessCycle(long owner, long receiver) {
        List<Long> path = path(receiver, owner);
        if (path.isEmpty()) {
            edges.computeIfAbsent(owner, id -> new HashMap<>()).merge(receiver, 1, Integer::sum);
        }
        return path;
    }

    synchronized void remove(long owner, long receiver) {
        Map<Long, Integer> targets = edges.get(owner);
        if (targets != null && targets.merge(receiver, -1, Integer::sum) == 0) {
            targets.remove(receiver);
            if (targets.isEmpty()) {
                edges.remove(owner);
            }
        }
    }

    /** A shortest path from {@code from} to {@code to} (just {@code [from]} when they are equal), or empty. */
    private List<Long> path(long from, long to) {
        Map<Long, Long> cameFrom = new HashMap<>();
        ArrayDeque<Long> frontier = new ArrayDeque<>();
        frontier.add(from);
        cameFrom.put(from, from);
        while (!frontier.isEmpty()) {
            long node = frontier.poll();
            if (node == to) {
                List<Long> path = new ArrayList<>();
                for (long step = to; step != from; step = cameFrom.get(step)) {
                    path.add(step);
                }
                path.add(from);
                Collections.reverse(path);
                return path;
            }
            for (long next : edges.getOrDefault(node, Map.of()).keySet()) {
                if (cameFrom.putIfAbsent(next, node) == null) {
                    frontier.add(next);
                }
            }
        }
        return List.of();
    }
}
