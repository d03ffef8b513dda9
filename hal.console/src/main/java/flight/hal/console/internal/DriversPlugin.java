package flight.hal.console.internal;

import java.util.List;
import java.util.Map;

import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.HalResult;
import flight.hal.compliance.ComplianceKit;
import flight.hal.registry.HalRegistry;
import flight.hal.registry.InterfaceStatus;

import jakarta.servlet.Servlet;

/** The Drivers page: interfaces and candidates, pin and unpin, compliance runs with their reports. */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + DriversPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=Drivers",
        ServletConstants.PLUGIN_CATEGORY + "=" + DriversPlugin.CATEGORY})
public final class DriversPlugin extends HalPage {
    private static final long serialVersionUID = 1L;
    static final String LABEL = "hal-drivers";
    static final String CATEGORY = "Flight HAL";

    @Reference
    transient HalRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile ComplianceKit compliance;

    private final transient ComplianceRuns runs = new ComplianceRuns();

    public DriversPlugin() {
        super(LABEL);
    }

    @Deactivate
    void deactivate() {
        runs.close();
    }

    @Override
    String fragment() {
        List<InterfaceStatus> interfaces = registry.interfaces();
        return DriversPage.render(interfaces, runs.runs());
    }

    @Override
    String act(Map<String, String[]> form) {
        String interfaceName = field(form, "interface");
        String driver = field(form, "driver");
        return switch (field(form, "action")) {
            case "pin" -> outcome(registry.pin(interfaceName, driver), interfaceName + " pinned to " + driver);
            case "unpin" -> outcome(registry.unpin(interfaceName), interfaceName + " unpinned: selection by ranking");
            case "comply" -> runs.start(driver, compliance);
            default -> "unknown action '" + field(form, "action") + "'";
        };
    }

    private static String outcome(HalResult<Void> result, String done) {
        return result.isOk() ? done : "refused: " + result.errorOrNull();
    }
}
