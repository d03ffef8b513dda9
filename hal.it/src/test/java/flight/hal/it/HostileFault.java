package flight.hal.it;

import java.util.Locale;

/**
 * The faults of the test bundle's {@code flight.hal.driver.testing.internal.HostileMemoryDriver}, by the same names (the value of its
 * {@code fault} property), with what the registry's report of each must mention to say what went wrong.
 */
enum HostileFault {
    NULL_CAPABILITIES("capabilities", Misbehaviour.RETURNS_NULL),
    THROW_CAPABILITIES("capabilities", Misbehaviour.THROWS),
    NULL_INITIALIZE("initialize", Misbehaviour.RETURNS_NULL),
    THROW_INITIALIZE("initialize", Misbehaviour.THROWS),
    HANG_INITIALIZE("initialize", Misbehaviour.NEVER_RETURNS),
    NULL_PLATFORM_INFO("platformInfo", Misbehaviour.RETURNS_NULL),
    THROW_PLATFORM_INFO("platformInfo", Misbehaviour.THROWS),
    THROW_AVAILABLE("isAvailable", Misbehaviour.THROWS);

    /** What the faulty method does. */
    enum Misbehaviour {
        RETURNS_NULL,
        /** Throws an {@link IllegalStateException} whose message ends with "fails on purpose (FAULT)". */
        THROWS,
        /** Blocks until the driver's component is deactivated. */
        NEVER_RETURNS
    }

    /** The {@code HalDriver} method that misbehaves. */
    final String method;
    final Misbehaviour misbehaviour;

    HostileFault(String method, Misbehaviour misbehaviour) {
        this.method = method;
        this.misbehaviour = misbehaviour;
    }

    /**
     * Whether {@code failure}, the registry's account of a candidate with this fault, says what went wrong: it names
     * the method and says it returned null, names the exception it threw, or says it did not return in time.
     */
    boolean isExplainedBy(String failure) {
        if (!failure.contains(method)) {
            return false;
        }
        String lowerCase = failure.toLowerCase(Locale.ROOT);
        return switch (misbehaviour) {
            case RETURNS_NULL -> lowerCase.contains("null");
            case THROWS -> failure.contains("IllegalStateException") || failure.contains("fails on purpose");
            case NEVER_RETURNS -> lowerCase.contains("time") || lowerCase.contains("did not return")
                    || lowerCase.matches("(?s).*\\d+ ?ms\\b.*");
        };
    }

    /** A driver name that says which fault it has: {@code hostile.<serial>.<fault>}. */
    String driverName(int serial) {
        return "hostile." + serial + "." + name().toLowerCase(Locale.ROOT);
    }
}
