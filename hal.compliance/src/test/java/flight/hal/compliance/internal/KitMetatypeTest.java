package flight.hal.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.testkit.MetatypeDefaults;

class KitMetatypeTest {

    @Test
    void theFormSavedUnchangedConfiguresTheDefaults() {
        Map<String, Object> form = MetatypeDefaults.of(KitMetatype.class);
        assertEquals(Map.of(KitSettings.CALL_TIMEOUT, 5_000L, KitSettings.CHECK_TIMEOUT, 60_000L,
                KitSettings.SOAK_SECONDS, 1L), form);
        assertEquals(KitSettings.DEFAULTS, KitSettings.of(form));
    }
}
