package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.testkit.MetatypeDefaults;

class RegistryMetatypeTest {

    @Test
    void theFormSavedUnchangedConfiguresWhatNoConfigurationDoes() {
        Map<String, Object> form = MetatypeDefaults.of(RegistryMetatype.class);
        assertEquals(Map.of(RegistrySettings.DRAIN_TIMEOUT, RegistrySettings.DEFAULT_TIMEOUT_MS,
                RegistrySettings.INIT_TIMEOUT, RegistrySettings.DEFAULT_TIMEOUT_MS,
                RegistrySettings.RETIRING_POLICY, "keep"), form);
        Pins none = new Pins(Map.of(), key -> null);
        RegistrySettings saved = RegistrySettings.from(form, none);
        RegistrySettings unconfigured = RegistrySettings.from(Map.of(), none);
        assertEquals(unconfigured.drainTimeoutNanos(), saved.drainTimeoutNanos());
        assertEquals(unconfigured.initTimeoutNanos(), saved.initTimeoutNanos());
        assertFalse(saved.dropOnLeave());
        assertEquals(unconfigured.required(), saved.required());
    }
}
