package flight.hal.driver.storage.internal;

import java.util.concurrent.atomic.LongAdder;

import flight.hal.HalResult;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoResult;

/** A device's counters; updated from any thread without locks. */
final class DeviceCounters {
    private final LongAdder submitted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();

    void submitted() {
        submitted.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void throttled() {
        throttled.increment();
    }

    /** Counts a completion and the bytes it moved. */
    void completed(HalResult<IoResult> result, int blockSize) {
        IoResult done = result.valueOrNull();
        if (done == null) {
            failed.increment();
            return;
        }
        completed.increment();
        long bytes = done.blocks() * blockSize;
        if (done.operation() == IoOperation.READ) {
            bytesRead.add(bytes);
        } else if (done.operation().transfersData()) {
            bytesWritten.add(bytes);
        }
    }

    DeviceStats snapshot() {
        return new DeviceStats(submitted.sum(), completed.sum(), failed.sum(), rejected.sum(), throttled.sum(),
                bytesRead.sum(), bytesWritten.sum());
    }
}
