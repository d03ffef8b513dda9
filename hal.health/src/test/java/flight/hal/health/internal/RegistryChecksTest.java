package flight.hal.health.internal;

import static flight.hal.health.internal.Logs.driver;
import static flight.hal.health.internal.Logs.messages;
import static flight.hal.health.internal.Logs.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

class RegistryChecksTest {
    private static final String MEMORY = "flight.hal.memory.MemoryDriver";
    private static final String STORAGE = "flight.hal.storage.BlockDevice";
    private static final HalError THREW = HalError.internal("initialize() threw IllegalStateException");

    @Test
    void everyServedInterfaceIsOkAndOneWithCandidatesButNoDriverIsCriticalByName() {
        List<InterfaceStatus> healthy = List.of(
                status(MEMORY, "host.memory", "", driver(MEMORY, "host.memory", DriverState.SELECTED, null)),
                status(STORAGE, null, "", driver(STORAGE, "zns", DriverState.AVAILABLE, null),
                        driver(STORAGE, "broken", DriverState.UNAVAILABLE, null)),
                status("flight.hal.gone.GoneDriver", null, "no candidate left"));
        assertEquals(Result.Status.OK, selection(healthy).getStatus());

        Result unserved = selection(List.of(status(MEMORY, null, "pinned driver test.memory is absent",
                driver(MEMORY, "host.memory", DriverState.FAILED, THREW),
                driver(MEMORY, "web.memory", DriverState.UNAVAILABLE, null))));
        assertEquals(Result.Status.CRITICAL, unserved.getStatus());
        String message = messages(unserved, Result.Status.CRITICAL).get(0);
        assertTrue(message.startsWith(MEMORY + ": no driver selected among 2 candidate(s)"), message);
        assertTrue(message.contains("host.memory FAILED (" + THREW + ")"), message);
        assertTrue(message.contains("web.memory UNAVAILABLE"), message);
        assertTrue(message.endsWith("; pinned driver test.memory is absent"), message);

        Result noDevice = selection(List.of(status(STORAGE, null, "",
                driver(STORAGE, "broken", DriverState.UNAVAILABLE, null))));
        assertEquals(Result.Status.CRITICAL, noDevice.getStatus(), "a non-exclusive interface with none available");
    }

    @Test
    void aFailedCandidateWarnsByNameEvenWhenAnotherServes() {
        Result failed = failedDrivers(List.of(status(MEMORY, "host.memory", "",
                driver(MEMORY, "hostile.1", DriverState.FAILED, THREW),
                driver(MEMORY, "host.memory", DriverState.SELECTED, null))));
        assertEquals(Result.Status.WARN, failed.getStatus());
        assertEquals(List.of("driver hostile.1 of " + MEMORY + " (bundle bundle.of.hostile.1 [9]) failed: " + THREW),
                messages(failed, Result.Status.WARN));

        Result none = failedDrivers(List.of(status(MEMORY, "host.memory", "",
                driver(MEMORY, "host.memory", DriverState.SELECTED, null),
                driver(MEMORY, "psp.memory", DriverState.INELIGIBLE, HalError.unavailable("lacks DMA")))));
        assertEquals(Result.Status.OK, none.getStatus());
    }

    @Test
    void theComponentsJudgeTheSettledSelectionAndSayWhenTheRegistryIsStillBusy() {
        List<InterfaceStatus> unserved = List.of(status(MEMORY, null, "",
                driver(MEMORY, "hostile.1", DriverState.FAILED, THREW)));
        SelectionCheck selection = new SelectionCheck();
        FailedDriverCheck failed = new FailedDriverCheck();
        selection.registry = registry(HalResult.ok(unserved), List.of());
        failed.registry = selection.registry;
        assertEquals(Result.Status.CRITICAL, selection.execute().getStatus());
        assertEquals(Result.Status.WARN, failed.execute().getStatus());

        selection.registry = registry(HalResult.err(HalError.timeout("not settled within 1000 ms")), unserved);
        Result busy = selection.execute();
        assertEquals(Result.Status.CRITICAL, busy.getStatus(), "judged on the interfaces as they are");
        assertTrue(messages(busy, Result.Status.TEMPORARILY_UNAVAILABLE).get(0).contains("not settled"));
    }

    private static Result selection(List<InterfaceStatus> interfaces) {
        FormattingResultLog log = new FormattingResultLog();
        SelectionCheck.assess(interfaces, log);
        return new Result(log);
    }

    private static Result failedDrivers(List<InterfaceStatus> interfaces) {
        FormattingResultLog log = new FormattingResultLog();
        FailedDriverCheck.assess(interfaces, log);
        return new Result(log);
    }

    static HalRegistry registry(HalResult<List<InterfaceStatus>> settled, List<InterfaceStatus> now) {
        return Logs.service(HalRegistry.class, Map.of(
                "awaitSelections", args -> settled,
                "interfaces", args -> now));
    }
}
