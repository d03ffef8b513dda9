package flight.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class HalErrorTest {

    @Test
    void factoriesUseTheCategoryAsDefaultCode() {
        HalError error = HalError.invalidParameter("size must be positive, was 0");
        assertEquals(ErrorCategory.INVALID_PARAMETER, error.category());
        assertEquals("invalid_parameter", error.code());
        assertEquals("INVALID_PARAMETER: size must be positive, was 0", error.toString());
    }

    @Test
    void finerCodesShowInTheText() {
        HalError error = new HalError(ErrorCategory.NOT_FOUND, "memory.double_free", "handle 3 already released");
        assertEquals("NOT_FOUND/memory.double_free: handle 3 already released", error.toString());
    }

    @Test
    void anErrorNeedsACodeAndAMessage() {
        assertThrows(IllegalArgumentException.class, () -> HalError.timeout(" "));
        assertThrows(IllegalArgumentException.class, () -> new HalError(ErrorCategory.INTERNAL, "", "x"));
        assertThrows(NullPointerException.class, () -> new HalError(null, "x", "y"));
    }

    @Test
    void capabilityMasksRoundTrip() {
        EnumSet<HalCapability> some = EnumSet.of(HalCapability.BASIC_MEMORY, HalCapability.DMA,
                HalCapability.SANDBOX_RESTRICTIONS);
        long mask = HalCapability.maskOf(some);
        assertEquals(1L | 1L << 4 | 1L << 10, mask);
        assertEquals(some, HalCapability.fromMask(mask));
        assertEquals(EnumSet.noneOf(HalCapability.class), HalCapability.fromMask(1L << 62));
    }

    @Test
    void tiersFollowTheSeedThresholds() {
        assertEquals(PerformanceTier.MINIMAL, PerformanceTier.forTotalMemory(16L << 20));
        assertEquals(PerformanceTier.LIMITED, PerformanceTier.forTotalMemory(32L << 20));
        assertEquals(PerformanceTier.LIMITED, PerformanceTier.forTotalMemory((256L << 20) - 1));
        assertEquals(PerformanceTier.HIGH, PerformanceTier.forTotalMemory(256L << 20));
    }

    @Test
    void platformInfoRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new PlatformInfo("x", "y", "", 1, 24, 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PlatformInfo("x", "y", "", -1, 8, 1, 1, 0));
        assertEquals(32, new PlatformInfo("Sega Dreamcast", "SH-4", "", 16 << 20, 32, 1 << 20, 1, 0)
                .memoryAlignment());
    }
}
