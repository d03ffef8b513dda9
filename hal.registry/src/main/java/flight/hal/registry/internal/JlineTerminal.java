package flight.hal.registry.internal;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * What {@code hal:watch} needs of Gogo's JLine terminal (session variable {@value #SESSION_VARIABLE}): whether it
 * understands ANSI escapes, and raw mode, so that one key rather than a line reaches the keyboard stream. JLine is
 * imported optionally: without it, or in a session without a JLine terminal, there is no ANSI and no raw mode.
 */
final class JlineTerminal {
    static final String SESSION_VARIABLE = ".terminal";

    private JlineTerminal() {
    }

    /** Whether {@code terminal} is a JLine terminal that is not dumb. */
    static boolean isAnsi(Object terminal) {
        try {
            return terminal instanceof Terminal jline && !jline.getType().startsWith(Terminal.TYPE_DUMB);
        } catch (NoClassDefFoundError noJline) {
            return false;
        }
    }

    /** Puts a JLine {@code terminal} in raw mode; closing gives it back its attributes. Anything else: nothing. */
    static AutoCloseable rawMode(Object terminal) {
        try {
            if (terminal instanceof Terminal jline) {
                Attributes before = jline.enterRawMode();
                return () -> jline.setAttributes(before);
            }
        } catch (NoClassDefFoundError noJline) {
            // no JLine in the framework: a line, not a key, stops the watch
        }
        return () -> { };
    }
}
