package flight.hal.resources.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import flight.hal.testkit.MetatypeDefaults;

class ResourcesMetatypeTest {

    @Test
    void theFormSavedUnchangedConfiguresWhatNoConfigurationDoes() {
        Map<String, Object> form = MetatypeDefaults.of(ResourcesMetatype.class);
        assertEquals(Map.of(ResourcesConfig.HYSTERESIS, ResourcesConfig.DEFAULT_HYSTERESIS,
                ResourcesConfig.LEAK_TRACKING, "sampled", ResourcesConfig.SAMPLING_INTERVAL, 128), form);
        assertEquals(ResourcesConfig.from(Map.of()), ResourcesConfig.from(form));
    }
}
