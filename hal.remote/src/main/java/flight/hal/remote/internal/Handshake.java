package flight.hal.remote.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared-secret check when a connection opens: the node sends a random nonce, the caller answers with the
 * HMAC-SHA256 of it under the fleet's secret, the node accepts (one byte) or closes the connection. The secret never
 * crosses the wire; the calls that follow are not encrypted.
 */
final class Handshake {
    private static final int NONCE = 32;
    private static final int ACCEPTED = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** The node's side: true when the caller proved it holds {@code secret}. */
    static boolean accept(DataInputStream in, DataOutputStream out, String secret) throws IOException {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        out.write(nonce);
        out.flush();
        byte[] answer = new byte[NONCE];
        in.readFully(answer);
        boolean accepted = MessageDigest.isEqual(answer, mac(secret, nonce));
        if (accepted) {
            out.write(ACCEPTED);
            out.flush();
        }
        return accepted;
    }

    /** The caller's side: proves it holds {@code secret}; an IOException when the node refuses. */
    static void prove(DataInputStream in, DataOutputStream out, String secret) throws IOException {
        byte[] nonce = new byte[NONCE];
        in.readFully(nonce);
        out.write(mac(secret, nonce));
        out.flush();
        if (in.read() != ACCEPTED) {
            throw new IOException("the node refused the fleet secret");
        }
    }

    private static byte[] mac(String secret, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
