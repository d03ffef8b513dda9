package flight.hal.compliance.internal;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;

/** Expectations inside a check: the first one that does not hold ends the check as failed, with its message. */
final class Expect {

    /** Thrown by an expectation that does not hold; carries what was wrong. */
    static final class Unmet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unmet(String message) {
            super(message, null, false, false);
        }
    }

    private Expect() {
    }

    static void that(boolean condition, String whatWasWrong) {
        if (!condition) {
            throw new Unmet(whatWasWrong);
        }
    }

    /** The value of a result that must be a success. */
    static <T> T ok(HalResult<T> result, String call) {
        if (result == null) {
            throw new Unmet(call + " returned null instead of a result");
        }
        if (result.isErr()) {
            throw new Unmet(call + " failed: " + result.errorOrNull());
        }
        return result.valueOrNull();
    }

    /** The error of a result that must fail with {@code expected}; its message must name {@code mention} if given. */
    static HalError error(HalResult<?> result, ErrorCategory expected, String call, String mention) {
        if (result == null) {
            throw new Unmet(call + " returned null instead of a result");
        }
        HalError error = result.errorOrNull();
        if (error == null) {
            throw new Unmet(call + " succeeded; expected the error " + expected);
        }
        if (error.category() != expected) {
            throw new Unmet(call + " failed with " + error + "; expected the error " + expected);
        }
        if (mention != null && !error.message().contains(mention)) {
            throw new Unmet(call + " failed with \"" + error.message() + "\", which does not name " + mention);
        }
        return error;
    }

    static HalError error(HalResult<?> result, ErrorCategory expected, String call) {
        return error(result, expected, call, null);
    }

    /** The error of a call on a handle another driver issued: {@code INVALID_PARAMETER}, code foreign handle. */
    static HalError foreign(HalResult<?> result, String call) {
        HalError error = error(result, ErrorCategory.INVALID_PARAMETER, call);
        that(HandleIssuer.FOREIGN_HANDLE.equals(error.code()), call + " failed with " + error + "; expected the code "
                + HandleIssuer.FOREIGN_HANDLE);
        return error;
    }

    /**
     * The error of a call on a handle no driver issued to this one: {@code NOT_FOUND} from a driver that does not
     * tell handles apart by issuer, the foreign handle error from one that does.
     */
    static HalError unknown(HalResult<?> result, String call) {
        HalError error = result == null ? null : result.errorOrNull();
        return error != null && error.category() == ErrorCategory.INVALID_PARAMETER ? foreign(result, call)
                : error(result, ErrorCategory.NOT_FOUND, call);
    }

    /** A handle no driver under test issued: made by an issuer of the kit's own. */
    static long foreignHandle() {
        return HandleIssuer.forDriver("compliance.probe").issue();
    }
}
