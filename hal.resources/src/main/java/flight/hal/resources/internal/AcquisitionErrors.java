package flight.hal.resources.internal;

import java.util.concurrent.TimeUnit;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceErrors;
import flight.hal.resources.ResourcePriority;

/** The errors of acquisitions that did not fit: each names the resource, type, owner and the numbers. */
final class AcquisitionErrors {
    private AcquisitionErrors() {
    }

    static HalError budgetExceeded(Refusal refusal, BundleAccount owner, TypeAccount type, String name, long bytes,
                                   ResourcePriority priority) {
        return new HalError(ErrorCategory.BUDGET_EXCEEDED, ResourceErrors.BUDGET_EXCEEDED,
                (ownBudgetRefused(refusal, owner, type) ? type.type + " budget of bundle " + owner : type.type
                        + " budget")
                        + " exceeded: '" + name + "' of bundle " + owner + " needs " + bytes + " bytes; "
                        + usage(refusal, owner, type, priority));
    }

    static HalError timedOut(BundleAccount owner, TypeAccount type, String name, long bytes,
                             ResourcePriority priority, long timeoutNanos, Refusal refusal) {
        return new HalError(ErrorCategory.TIMEOUT, ResourceErrors.ACQUIRE_TIMEOUT, "'" + name + "' of bundle "
                + owner + " waited "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms for " + bytes + " bytes of " + type.type
                + " without room; " + usage(refusal, owner, type, priority));
    }

    static HalError cancelled(BundleAccount owner, TypeAccount type, String name, long bytes, Waiter.State state) {
        return new HalError(ErrorCategory.INVALID_STATE, ResourceErrors.ACQUIRE_CANCELLED, "'" + name
                + "' of bundle " + owner
                + " stopped waiting for " + bytes + " bytes of " + type.type + ": "
                + (state == Waiter.State.INTERRUPTED ? "its thread was interrupted" : "its bundle stopped"));
    }

    /**
     * Whether the bundle's own budget refused. A bundle without one has the unlimited counter, which refuses only a
     * sum past {@code Long.MAX_VALUE}; the type's budget, which sums every bundle, is then the one to name.
     */
    private static boolean ownBudgetRefused(Refusal refusal, BundleAccount owner, TypeAccount type) {
        return refusal == Refusal.BUNDLE && owner.budget(type.type) != null;
    }

    /** {@code U of the limit L in use (max M, reserved R)} of the budget that refused. */
    private static String usage(Refusal refusal, BundleAccount owner, TypeAccount type, ResourcePriority priority) {
        boolean own = ownBudgetRefused(refusal, owner, type);
        ResourceBudget budget = own ? owner.budget(type.type) : type.budget();
        long used = own ? owner.usage(type.type).current() : type.usage.current();
        return used + " of the limit " + budget.limitFor(priority) + " for " + priority + " priority in use (max "
                + budget.maxBytes() + ", reserved " + budget.reservedBytes() + ")";
    }
}
