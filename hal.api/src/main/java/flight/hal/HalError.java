package flight.hal;

import java.util.Objects;

/**
 * An expected failure: what kind it is, a stable machine-readable code, and a message that says what was wrong.
 *
 * <p>The code defaults to the category's name in lower case ({@code "invalid_parameter"}); drivers may use finer codes
 * ({@code "memory.double_free"}) so callers can react to one specific case without parsing the message.
 *
 * @param category what kind of failure this is
 * @param code     stable identifier of the failure, never blank
 * @param message  human-readable explanation naming the offending values, never blank
 */
public record HalError(ErrorCategory category, String code, String message) {

    public HalError {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("an error needs a code and a message");
        }
    }

    /** An error whose code is the category's default code. */
    public static HalError of(ErrorCategory category, String message) {
        return new HalError(category, defaultCode(category), message);
    }

    /** The code used when none finer is given: the category's name in lower case. */
    public static String defaultCode(ErrorCategory category) {
        return category.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static HalError invalidParameter(String message) {
        return of(ErrorCategory.INVALID_PARAMETER, message);
    }

    public static HalError insufficientResources(String message) {
        return of(ErrorCategory.INSUFFICIENT_RESOURCES, message);
    }

    public static HalError allocationFailed(String message) {
        return of(ErrorCategory.ALLOCATION_FAILED, message);
    }

    public static HalError outOfMemory(String message) {
        return of(ErrorCategory.OUT_OF_MEMORY, message);
    }

    public static HalError initializationFailed(String message) {
        return of(ErrorCategory.INITIALIZATION_FAILED, message);
    }

    public static HalError unsupportedFormat(String message) {
        return of(ErrorCategory.UNSUPPORTED_FORMAT, message);
    }

    public static HalError unsupportedCapability(String message) {
        return of(ErrorCategory.UNSUPPORTED_CAPABILITY, message);
    }

    public static HalError notFound(String message) {
        return of(ErrorCategory.NOT_FOUND, message);
    }

    public static HalError unavailable(String message) {
        return of(ErrorCategory.UNAVAILABLE, message);
    }

    public static HalError timeout(String message) {
        return of(ErrorCategory.TIMEOUT, message);
    }

    public static HalError invalidState(String message) {
        return of(ErrorCategory.INVALID_STATE, message);
    }

    /**
     * An {@link ErrorCategory#INTERNAL} error: a failure inside the HAL that no other category describes.
     *
     * @since 1.1
     */
    public static HalError internal(String message) {
        return of(ErrorCategory.INTERNAL, message);
    }

    /** {@code category/code: message}, or {@code category: message} when the code is the default one. */
    @Override
    public String toString() {
        return code.equals(defaultCode(category))
                ? category + ": " + message
                : category + "/" + code + ": " + message;
    }
}
