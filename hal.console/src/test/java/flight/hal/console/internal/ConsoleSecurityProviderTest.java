package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ConsoleSecurityProviderTest {

    static BundleContext framework(Map<String, String> properties) {
        return Stubs.stub(BundleContext.class, (method, args) -> switch (method) {
            case "getProperty" -> properties.get((String) args[0]);
            default -> throw new AssertionError(method);
        });
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConfiguredHashedLoginIsAcceptedAndNothingElse() {
        ConsoleSecurityProvider provider = new ConsoleSecurityProvider();
        provider.configure(framework(Map.of()), Map.of("username", "ops", "password",
                ConsolePassword.hash("pw1", new SecureRandom())));

        assertEquals(Optional.of("ops"), provider.basicUser(basic("ops", "pw1")));
        assertEquals(Optional.of("ops"), provider.basicUser("  basic   " + basic("ops", "pw1").substring(6)));
        assertEquals(Optional.empty(), provider.basicUser(basic("admin", "admin")));
        assertEquals(Optional.empty(), provider.basicUser(basic("ops", "pw2")));
        assertEquals(Optional.empty(), provider.basicUser(basic("admin", "pw1")));
        assertEquals(Optional.empty(), provider.basicUser(null));
        assertEquals(Optional.empty(), provider.basicUser("Basic !!!not-base64"));
        assertEquals(Optional.empty(), provider.basicUser("Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Optional.empty(), provider.basicUser("Bearer " + basic("ops", "pw1").substring(6)));
    }

    @Test
    void withoutAnyLoginEveryoneIsRefusedEvenAdminAdmin() {
        ConsoleSecurityProvider provider = new ConsoleSecurityProvider();
        provider.configure(framework(Map.of()), Map.of());
        assertEquals(Optional.empty(), provider.basicUser(basic("admin", "admin")));
        assertEquals(Optional.empty(), provider.basicUser(basic("", "")));
    }

    @Test
    void frameworkPropertiesAreTheDefaultsAndTheConfigurationOverridesThem() {
        BundleContext framework = framework(Map.of("felix.webconsole.username", "ops",
                "felix.webconsole.password", "pw1"));
        ConsoleSecurityProvider provider = new ConsoleSecurityProvider();
        provider.configure(framework, Map.of());
        assertEquals(Optional.of("ops"), provider.basicUser(basic("ops", "pw1")));

        Map<String, Object> configuration = new HashMap<>();
        configuration.put("password", "pw2");
        provider.configure(framework, configuration);
        assertEquals(Optional.empty(), provider.basicUser(basic("ops", "pw1")));
        assertEquals(Optional.of("ops"), provider.basicUser(basic("ops", "pw2")));
    }

    @Test
    void aRefusalAsksForBasicCredentialsWith401() {
        ConsoleSecurityProvider provider = new ConsoleSecurityProvider();
        provider.configure(framework(Map.of()), Map.of("username", "ops", "password", "pw1", "realm", "HAL"));
        Map<String, Object> answered = new HashMap<>();
        HttpServletRequest request = Stubs.stub(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getHeader" -> "Authorization".equals(args[0]) ? basic("admin", "admin") : null;
            default -> throw new AssertionError(method);
        });
        HttpServletResponse response = Stubs.stub(HttpServletResponse.class, (method, args) -> {
            answered.put(method + (args.length > 1 ? ":" + args[0] : ""), args[args.length - 1]);
            return null;
        });

        assertNull(provider.authenticate(request, response));
        assertEquals(401, answered.get("setStatus"));
        assertEquals("Basic realm=\"HAL\"", answered.get("setHeader:WWW-Authenticate"));
    }
}
