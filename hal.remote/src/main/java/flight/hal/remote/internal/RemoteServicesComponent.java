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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.remoteserviceadmin.RemoteConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the HAL's distribution provider to Aries RSA once the configuration {@value #PID} names a secret. Without
 * one (or with another problem) it registers nothing and logs why, so nothing is exported, imported or listened on.
 */
@Designate(ocd = RemoteServicesComponent.Config.class)
@Component(configurationPid = RemoteServicesComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class RemoteServicesComponent {
    static final String PID = "flight.hal.remote";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteServicesComponent.class);

    /** The fleet's remoting settings. */
    @ObjectClassDefinition(name = "Flight HAL remote services",
            description = "The fleet secret and where this node listens for remote calls")
    public @interface Config {
        @AttributeDefinition(description = "The fleet's shared secret; no default: without it nothing is exported")
        String secret();

        @AttributeDefinition(description = "The address the node listens on")
        String bindHost() default "127.0.0.1";

        @AttributeDefinition(description = "The port the node listens on")
        int port() default 8701;

        @AttributeDefinition(description = "How long a remote call may take before it fails, in milliseconds")
        int callTimeoutMillis() default 2000;
    }

    private HalDistributionProvider provider;
    private ServiceRegistration<DistributionProvider> registration;

    @Activate
    void activate(BundleContext context, Config config) {
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
