package flight.hal.console.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console's user name and password (hashed or plain) in force, found as the Web Console finds them: each key
 * from its configuration (PID {@value #PID}) when set there, else from the framework (or system) property
 * {@code felix.webconsole.username} / {@code felix.webconsole.password}. Never the Web Console's built-in default.
 */
record ConsoleLogin(String username, String password) {
    static final String PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String USERNAME_KEY = "username";
    static final String PASSWORD_KEY = "password";
    static final String USERNAME_PROPERTY = "felix.webconsole.username";
    static final String PASSWORD_PROPERTY = "felix.webconsole.password";

    /** The login of {@code configuration} (may be empty) and the framework's properties; empty when there is none. */
    static Optional<ConsoleLogin> of(Map<String, ?> configuration, UnaryOperator<String> frameworkProperty) {
        String username = value(configuration.get(USERNAME_KEY)).orElse(frameworkProperty.apply(USERNAME_PROPERTY));
        String password = value(configuration.get(PASSWORD_KEY)).orElse(frameworkProperty.apply(PASSWORD_PROPERTY));
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleLogin(username, password));
    }

    /** Whether the operator set a password: in the configuration or as a framework property. */
    static boolean passwordSet(Map<String, ?> configuration, UnaryOperator<String> frameworkProperty) {
        return value(configuration.get(PASSWORD_KEY)).isPresent()
                || value(frameworkProperty.apply(PASSWORD_PROPERTY)).isPresent();
    }

    private static Optional<String> value(Object value) {
        return value == null || value.toString().isEmpty() ? Optional.empty() : Optional.of(value.toString());
    }

    boolean accepts(String user, String candidatePassword) {
        // the password is checked whatever the name, so that a wrong name takes as long as a wrong password
        boolean passwordMatches = ConsolePassword.matches(password, candidatePassword);
        return passwordMatches && username.equals(user);
    }

    @Override
    public String toString() {
        return "ConsoleLogin[" + username + "]";
    }
}
