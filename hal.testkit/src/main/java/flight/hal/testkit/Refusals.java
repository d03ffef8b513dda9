package flight.hal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import flight.hal.HalError;
import flight.hal.HalResult;

/** Assertions on how a driver answers bad input: an error result that says what was wrong, and nothing changed. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Asserts that {@code result} is an error with a category, a code and a message.
     *
     * @param call what was called, for the failure message
     * @return the error
     */
    public static HalError assertRefused(HalResult<?> result, String call) {
        assertNotNull(result, () -> call + " returned null instead of a result");
        assertTrue(result.isErr(), () -> call + " was accepted: " + result);
        HalError error = result.errorOrNull();
        assertNotNull(error.category(), () -> call + ": error without a category");
        assertFalse(error.code() == null || error.code().isBlank(), () -> call + ": error without a code: " + error);
        assertFalse(error.message() == null || error.message().isBlank(),
                () -> call + ": error without a message: " + error);
        return error;
    }

    /**
     * Runs {@code call}, which must be refused, and asserts that {@code observed} reads the same before and after it.
     *
     * @param description what was called, for the failure message
     * @param observed    what must not change (stats, contents, pointers); compared with {@code equals}
     * @return the error
     */
    public static <T> HalError assertRefusedWithoutChange(String description, Supplier<HalResult<?>> call,
            Supplier<T> observed) {
        T before = observed.get();
        HalError error = assertRefused(call.get(), description);
        assertEquals(before, observed.get(), () -> description + " was refused (" + error + ") but changed state");
        return error;
    }
}
