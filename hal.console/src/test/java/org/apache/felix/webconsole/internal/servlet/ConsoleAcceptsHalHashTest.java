package org.apache.felix.webconsole.internal.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import flight.hal.console.internal.HashForTests;

/**
 * The Web Console's own password check (its package-private {@code Password}, from the 5.0.18 jar the runtime runs)
 * accepts what the HAL console stores, and the HAL console accepts what the Web Console stores.
 */
class ConsoleAcceptsHalHashTest {

    @Test
    void theWebConsoleAcceptsTheHalHash() {
        String stored = HashForTests.hash("gVKT2Ef7jKSWW5T8HT9TdOX2");
        assertTrue(new Password(stored).matches("gVKT2Ef7jKSWW5T8HT9TdOX2".getBytes(StandardCharsets.UTF_8)));
        assertFalse(new Password(stored).matches("admin".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHalConsoleAcceptsTheWebConsolesHash() {
        String stored = Password.hashPassword("s3cret");
        assertTrue(HashForTests.matches(stored, "s3cret"), stored);
        assertFalse(HashForTests.matches(stored, "admin"), stored);
    }
}
