package flight.hal.compliance.internal;

import java.util.Locale;

import flight.hal.PlatformInfo;

/**
 * A platform's service levels from the Flight HAL compliance requirements: allocation latency (macOS and other hosts
 * below 1 ms, Dreamcast below 5 ms, PSP below 2 ms, Web below 3 ms); for hosts (the seed's macOS) memory throughput
 * above 1 GB/s; for the Dreamcast memory efficiency above 90 %; for the PSP dual-core coordination; for the Web
 * GC-friendly patterns, which the kit states as no garbage collection pause of {@value #FRAME_MILLIS} ms (a frame at
 * 60 Hz) or more during allocation churn.
 *
 * @param profile             whose levels these are
 * @param latencyMillis       the allocation latency to stay below
 * @param minEfficiencyPct    the memory efficiency to exceed; 0 when the platform sets none
 * @param minThroughputGbps   the memory throughput to exceed, in GB/s; 0 when the platform sets none
 * @param dualCore            whether the platform requires dual-core coordination of its thread driver
 * @param maxGcPauseMillis    the longest garbage collection pause allowed during churn; 0 when the platform sets none
 */
record Sla(String profile, double latencyMillis, double minEfficiencyPct, double minThroughputGbps, boolean dualCore,
           double maxGcPauseMillis) {
    static final double FRAME_MILLIS = 16;

    /** The levels of the platform {@code info} names; a desktop's when it names no console or browser. */
    static Sla of(PlatformInfo info) {
        String platform = info == null ? "" : info.platformName().toLowerCase(Locale.ROOT);
        if (platform.contains("dreamcast")) {
            return new Sla("Dreamcast", 5, 90, 0, false, 0);
        }
        if (platform.contains("psp")) {
            return new Sla("PSP", 2, 0, 0, true, 0);
        }
        if (platform.contains("web")) {
            return new Sla("Web", 3, 0, 0, false, FRAME_MILLIS);
        }
        return new Sla("host", 1, 0, 1, false, 0);
    }

    boolean hasEfficiencyLevel() {
        return minEfficiencyPct > 0;
    }

    /** {@code "> 1 GB/s"}, or empty when the platform sets no throughput level. */
    String throughputRequirement() {
        return minThroughputGbps > 0 ? "> " + MemoryStress.format(minThroughputGbps) + " GB/s" : "";
    }

    /** {@code "< 16 ms"}, or empty when the platform sets no pause level. */
    String gcPauseRequirement() {
        return maxGcPauseMillis > 0 ? "< " + MemoryStress.format(maxGcPauseMillis) + " ms" : "";
    }
}
