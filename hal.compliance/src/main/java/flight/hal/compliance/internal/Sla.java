package flight.hal.compliance.internal;

import java.util.Locale;

import flight.hal.PlatformInfo;

/**
 * A platform's service levels from the Flight HAL compliance requirements: allocation latency (macOS and other hosts
 * below 1 ms, Dreamcast below 5 ms, PSP below 2 ms, Web below 3 ms) and, for the Dreamcast, memory efficiency above
 * 90 %.
 *
 * @param profile           whose levels these are
 * @param latencyMillis     the allocation latency to stay below
 * @param minEfficiencyPct  the memory efficiency to exceed; 0 when the platform sets none
 */
record Sla(String profile, double latencyMillis, double minEfficiencyPct) {

    /** The levels of the platform {@code info} names; a desktop's when it names no console or browser. */
    static Sla of(PlatformInfo info) {
        String platform = info == null ? "" : info.platformName().toLowerCase(Locale.ROOT);
        if (platform.contains("dreamcast")) {
            return new Sla("Dreamcast", 5, 90);
        }
        if (platform.contains("psp")) {
            return new Sla("PSP", 2, 0);
        }
        if (platform.contains("web")) {
            return new Sla("Web", 3, 0);
        }
        return new Sla("host", 1, 0);
    }

    boolean hasEfficiencyLevel() {
        return minEfficiencyPct > 0;
    }
}
