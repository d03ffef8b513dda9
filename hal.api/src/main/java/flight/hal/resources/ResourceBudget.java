package flight.hal.resources;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * A budget for one resource type (or one bundle's share of it). Acquisitions of normal priority fit under
 * {@code maxBytes - reservedBytes}; {@link ResourcePriority#CRITICAL} ones may use the reserve up to {@code maxBytes}.
 * The record accepts any numbers; {@link #check()} judges them.
 *
 * @param maxBytes        the most that may be in use
 * @param reservedBytes   the part of {@code maxBytes} kept for critical acquisitions
 * @param warningPercent  usage in percent of {@code maxBytes} at which pressure is {@link ResourcePressure#HIGH}
 * @param criticalPercent usage in percent of {@code maxBytes} at which pressure is {@link ResourcePressure#CRITICAL}
 */
public record ResourceBudget(long maxBytes, long reservedBytes, int warningPercent, int criticalPercent) {

    /** The warning level of the platform defaults. */
    public static final int DEFAULT_WARNING_PERCENT = 75;
    /** The critical level of the platform defaults. */
    public static final int DEFAULT_CRITICAL_PERCENT = 90;

    private static final ResourceBudget UNLIMITED =
            new ResourceBudget(Long.MAX_VALUE, 0, DEFAULT_WARNING_PERCENT, DEFAULT_CRITICAL_PERCENT);

    /** No limit: every acquisition fits and pressure stays {@link ResourcePressure#NONE}. */
    public static ResourceBudget unlimited() {
        return UNLIMITED;
    }

    /** {@code maxBytes} with {@code reservedBytes} reserved and the default warning and critical levels. */
    public static ResourceBudget of(long maxBytes, long reservedBytes) {
        return new ResourceBudget(maxBytes, reservedBytes, DEFAULT_WARNING_PERCENT, DEFAULT_CRITICAL_PERCENT);
    }

    /** Whether this is the {@linkplain #unlimited() unlimited} budget. */
    public boolean isUnlimited() {
        return maxBytes == Long.MAX_VALUE;
    }

    /** The most an acquisition of {@code priority} may bring usage to. */
    public long limitFor(ResourcePriority priority) {
        return priority == ResourcePriority.CRITICAL ? maxBytes : maxBytes - reservedBytes;
    }

    /**
     * Success, or an {@code INVALID_PARAMETER} error: the maximum must be positive, the reserve between 0 and the
     * maximum, and {@code 0 < warningPercent <= criticalPercent <= 100}.
     */
    public HalResult<Void> check() {
        if (maxBytes <= 0) {
            return invalid("budget maximum must be positive, was " + maxBytes);
        }
        if (reservedBytes < 0 || reservedBytes > maxBytes) {
            return invalid("reserve must be between 0 and the maximum " + maxBytes + ", was " + reservedBytes);
        }
        if (warningPercent <= 0 || warningPercent > criticalPercent || criticalPercent > 100) {
            return invalid("need 0 < warning <= critical <= 100 percent, was warning " + warningPercent
                    + ", critical " + criticalPercent);
        }
        return HalResult.ok();
    }

    private static HalResult<Void> invalid(String message) {
        return HalResult.err(HalError.invalidParameter(message));
    }
}
