package flight.hal.testing;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

/**
 * The faults of one fault-injecting memory driver, which {@link HalHarness#injectFaults} makes from a factory
 * configuration of PID {@value #FACTORY_PID}. It is a real memory driver (a 16 MiB region), bent as configured. Start
 * from {@link #named(String)} and add faults:
 *
 * <pre>{@code
 * harness.injectFaults(MemoryFaults.named("flaky.memory").ranking(100).failingEvery(3).withLatency(Duration.ofMillis(2)));
 * }</pre>
 *
 * @param name            the driver's {@code hal.driver.name}
 * @param ranking         its {@code service.ranking}, the HAL priority
 * @param failInitialize  {@code initialize()} fails ({@code INITIALIZATION_FAILED})
 * @param available       what {@code isAvailable()} reports
 * @param latency         added to every allocate, deallocate and reallocate
 * @param failEvery       every n-th allocate, deallocate or reallocate fails ({@code INTERNAL}, nothing changed); 0:
 *                        none
 * @param outOfMemoryAt   bytes in use beyond which allocations fail ({@code OUT_OF_MEMORY}); 0: only when the region
 *                        is full
 */
public record MemoryFaults(String name, int ranking, boolean failInitialize, boolean available, Duration latency,
                           int failEvery, long outOfMemoryAt) {
    /** The factory PID of the fault-injecting memory driver. */
    public static final String FACTORY_PID = "flight.hal.testing.faulty.memory";
    /** Property: {@code initialize()} fails. */
    public static final String FAIL_INITIALIZE = "fail.initialize";
    /** Property: what {@code isAvailable()} reports. */
    public static final String AVAILABLE = "available";
    /** Property: milliseconds added to every allocate, deallocate and reallocate. */
    public static final String LATENCY_MILLIS = "latency.millis";
    /** Property: every n-th allocate, deallocate or reallocate fails. */
    public static final String FAIL_EVERY = "fail.every";
    /** Property: bytes in use beyond which allocations fail. */
    public static final String OUT_OF_MEMORY_AT = "out.of.memory.at";

    public MemoryFaults {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || failEvery < 0 || outOfMemoryAt < 0) {
            throw new IllegalArgumentException("negative latency, call count or memory threshold");
        }
    }

    /** A driver named {@code name} with ranking 0 and no faults. */
    public static MemoryFaults named(String name) {
        return new MemoryFaults(name, 0, false, true, Duration.ZERO, 0, 0);
    }

    /** These faults, registered with {@code serviceRanking}. */
    public MemoryFaults ranking(int serviceRanking) {
        return new MemoryFaults(name, serviceRanking, failInitialize, available, latency, failEvery, outOfMemoryAt);
    }

    /** These faults, and {@code initialize()} fails. */
    public MemoryFaults failingInitialize() {
        return new MemoryFaults(name, ranking, true, available, latency, failEvery, outOfMemoryAt);
    }

    /** These faults, and the driver reports itself unavailable. */
    public MemoryFaults unavailable() {
        return new MemoryFaults(name, ranking, failInitialize, false, latency, failEvery, outOfMemoryAt);
    }

    /** These faults, and {@code added} latency on every allocate, deallocate and reallocate. */
    public MemoryFaults withLatency(Duration added) {
        return new MemoryFaults(name, ranking, failInitialize, available, added, failEvery, outOfMemoryAt);
    }

    /** These faults, and every {@code n}-th allocate, deallocate or reallocate fails. */
    public MemoryFaults failingEvery(int n) {
        return new MemoryFaults(name, ranking, failInitialize, available, latency, n, outOfMemoryAt);
    }

    /** These faults, and allocations fail once {@code bytes} are in use. */
    public MemoryFaults outOfMemoryAt(long bytes) {
        return new MemoryFaults(name, ranking, failInitialize, available, latency, failEvery, bytes);
    }

    /** The factory configuration's properties. */
    Dictionary<String, Object> properties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("hal.driver.name", name);
        properties.put("service.ranking", ranking);
        properties.put(FAIL_INITIALIZE, failInitialize);
        properties.put(AVAILABLE, available);
        properties.put(LATENCY_MILLIS, latency.toMillis());
        properties.put(FAIL_EVERY, failEvery);
        properties.put(OUT_OF_MEMORY_AT, outOfMemoryAt);
        return properties;
    }
}
