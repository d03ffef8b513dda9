package flight.hal.jmx.internal;

/** The budget and usage of one resource type over all bundles: {@code flight.hal:type=Budget,name=<type>}. */
public interface BudgetMXBean {

    /** The resource type: MEMORY, HARDWARE, PERFORMANCE, COMMUNICATION, PLATFORM or CUSTOM. */
    String getType();

    /** Bytes in use. */
    long getUsageBytes();

    /** The highest usage so far. */
    long getPeakBytes();

    /** The most that may be in use; {@code Long.MAX_VALUE} when the budget is unlimited. */
    long getMaxBytes();

    /** The part of the maximum kept for critical acquisitions. */
    long getReservedBytes();

    /** Usage in percent of the maximum at which pressure is HIGH. */
    int getWarningPercent();

    /** Usage in percent of the maximum at which pressure is CRITICAL. */
    int getCriticalPercent();

    /** NONE, LOW, MEDIUM, HIGH or CRITICAL. */
    String getPressure();

    /** Acquisitions not yet released. */
    long getActiveCount();

    /** Acquisitions made so far. */
    long getAllocationCount();

    /** Emergency acquisitions that went over the budget. */
    long getOverrunCount();
}
