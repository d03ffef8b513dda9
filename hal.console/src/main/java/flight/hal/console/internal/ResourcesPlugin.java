package flight.hal.console.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import flight.hal.resources.OwnerStats;
import flight.hal.resources.ResourceAdministration;
import flight.hal.resources.ResourceManager;
import flight.hal.resources.ResourceStats;
import flight.hal.resources.ResourceType;

import jakarta.servlet.Servlet;

/**
 * The Resources page: budgets, usage per bundle, pools and leaks, read through {@link ResourceAdministration}, which
 * the resource manager hands only to the bundles its configuration names: without it the page says how to grant it.
 */
@Component(service = Servlet.class, property = {
        ServletConstants.PLUGIN_LABEL + "=" + ResourcesPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=Resources",
        ServletConstants.PLUGIN_CATEGORY + "=" + DriversPlugin.CATEGORY})
public final class ResourcesPlugin extends HalPage {
    private static final long serialVersionUID = 1L;
    static final String LABEL = "hal-resources";
    static final String CONSOLE_BUNDLE = "flight.hal.console";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile ResourceAdministration administration;

    public ResourcesPlugin() {
        super(LABEL);
    }

    @Override
    String fragment() {
        ResourceAdministration admin = administration;
        if (admin == null) {
            return notGranted();
        }
        try {
            return ResourcesPage.render(snapshot(admin));
        } catch (IllegalStateException revoked) {
            // the grant changed while the page read; the next refresh reads the new one
            return "<p class=\"hal-error\">" + Html.escape(revoked.getMessage()) + "</p>";
        }
    }

    static ResourcesPage.Snapshot snapshot(ResourceAdministration admin) {
        List<ResourceStats> types = Arrays.stream(ResourceType.values()).map(admin::stats).toList();
        Map<ResourceType, List<OwnerStats>> owners = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            owners.put(type, admin.statsByOwner(type));
        }
        return new ResourcesPage.Snapshot(types, owners, admin.allPools(), admin.leaks());
    }

    static String notGranted() {
        return "<p class=\"hal-error\">The resource manager does not let this console read budgets: add "
                + CONSOLE_BUNDLE + " to <code>" + ResourceAdministration.ADMIN_BUNDLES_PROPERTY
                + "</code> of PID <code>" + ResourceManager.PID + "</code> (the runtime grants it by default).</p>";
    }
}
