package flight.hal.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** hal:watch redraws its views until a key is pressed or the input ends, through the session it runs in. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)   // a watch that never stops fails rather than hangs the build
class WatchTest {
    private static final Duration FAST = Duration.ofMillis(10);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AtomicInteger executed = new AtomicInteger();

    /**
     * A session whose keyboard is {@code keyboard} and whose commands return their name and a count; {@code onExecute}
     * runs after each.
     */
    private CommandSession session(InputStream keyboard, Runnable onExecute) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return (CommandSession) Proxy.newProxyInstance(CommandSession.class.getClassLoader(),
                new Class<?>[] {CommandSession.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getKeyboard" -> keyboard;
                    case "getConsole" -> out;
                    case "get" -> null;
                    case "execute" -> {
                        if (arguments[0].toString().equals("hal:pools")) {
                            throw new IllegalArgumentException("Command not found: hal:pools");
                        }
                        String result = arguments[0] + " #" + executed.incrementAndGet();
                        onExecute.run();
                        yield result;
                    }
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redrawsUntilAKeyIsPressedAndLeavesTheRestOfTheInput() throws Exception {
        PipedInputStream keyboard = new PipedInputStream();
        PipedOutputStream typing = new PipedOutputStream(keyboard);
        // the key is typed during the second draw's view: the watch has drawn twice when it sees it
        Runnable typeOnSecondDraw = () -> {
            if (executed.get() == 2) {
                try {
                    typing.write("qx".getBytes(StandardCharsets.US_ASCII));
                    typing.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Watch watch = new Watch(session(keyboard, typeOnSecondDraw), WatchCommand.DRIVERS, FAST, true);

        int draws = watch.run();

        assertTrue(draws >= 2, output());
        assertEquals(draws, output().split(Pattern.quote(Watch.CLEAR), -1).length - 1, "each draw clears the screen first");
        assertTrue(output().contains("g! hal:drivers" + System.lineSeparator() + "hal:drivers #1"), output());
        assertTrue(output().contains("hal:drivers #2"), output());
        assertTrue(output().contains("press a key to stop"), output());
        assertEquals('x', keyboard.read(), "only the key that stopped the watch was read");
    }

    @Test
    void endsWhenTheInputEndsAndSaysWhatAViewCouldNotShow() throws Exception {
        Watch watch = new Watch(session(new ByteArrayInputStream(new byte[0]), () -> { }), WatchCommand.RESOURCES,
                FAST, false);

        int draws = watch.run();

        assertTrue(draws >= 1);
        assertTrue(output().contains("g! hal:resources" + System.lineSeparator() + "hal:resources #1"), output());
        assertTrue(output().contains("hal:pools failed: Command not found: hal:pools"), output());
        assertTrue(!output().contains(Watch.CLEAR), "no ANSI for a terminal without it: " + output());
    }

    @Test
    void theOptionsChooseTheViewsAndATooShortIntervalIsRefused() throws Exception {
        assertEquals(List.of("hal:drivers", "hal:resources", "hal:pools"), WatchCommand.views(false, false));
        assertEquals(List.of("hal:drivers", "hal:resources", "hal:pools"), WatchCommand.views(true, true));
        assertEquals(WatchCommand.DRIVERS, WatchCommand.views(true, false));
        assertEquals(WatchCommand.RESOURCES, WatchCommand.views(false, true));
        String refused = new WatchCommand().watch(session(new ByteArrayInputStream(new byte[0]), () -> { }), 5,
                false, false);
        assertTrue(refused.startsWith("error: the interval is 5 ms"), refused);
        assertEquals(0, executed.get(), "nothing drawn");
    }

    @Test
    void aSessionWithoutAJlineTerminalHasNeitherAnsiNorRawMode() throws Exception {
        assertTrue(!JlineTerminal.isAnsi(null));
        assertTrue(!JlineTerminal.isAnsi(Map.of()));
        assertTrue(WatchCommand.isAnsi(true, "xterm-256color"));
        assertTrue(!WatchCommand.isAnsi(true, "dumb"));
        assertTrue(!WatchCommand.isAnsi(true, null));
        assertTrue(!WatchCommand.isAnsi(false, "xterm"), "output to a file or a pipe is not cleared");
        String stopped = new WatchCommand().watch(session(new ByteArrayInputStream(new byte[0]), () -> { }), 100,
                true, false);
        assertTrue(stopped.startsWith("hal:watch stopped after "), stopped);
        assertTrue(output().contains("hal:drivers #1"), output());
    }
}
