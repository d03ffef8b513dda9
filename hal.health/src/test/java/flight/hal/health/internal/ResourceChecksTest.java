package flight.hal.health.internal;

import static flight.hal.health.internal.Logs.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceBudget;
import flight.hal.resources.ResourceHandle;
import flight.hal.resources.ResourceLeak;
import flight.hal.resources.ResourceMetadata;
import flight.hal.resources.ResourcePressure;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

class ResourceChecksTest {
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final ResourceBudget KIB = new ResourceBudget(1024, 0, 75, 90);

    @Test
    void pressureIsOkBelowTheWarningLevelWarnsFromItAndIsCriticalAtTheCriticalLevel() {
        assertEquals(Result.Status.OK, pressure(stats(ResourceType.MEMORY, 512, ResourcePressure.MEDIUM),
                new ResourceStats(ResourceType.HARDWARE, 1, 1, 1, 1, 0, ResourceBudget.unlimited(),
                        ResourcePressure.NONE)).getStatus());

        Result high = pressure(stats(ResourceType.MEMORY, 800, ResourcePressure.HIGH));
        assertEquals(Result.Status.WARN, high.getStatus());
        assertEquals(List.of("MEMORY: pressure HIGH: 800 of 1024 bytes in use (78 %; warning at 75 %, critical at"
                + " 90 %)"), messages(high, Result.Status.WARN));

        Result critical = pressure(stats(ResourceType.MEMORY, 1000, ResourcePressure.CRITICAL),
                stats(ResourceType.HARDWARE, 800, ResourcePressure.HIGH));
        assertEquals(Result.Status.CRITICAL, critical.getStatus());
        assertTrue(messages(critical, Result.Status.CRITICAL).get(0).startsWith("MEMORY: pressure CRITICAL: 1000 of"));
        assertTrue(messages(critical, Result.Status.WARN).get(0).startsWith("HARDWARE: pressure HIGH"));
    }

    @Test
    void withoutTheAdministrationBothResourceChecksWarnAndSayHowToGrantIt() {
        PressureCheck pressure = new PressureCheck();
        LeakCheck leaks = new LeakCheck();
        for (Result result : List.of(pressure.execute(), leaks.execute())) {
            assertEquals(Result.Status.WARN, result.getStatus());
            assertTrue(messages(result, Result.Status.WARN).get(0)
                    .contains("flight.hal.health is not in admin.bundles of PID flight.hal.resources"));
        }
    }

    @Test
    void theComponentsReadEveryTypeAndTheLeaksOfTheAdministration() {
        ResourceLeak leak = leak(NOW.minusSeconds(60), "");
        ResourceAdministration administration = Logs.service(ResourceAdministration.class, Map.of(
                "stats", args -> args[0] == ResourceType.PLATFORM
                        ? stats(ResourceType.PLATFORM, 1000, ResourcePressure.CRITICAL)
                        : stats((ResourceType) args[0], 0, ResourcePressure.NONE),
                "leaks", args -> List.of(leak)));
        PressureCheck pressure = new PressureCheck();
        pressure.administration = administration;
        Result judged = pressure.execute();
        assertEquals(Result.Status.CRITICAL, judged.getStatus());
        assertEquals(ResourceType.values().length, messages(judged, Result.Status.OK).size()
                + messages(judged, Result.Status.CRITICAL).size());

        LeakCheck leaks = new LeakCheck();
        leaks.administration = administration;
        leaks.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertEquals(Result.Status.WARN, leaks.execute().getStatus());
        leaks.clock = Clock.fixed(NOW.plus(LeakCheck.WINDOW), ZoneOffset.UTC);
        assertEquals(Result.Status.OK, leaks.execute().getStatus(), "a leak older than the window is history");
    }

    @Test
    void aRecentLeakWarnsWithItsNameOwnerCauseAndAcquisitionSite() {
        String trace = String.join(System.lineSeparator(), "java.lang.Throwable: acquired here",
                "\tat flight.hal.resources.internal.Accounts.acquire(Accounts.java:10)",
                "\tat jdk.proxy3.$Proxy12.acquire(Unknown Source)",
                "\tat com.example.game.Level.load(Level.java:42)");
        FormattingResultLog log = new FormattingResultLog();
        LeakCheck.assess(List.of(leak(NOW.minus(Duration.ofMinutes(20)), ""), leak(NOW.minusSeconds(5), trace)),
                NOW, log);
        Result result = new Result(log);
        assertEquals(Result.Status.WARN, result.getStatus());
        List<String> warnings = messages(result, Result.Status.WARN);
        assertEquals(1, warnings.size(), "only the leak inside the window");
        assertEquals("leak of 'frame' (MEMORY, 4096 bytes, #7) of com.example.game [12]: OWNER_STOPPED at "
                + NOW.minusSeconds(5) + "; acquired at at com.example.game.Level.load(Level.java:42)", warnings.get(0));

        FormattingResultLog quiet = new FormattingResultLog();
        LeakCheck.assess(List.of(leak(NOW.minus(Duration.ofMinutes(20)), "")), NOW, quiet);
        assertEquals(List.of("no leak in the last 15 minutes (1 earlier)"),
                messages(new Result(quiet), Result.Status.OK));
    }

    private static Result pressure(ResourceStats... stats) {
        FormattingResultLog log = new FormattingResultLog();
        PressureCheck.assess(List.of(stats), log);
        return new Result(log);
    }

    private static ResourceStats stats(ResourceType type, long usage, ResourcePressure pressure) {
        return new ResourceStats(type, usage, usage, 1, 1, 0, KIB, pressure);
    }

    private static ResourceLeak leak(Instant detectedAt, String acquiredAt) {
        ResourceHandle handle = new ResourceHandle(7, "frame", ResourceMetadata.of(ResourceType.MEMORY, 4096), 12,
                "com.example.game");
        return new ResourceLeak(handle, ResourceLeak.Cause.OWNER_STOPPED, acquiredAt, detectedAt);
    }
}
