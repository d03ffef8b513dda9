package flight.hal.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the console's HTTP Basic logins against {@link ConsoleLogin}: the configured or generated credentials, never
 * the Web Console's built-in admin/admin. The runtime names it in {@code felix.webconsole.security.providers}, so the
 * Web Console does not serve at all until this provider is registered, and never falls back to its own check.
 */
@Component(configurationPid = ConsoleLogin.PID, property = SecurityProvider.PROPERTY_ID + "="
        + ConsoleSecurityProvider.ID)
public final class ConsoleSecurityProvider implements SecurityProvider {
    /** The provider's id, as {@code felix.webconsole.security.providers} names it. */
    static final String ID = "flight.hal.console";
    static final String DEFAULT_REALM = "OSGi Management Console";

    private volatile Optional<ConsoleLogin> login = Optional.empty();
    private volatile String realm = DEFAULT_REALM;

    @Activate
    @Modified
    void configure(BundleContext context, Map<String, Object> configuration) {
        login = ConsoleLogin.of(configuration, context::getProperty);
        Object configuredRealm = configuration.get("realm");
        String frameworkRealm = context.getProperty("felix.webconsole.realm");
        realm = configuredRealm != null ? configuredRealm.toString()
                : frameworkRealm != null ? frameworkRealm : DEFAULT_REALM;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> user = basicUser(request.getHeader("Authorization"));
        if (user.isPresent()) {
            return user.get();
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm.replace("\"", "'") + "\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentLength(0);
        return null;
    }

    /** The user an {@code Authorization: Basic ...} header logs in, when its credentials are the console's. */
    Optional<String> basicUser(String authorization) {
        Optional<ConsoleLogin> current = login;
        if (current.isEmpty() || authorization == null) {
            return Optional.empty();
        }
        String[] scheme = authorization.trim().split("\\s+", 2);
        if (scheme.length != 2 || !scheme[0].equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(scheme[1].trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        return current.get().accepts(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }

    /** Every logged-in user may use every page: the console has one user. */
    @Override
    public boolean authorize(Object user, String role) {
        return true;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Basic authentication has no session to end; the browser forgets the credentials when it closes
    }
}
