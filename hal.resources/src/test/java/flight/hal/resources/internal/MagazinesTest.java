package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class MagazinesTest {

    /** What a stack holds, top first; empties it. */
    private static List<Integer> drain(ConcurrentFreeList list) {
        List<Integer> left = new ArrayList<>();
        for (int index = list.pop(); index >= 0; index = list.pop()) {
            left.add(index);
        }
        return left;
    }

    @Test
    void anEmptyMagazineRefillsHalfItsSizeFromTheSharedListInOrder() {
        ConcurrentFreeList shared = FreeLists.holding(10, 0, 1, 2, 3, 4, 5);
        Magazines magazines = new Magazines(shared, 1, 4);
        assertEquals(0, magazines.pop());
        assertEquals(1, magazines.pop());
        assertEquals(List.of(2, 3, 4, 5), drain(shared), "a refill takes two blocks, the top first");
        assertEquals(-1, magazines.pop());
        assertEquals(2, magazines.taken());
    }

    @Test
    void aFullMagazineSpillsItsOlderHalfToTheSharedList() {
        ConcurrentFreeList shared = new ConcurrentFreeList(10);
        Magazines magazines = new Magazines(shared, 1, 4);
        for (int index = 0; index < 5; index++) {
            magazines.push(index);
        }
        assertEquals(5, magazines.givenBack());
        assertEquals(List.of(1, 0), drain(shared), "the two pushed first went to the shared list, as pushes would");
        assertEquals(4, magazines.pop());
        assertEquals(3, magazines.pop());
        assertEquals(2, magazines.pop());
        assertEquals(-1, magazines.pop());
    }

    @Test
    void reclaimBringsBackTheBlocksAnotherThreadKeepsAside() throws InterruptedException {
        ConcurrentFreeList shared = new ConcurrentFreeList(8);
        Magazines magazines = new Magazines(shared, 16, 8);
        Concurrently.onAnotherThread(() -> {
            magazines.push(3);
            magazines.push(5);
        });
        assertEquals(-1, shared.pop(), "the blocks stay in the other thread's magazine");
        magazines.reclaim();
        assertEquals(5, magazines.pop());
        assertEquals(3, magazines.pop());
        assertEquals(2, magazines.givenBack());
        assertEquals(2, magazines.taken());
    }

    @Test
    void closeReturnsEveryKeptBlockAndLeavesNothingToPop() throws InterruptedException {
        ConcurrentFreeList shared = new ConcurrentFreeList(8);
        Magazines magazines = new Magazines(shared, 16, 8);
        Concurrently.onAnotherThread(() -> magazines.push(1));
        magazines.push(2);
        magazines.close();
        assertEquals(-1, magazines.pop());
        magazines.push(6);
        assertEquals(3, magazines.givenBack(), "a push after close is still counted");
        assertEquals(Set.of(1, 2, 6), new HashSet<>(drain(shared)), "nothing kept aside is lost");
        magazines.close();
        assertEquals(-1, magazines.pop());
    }

    @Test
    void threadsNeverShareABlockAndTheCountsAddUp() throws Exception {
        int blocks = 64;
        ConcurrentFreeList shared = new ConcurrentFreeList(blocks);
        for (int index = 0; index < blocks; index++) {
            shared.push(index);
        }
        // two slots for four threads: some share a slot and go to the shared list when it is claimed
        Magazines magazines = new Magazines(shared, 2, 4);
        Set<Integer> held = ConcurrentHashMap.newKeySet();
        List<Long> rounds = Concurrently.run(() -> {
            long done = 0;
            for (int i = 0; i < 20_000; i++) {
                int first = magazines.pop();
                int second = magazines.pop();
                for (int index : new int[] {first, second}) {
                    if (index >= 0 && !held.add(index)) {
                        throw new AssertionError("block " + index + " handed out twice");
                    }
                }
                for (int index : new int[] {second, first}) {
                    if (index >= 0) {
                        held.remove(index);
                        magazines.push(index);
                        done++;
                    }
                }
            }
            return done;
        });
        long total = rounds.stream().mapToLong(Long::longValue).sum();
        assertEquals(total, magazines.taken());
        assertEquals(total, magazines.givenBack());
        magazines.close();
        List<Integer> left = drain(shared);
        assertEquals(blocks, left.size());
        assertEquals(blocks, new HashSet<>(left).size(), "every block is back exactly once");
    }

    @Test
    void slotsArePowersOfTwoAndMagazinesHoldABlock() {
        ConcurrentFreeList shared = new ConcurrentFreeList(4);
        assertThrows(IllegalArgumentException.class, () -> new Magazines(shared, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new Magazines(shared, 4, 0));
    }
}
