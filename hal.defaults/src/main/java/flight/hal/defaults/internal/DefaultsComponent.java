package flight.hal.defaults.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Applies the runtime's default configurations ({@value #FOLDER}/*.config in this bundle) once per framework
 * storage, when Config Admin is there. Placeholders in them ({@code ${flight.hal.data:-data}}) are framework or
 * system properties.
 */
@Component(immediate = true)
public class DefaultsComponent {
    static final String FOLDER = "defaults";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultsComponent.class);

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) {
        DefaultsReader reader = new DefaultsReader(new Placeholders(context::getProperty));
        List<DefaultConfiguration> defaults = new ArrayList<>();
        for (URL entry : entries(context)) {
            String fileName = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            HalResult<DefaultConfiguration> read = read(reader, fileName, entry);
            if (read.isOk()) {
                defaults.add(read.orElseThrow());
            } else {
                LOG.error("default configuration {} left out: {}", fileName, read.errorOrNull());
            }
        }
        FirstStartDefaults.Outcome outcome = new FirstStartDefaults(new ConfigAdminStore(configurationAdmin))
                .apply(defaults);
        if (!outcome.created().isEmpty()) {
            LOG.info("first start: default configurations created: {}", outcome.created());
        }
        if (!outcome.adopted().isEmpty()) {
            LOG.info("default configurations that existed already, kept as they are: {}", outcome.adopted());
        }
        outcome.failures().forEach(failure -> LOG.error("default configurations: {}", failure));
    }

    private static List<URL> entries(BundleContext context) {
        Enumeration<URL> found = context.getBundle().findEntries(FOLDER, "*" + DefaultConfiguration.SUFFIX, false);
        List<URL> entries = found == null ? new ArrayList<>() : Collections.list(found);
        entries.sort(Comparator.comparing(URL::getPath));
        return entries;
    }

    private static HalResult<DefaultConfiguration> read(DefaultsReader reader, String fileName, URL entry) {
        try (InputStream in = entry.openStream()) {
            return reader.read(fileName, in);
        } catch (IOException e) {
            return HalResult.err(HalError.unsupportedFormat("default configuration " + fileName
                    + " could not be read from the bundle: " + e.getMessage()));
        }
    }
}
