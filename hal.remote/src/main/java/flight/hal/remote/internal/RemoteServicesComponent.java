package flight.hal.remote.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.aries.rsa.spi.DistributionProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the HAL's distribution provider to Aries RSA once the configuration {@value #PID} names a secret. Without
 * one (or with another problem) it registers nothing and logs why, so nothing is exported, imported or listened on.
 */
@Designate(ocd = RemoteServicesMetatype.class)
@Component(configurationPid = RemoteServicesComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class RemoteServicesComponent {
    static final String PID = "flight.hal.remote";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteServicesComponent.class);

    private HalDistributionProvider provider;
    private ServiceRegistration<DistributionProvider> registration;

    @Activate
    void activate(BundleContext context, RemoteServicesMetatype config) {
        RemoteSettings settings = new RemoteSettings(config.bindHost(), config.port(), config.secret(),
                config.callTimeoutMillis());
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            LOG.error("Remote services stay off, configuration {}: {}", PID, String.join("; ", problems));
            return;
        }
        provider = new HalDistributionProvider(settings);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RemoteConstants.REMOTE_CONFIGS_SUPPORTED, provider.getSupportedTypes());
        properties.put(RemoteConstants.REMOTE_INTENTS_SUPPORTED, new String[] {"osgi.basic"});
        registration = context.registerService(DistributionProvider.class, provider, properties);
        LOG.info("Remote services on: exports listen on {}:{}", settings.bindHost(), settings.port());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }
}
