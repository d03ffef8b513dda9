package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ConsolePasswordTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aHashIsSaltedIteratedSha256InTheConsolesForm() {
        String hash = ConsolePassword.hash("s3cret", random);
        assertTrue(hash.matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}="), hash);
        assertNotEquals(hash, ConsolePassword.hash("s3cret", random), "a new salt each time");
        assertTrue(ConsolePassword.matches(hash, "s3cret"));
        assertFalse(ConsolePassword.matches(hash, "s3cret "));
        assertFalse(ConsolePassword.matches(hash, "admin"));
    }

    @Test
    void theConsolesBuiltInDefaultIsRecognisedAsAdmin() {
        // Web Console 5.0.18's default password (OsgiManager.DEFAULT_PASSWORD): an unsalted SHA-256 of "admin"
        String consoleDefault = "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=";
        assertTrue(ConsolePassword.matches(consoleDefault, "admin"));
        assertFalse(ConsolePassword.matches(consoleDefault, "Admin"));
    }

    @Test
    void plainAndMalformedStoredPasswords() {
        assertTrue(ConsolePassword.matches("plain", "plain"));
        assertFalse(ConsolePassword.matches("plain", "plain2"));
        assertFalse(ConsolePassword.matches("{no-such-hash}abc", "abc"), "an unknown algorithm matches nothing");
        assertFalse(ConsolePassword.matches("{sha-256}", ""));
        assertTrue(ConsolePassword.matches("{x", "{x"), "no closing brace: plain text");
    }

    @Test
    void generatedPasswordsAreLettersAndDigitsOfTheLengthAsked() {
        String password = ConsolePassword.generate(random, 24);
        assertEquals(24, password.length());
        assertTrue(password.matches("[A-Za-z0-9]{24}"), password);
        assertNotEquals(password, ConsolePassword.generate(random, 24));
    }
}
