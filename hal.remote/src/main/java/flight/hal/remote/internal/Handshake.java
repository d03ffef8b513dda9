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
 * The shared-secret check when a connection opens, both ways: the node sends a random nonce; the caller answers with
 * the HMAC-SHA256 of it under the fleet's secret and a nonce of its own; the node, once the answer is right, accepts
 * (one byte) with the HMAC of the caller's nonce, else closes the connection; the caller closes it unless the node's
 * answer is right. Each side's HMAC covers its role, so neither answer can be played back as the other. The secret
 * never crosses the wire; the calls that follow are not encrypted.
 */
final class Handshake {
    private static final int NONCE = 32;
    private static final int ACCEPTED = 1;
    private static final byte CALLER = 'C';
    private static final byte NODE = 'N';
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** The node's side: true when the caller proved it holds {@code secret}; then the node proves it too. */
    static boolean accept(DataInputStream in, DataOutputStream out, String secret) throws IOException {
        byte[] nonce = nonce();
        out.write(nonce);
        out.flush();
        byte[] answer = new byte[NONCE];
        in.readFully(answer);
        byte[] callerNonce = new byte[NONCE];
        in.readFully(callerNonce);
        boolean accepted = MessageDigest.isEqual(answer, mac(secret, CALLER, nonce));
        if (accepted) {
            out.write(ACCEPTED);
            out.write(mac(secret, NODE, callerNonce));
            out.flush();
        }
        return accepted;
    }

    /** The caller's side: proves it holds {@code secret}; an IOException when the node refuses or does not prove it. */
    static void prove(DataInputStream in, DataOutputStream out, String secret) throws IOException {
        byte[] nonce = new byte[NONCE];
        in.readFully(nonce);
        byte[] callerNonce = nonce();
        out.write(mac(secret, CALLER, nonce));
        out.write(callerNonce);
        out.flush();
        if (in.read() != ACCEPTED) {
            throw new IOException("the node refused the fleet secret");
        }
        byte[] answer = new byte[NONCE];
        in.readFully(answer);
        if (!MessageDigest.isEqual(answer, mac(secret, NODE, callerNonce))) {
            throw new IOException("the node did not prove it holds the fleet secret");
        }
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] mac(String secret, byte role, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(role);
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
