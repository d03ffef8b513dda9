package flight.hal.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import flight.hal.PlatformInfo;

class SlaAndFilterTest {

    @Test
    void serviceLevelsFollowThePlatform() {
        assertEquals(new Sla("Dreamcast", 5, 90, 0, false, 0), Sla.of(info("Sega Dreamcast")));
        assertEquals(new Sla("PSP", 2, 0, 0, true, 0), Sla.of(info("Sony PSP")));
        assertEquals(new Sla("Web", 3, 0, 0, false, 16), Sla.of(info("Web Browser")));
        assertEquals(new Sla("host", 1, 0, 1, false, 0), Sla.of(info("Mac OS X")));
        assertEquals(new Sla("host", 1, 0, 1, false, 0), Sla.of(null));
        assertEquals("> 1 GB/s", Sla.of(null).throughputRequirement());
        assertEquals("< 16 ms", Sla.of(info("Web Browser")).gcPauseRequirement());
    }

    @Test
    void driverNamesAreEscapedInTheServiceFilter() {
        assertEquals("(&(hal.driver.name=odd\\(name\\)\\*)(hal.interface=*)(!(hal.selected=*)))",
                ComplianceService.filter("odd(name)*"));
    }

    private static PlatformInfo info(String name) {
        return new PlatformInfo(name, "arch", "", 1024, 8, 1024, 1, 0);
    }
}
