package flight.hal.driver.host.internal.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import flight.hal.HalCapability;
import flight.hal.driver.host.internal.memory.HostMemoryDriver;
import flight.hal.thread.ThreadingModel;

class HostThreadDriverTest {

    @Test
    void oneWorkerPerProcessorWithTheHostsThreadingCapabilities() {
        HostThreadDriver driver = new HostThreadDriver();
        driver.hostMemory = new HostMemoryDriver();
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, driver.workerCount());
        assertEquals(ThreadingModel.WORKER_POOL, driver.threadingModel());
        assertTrue(driver.supports(HalCapability.THREADING));
        assertEquals(cores >= 2, driver.supports(HalCapability.DUAL_CORE));
        assertTrue(!driver.supports(HalCapability.BASIC_MEMORY));
        assertEquals(driver.hostMemory.platformInfo(), driver.platformInfo());

        driver.initialize().orElseThrow();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Runnable record = () -> threads.add(Thread.currentThread().getName());
        driver.executeParallel(List.of(record, record, record, record)).orElseThrow();
        assertTrue(threads.stream().allMatch(name -> name.matches("host-worker-[1-9][0-9]*")), threads.toString());
        driver.shutdown();
    }
}
