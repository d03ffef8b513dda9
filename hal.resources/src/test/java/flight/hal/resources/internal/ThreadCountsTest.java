package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThreadCountsTest {
    private final ThreadCounts counts = new ThreadCounts(2);

    @Test
    void eachCountSumsTheAdditionsOfEveryThread() throws Exception {
        List<Long> added = Concurrently.run(() -> {
            for (int i = 0; i < 10_000; i++) {
                counts.increment(0);
            }
            counts.increment(1);
            return 1L;
        });
        assertEquals(10_000L * added.size(), counts.sum(0));
        assertEquals(added.size(), counts.sum(1));
    }

    @Test
    void theCountsOfEndedThreadsStayInTheSums() throws Exception {
        counts.increment(1);
        for (int round = 1; round <= 3; round++) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                threads.add(new Thread(() -> counts.increment(0)));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(5L * round, counts.sum(0));
        }
        counts.increment(1);
        assertEquals(2, counts.sum(1));
    }
}
