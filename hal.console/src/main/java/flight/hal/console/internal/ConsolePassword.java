package flight.hal.console.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Console passwords in the form Felix Web Console 5 stores and accepts in its configuration (PID
 * {@code org.apache.felix.webconsole.internal.servlet.OsgiManager}, key {@code password}):
 * {@code {sha-256}<salt, 16 hex digits>-1000-<base64 of SHA-256 applied 1000 times to salt + password>}, or an older
 * form without iterations ({@code {alg}<salt>-<hash>}) or salt ({@code {alg}<hash>}), or plain text.
 */
final class ConsolePassword {
    static final String ALGORITHM = "sha-256";
    static final int ITERATIONS = 1000;
    static final int SALT_BYTES = 8;
    private static final char DELIMITER = '-';
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ConsolePassword() {
    }

    /** A new password of {@code length} letters and digits. */
    static String generate(SecureRandom random, int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** {@code password} hashed with a new salt, as the console stores it. */
    static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(ALGORITHM, ITERATIONS, HexFormat.of().formatHex(salt), password);
    }

    /** Whether {@code candidate} is the password {@code stored} (hashed in any of the console's forms, or plain). */
    static boolean matches(String stored, String candidate) {
        int endOfAlgorithm = stored.startsWith("{") ? stored.indexOf('}') : -1;
        String expected;
        if (endOfAlgorithm > 0) {
            String algorithm = stored.substring(1, endOfAlgorithm);
            String encoded = stored.substring(endOfAlgorithm + 1);
            int saltEnd = encoded.indexOf(DELIMITER);
            String salt = saltEnd < 0 ? null : encoded.substring(0, saltEnd);
            int iterations = salt == null ? 1 : iterations(encoded, saltEnd + 1);
            try {
                expected = hash(algorithm, iterations, salt, candidate);
            } catch (IllegalArgumentException unknownAlgorithm) {
                return false;
            }
        } else {
            expected = candidate;
        }
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static int iterations(String encoded, int start) {
        int end = encoded.indexOf(DELIMITER, start);
        if (end < 0) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(encoded.substring(start, end)));
        } catch (NumberFormatException notCounted) {
            return 1;
        }
    }

    private static String hash(String algorithm, int iterations, String salt, String password) {
        StringBuilder text = new StringBuilder("{").append(algorithm.toLowerCase(Locale.ROOT)).append('}');
        if (salt != null && !salt.isEmpty()) {
            text.append(salt).append(DELIMITER);
            if (iterations > 1) {
                text.append(iterations).append(DELIMITER);
            }
        }
        byte[] bytes = ((salt == null ? "" : salt) + password).getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (int i = 0; i < iterations; i++) {
                digest.reset();
                bytes = digest.digest(bytes);
            }
        } catch (NoSuchAlgorithmException unknown) {
            throw new IllegalArgumentException("no hash algorithm " + algorithm, unknown);
        }
        return text.append(Base64.getEncoder().encodeToString(bytes)).toString();
    }
}
