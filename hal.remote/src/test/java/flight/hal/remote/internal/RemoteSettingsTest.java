package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RemoteSettingsTest {

    @Test
    void completeSettingsHaveNoProblem() {
        assertEquals(List.of(), new RemoteSettings("127.0.0.1", 8701, "s3cret", 2000).problems());
    }

    @Test
    void aMissingOrBlankSecretIsAProblem() {
        assertTrue(new RemoteSettings("127.0.0.1", 8701, null, 2000).problems().get(0).startsWith("no secret"));
        assertTrue(new RemoteSettings("127.0.0.1", 8701, "  ", 2000).problems().get(0).startsWith("no secret"));
    }

    @Test
    void everyProblemIsNamed() {
        List<String> problems = new RemoteSettings("", 70000, "", 0).problems();

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.contains("port 70000 is outside 0..65535"), problems.toString());
        assertTrue(problems.contains("callTimeoutMillis 0 is below 1"), problems.toString());
    }
}
