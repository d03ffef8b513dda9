package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.LiveObjects;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;
import flight.hal.compliance.CheckCategory;
import flight.hal.compliance.CheckResult;
import flight.hal.compliance.ComplianceReport;
import flight.hal.compliance.Verdict;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

class DriversPageTest {
    static final String HOSTILE = "<script>alert('x')</script>\"&";
    static final String MEMORY = "flight.hal.memory.MemoryDriver";
    static final PlatformInfo PLATFORM = new PlatformInfo("Linux", "amd64", "6.1", 1L << 30, 8, 1 << 20, 2, 4096);

    static DriverDescription candidate(String name, int ranking, DriverState state, HalError failure) {
        return new DriverDescription(MEMORY, name, "1.0.0", "flight.hal.driver.host", 4, 17, ranking, state, failure,
                EnumSet.of(HalCapability.BASIC_MEMORY), PerformanceTier.HIGH, PLATFORM, LiveObjects.NONE);
    }

    @Test
    void everyCandidateIsARowWithItsStateInSelectionOrder() {
        InterfaceStatus memory = new InterfaceStatus(MEMORY, "test.memory", null, "", Set.of(), List.of(
                candidate("test.memory", 100, DriverState.SELECTED, null),
                candidate("host.memory", 10, DriverState.STANDBY, null),
                candidate("broken.memory", 5, DriverState.FAILED, HalError.initializationFailed("no memory today")),
                new DriverDescription(MEMORY, "old.memory", "1.0.0", "b", 9, 18, 1, DriverState.RETIRING, null,
                        Set.of(), null, null, new LiveObjects(2, 8192))), List.of());

        String html = DriversPage.render(List.of(memory), List.of());

        int selected = html.indexOf("<tr class=\"candidate\" data-interface=\"" + MEMORY
                + "\" data-driver=\"test.memory\" data-state=\"SELECTED\"><td>test.memory</td>");
        int standby = html.indexOf("data-driver=\"host.memory\" data-state=\"STANDBY\"");
        int failed = html.indexOf("data-driver=\"broken.memory\" data-state=\"FAILED\"");
        int retiring = html.indexOf("data-driver=\"old.memory\" data-state=\"RETIRING\"");
        assertTrue(selected >= 0 && selected < standby && standby < failed && failed < retiring, html);
        assertTrue(html.contains("INITIALIZATION_FAILED: no memory today"), "the failure's reason");
        assertTrue(html.contains("2 object(s), 8192 bytes"), "what the retiring driver holds");
        assertTrue(html.contains("BASIC_MEMORY"), "capabilities");
        assertTrue(html.contains("Linux 6.1 (amd64), 2 core(s), 1.0 GiB (1,073,741,824 B), tier HIGH"), html);
        assertTrue(html.contains("<td class=\"num\">100</td>"), "ranking");
        assertTrue(html.contains("name=\"action\" value=\"pin\"") && html.contains("value=\"comply\""), html);
        assertFalse(html.contains("value=\"unpin\""), "no unpin without a pin");
    }

    @Test
    void hostileNamesAreEscapedEverywhere() {
        InterfaceStatus status = new InterfaceStatus(MEMORY, HOSTILE, HOSTILE, HOSTILE, Set.of(), List.of(
                candidate(HOSTILE, 1, DriverState.SELECTED, HalError.internal(HOSTILE))), List.of());
        ComplianceRuns.Run run = new ComplianceRuns.Run(HOSTILE, 1, ComplianceRuns.State.DONE, List.of(
                new ComplianceReport(HOSTILE, MEMORY, HOSTILE, "host", List.of(new CheckResult(HOSTILE,
                        CheckCategory.CONTRACT, Verdict.PASS, HOSTILE, null)))), "");

        String html = DriversPage.render(List.of(status), List.of(run));

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("'x'"), html);
        assertTrue(html.contains("data-driver=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\""), html);
    }

    @Test
    void pinUnpinAndComplianceErrorsAreMessages() {
        HalRegistry registry = Stubs.stub(HalRegistry.class, (method, args) -> switch (method) {
            case "pin" -> HalResult.err(HalError.invalidParameter("driver name is blank"));
            case "unpin" -> HalResult.ok();
            default -> throw new AssertionError(method);
        });
        DriversPlugin plugin = new DriversPlugin();
        plugin.registry = registry;

        assertEquals("refused: INVALID_PARAMETER: driver name is blank", plugin.act(Map.of("action",
                new String[] {"pin"}, "interface", new String[] {"MemoryDriver"})));
        assertEquals("MemoryDriver unpinned: selection by ranking", plugin.act(Map.of("action",
                new String[] {"unpin"}, "interface", new String[] {" MemoryDriver "})));
        assertEquals("the compliance kit is not running (bundle flight.hal.compliance)", plugin.act(Map.of(
                "action", new String[] {"comply"}, "driver", new String[] {"host.memory"})));
        assertEquals("unknown action '<b>'", plugin.act(Map.of("action", new String[] {"<b>"})));
        plugin.deactivate();
    }

    @Test
    void thePageFramesTheFragmentWithTheRefreshingScriptAndEscapesTheMessage() {
        String page = HalPage.page(HOSTILE, "/system/console/hal-drivers", "<p>live</p>");

        assertTrue(page.contains("<div id=\"hal-live\" data-fragment=\"/system/console/hal-drivers?fragment=1\">"
                + "<p>live</p></div>"), page);
        assertTrue(page.contains("setTimeout(refresh, 1000)"), page);
        assertTrue(page.contains("var url = location.protocol + '//' + location.host + box.getAttribute("),
                "never a URL with the page's credentials in it, which fetch refuses");
        assertFalse(page.contains("window."), "the script sets nothing on window");
        assertTrue(page.contains("<p class=\"hal-message\">&lt;script&gt;"), page);
    }
}
