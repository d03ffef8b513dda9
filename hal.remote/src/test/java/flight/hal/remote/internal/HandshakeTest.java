package flight.hal.remote.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    /** Runs the node's side on another thread against the caller's side here, over pipes. */
    private static boolean handshake(String nodeSecret, String callerSecret) throws Exception {
        PipedOutputStream toNode = new PipedOutputStream();
        PipedOutputStream toCaller = new PipedOutputStream();
        DataInputStream nodeIn = new DataInputStream(new PipedInputStream(toNode, 1024));
        DataInputStream callerIn = new DataInputStream(new PipedInputStream(toCaller, 1024));
        DataOutputStream nodeOut = new DataOutputStream(toCaller);
        CompletableFuture<Boolean> node = CompletableFuture.supplyAsync(() -> {
            try {
                boolean accepted = Handshake.accept(nodeIn, nodeOut, nodeSecret);
                nodeOut.close(); // as the node closes a refused connection
                return accepted;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Handshake.prove(callerIn, new DataOutputStream(toNode), callerSecret);
        } catch (IOException refused) {
            assertFalse(node.get(10, TimeUnit.SECONDS));
            return false;
        }
        assertTrue(node.get(10, TimeUnit.SECONDS));
        return true;
    }

    @Test
    void bothSidesWithTheSecretConnect() throws Exception {
        assertTrue(handshake("fleet", "fleet"));
    }

    @Test
    void aCallerWithAnotherSecretIsRefused() throws Exception {
        assertFalse(handshake("fleet", "guess"));
    }

    @Test
    void aNodeThatAcceptsWithoutTheSecretIsNotTrusted() {
        byte[] rogue = new byte[32 + 1 + 32]; // any nonce, "accepted", and a proof it cannot compute
        rogue[32] = 1;
        IOException refused = assertThrows(IOException.class, () -> Handshake.prove(
                new DataInputStream(new ByteArrayInputStream(rogue)),
                new DataOutputStream(new ByteArrayOutputStream()), "fleet"));
        assertEquals("the node did not prove it holds the fleet secret", refused.getMessage());
    }
}
