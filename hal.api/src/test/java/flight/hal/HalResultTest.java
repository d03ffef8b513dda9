package flight.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HalResultTest {
    private static final HalError BROKEN = HalError.notFound("no such handle 7");

    @Test
    void okCarriesItsValueThroughMapAndFlatMap() {
        HalResult<Integer> result = HalResult.ok(20).map(n -> n + 1).flatMap(n -> HalResult.ok(n * 2));
        assertTrue(result.isOk());
        assertFalse(result.isErr());
        assertEquals(42, result.orElseThrow());
        assertEquals(Optional.of(42), result.asOptional());
        assertEquals(Optional.empty(), result.failure());
        assertNull(result.errorOrNull());
    }

    @Test
    void errorPassesThroughMapAndFlatMapUntouched() {
        List<Integer> touched = new ArrayList<>();
        HalResult<Integer> result = HalResult.<Integer>err(BROKEN).map(n -> {
            touched.add(n);
            return n;
        }).flatMap(n -> HalResult.ok(n + 1));
        assertTrue(result.isErr());
        assertTrue(touched.isEmpty());
        assertSame(BROKEN, result.errorOrNull());
        assertEquals(Optional.empty(), result.asOptional());
        assertNull(result.valueOrNull());
    }

    @Test
    void flatMapCanFail() {
        HalResult<Integer> result = HalResult.ok(1).flatMap(n -> HalResult.err(BROKEN));
        assertSame(BROKEN, result.errorOrNull());
    }

    @Test
    void recoverAndFallbacksReplaceOnlyErrors() {
        assertEquals(5, HalResult.<Integer>err(BROKEN).recover(error -> 5).orElseThrow());
        assertEquals(1, HalResult.ok(1).recover(error -> 5).orElseThrow());
        assertEquals(9, HalResult.<Integer>err(BROKEN).orElse(9));
        assertEquals(9, HalResult.<Integer>err(BROKEN).orElseGet(() -> 9));
        assertEquals(1, HalResult.ok(1).orElse(9));
        assertEquals(3, HalResult.<Integer>err(BROKEN).orElseTry(error -> HalResult.ok(3)).orElseThrow());
        HalError renamed = HalResult.<Integer>err(BROKEN)
                .mapError(error -> HalError.unavailable("wrapped: " + error.message())).errorOrNull();
        assertEquals(ErrorCategory.UNAVAILABLE, renamed.category());
        assertEquals("wrapped: no such handle 7", renamed.message());
    }

    @Test
    void orElseThrowCarriesTheError() {
        HalException thrown = assertThrows(HalException.class, () -> HalResult.err(BROKEN).orElseThrow());
        assertSame(BROKEN, thrown.error());
        assertEquals("NOT_FOUND: no such handle 7", thrown.getMessage());
    }

    @Test
    void valuelessSuccessIsShared() {
        assertSame(HalResult.ok(), HalResult.<Void>ok());
        assertTrue(HalResult.ok().isOk());
        assertNull(HalResult.ok().orElseThrow());
    }

    @Test
    void ifOkAndIfErrRunOnlyOnTheirSide() {
        List<String> seen = new ArrayList<>();
        HalResult.ok("v").ifOk(seen::add).ifErr(error -> seen.add("error"));
        HalResult.err(BROKEN).ifOk(value -> seen.add("value")).ifErr(error -> seen.add(error.code()));
        assertEquals(List.of("v", "not_found"), seen);
    }
}
