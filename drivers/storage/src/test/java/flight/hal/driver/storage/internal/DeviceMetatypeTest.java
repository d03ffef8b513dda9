package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import flight.hal.testkit.MetatypeDefaults;

class DeviceMetatypeTest {

    @TempDir
    Path dir;

    /** The form of a new device with only its file (and kind) filled in configures what those two keys alone do. */
    @ParameterizedTest
    @EnumSource(DeviceKind.class)
    void theFormWithOnlyPathAndKindConfiguresWhatTheseKeysAlone(DeviceKind kind) {
        Map<String, Object> given = Map.of(DeviceConfig.PATH, dir.resolve("disk.img").toString(),
                DeviceConfig.KIND, kind.name());
        Map<String, Object> form = new HashMap<>(MetatypeDefaults.of(DeviceMetatype.class));
        assertFalse(form.containsKey(DeviceConfig.PATH), "the backing file has no default");
        form.putAll(given);
        assertEquals(DeviceConfig.from(given).orElseThrow(), DeviceConfig.from(form).orElseThrow());
    }
}
