package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShareGraphTest {
    private final ShareGraph graph = new ShareGraph();

    @Test
    void aShareThatClosesAChainIsRefusedWithThePath() {
        assertEquals(List.of(), graph.addUnlessCycle(1, 2));
        assertEquals(List.of(), graph.addUnlessCycle(2, 3));
        assertEquals(List.of(1L, 2L, 3L), graph.addUnlessCycle(3, 1));
        assertEquals(List.of(2L, 3L), graph.addUnlessCycle(3, 2));
        assertEquals(List.of(1L), graph.addUnlessCycle(1, 1));
        assertEquals(List.of(), graph.addUnlessCycle(1, 3));
    }

    @Test
    void anEdgeLastsWhileAnyShareAlongItLives() {
        graph.addUnlessCycle(1, 2);
        graph.addUnlessCycle(1, 2);
        graph.remove(1, 2);
        assertEquals(List.of(1L, 2L), graph.addUnlessCycle(2, 1));
        graph.remove(1, 2);
        assertEquals(List.of(), graph.addUnlessCycle(2, 1));
    }
}
