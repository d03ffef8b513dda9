package flight.hal.console.internal;

import java.security.SecureRandom;

/** {@link ConsolePassword} for the test that checks it against the Web Console's own class, in its package. */
public final class HashForTests {
    private HashForTests() {
    }

    public static String hash(String password) {
        return ConsolePassword.hash(password, new SecureRandom());
    }

    public static boolean matches(String stored, String candidate) {
        return ConsolePassword.matches(stored, candidate);
    }
}
