package flight.hal.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandSession;

/**
 * The loop of {@code hal:watch}: runs the view commands and prints their output to the session's console every
 * interval, until a key is read from the session's keyboard or its input ends. The views are the shell's own commands
 * ({@code hal:drivers}, {@code hal:resources}, {@code hal:pools}), run through the session, so what is watched is
 * exactly what they print, from whichever bundle provides them.
 */
final class Watch {
    /** Cursor home, then erase the screen. */
    static final String CLEAR = "\033[H\033[2J";
    private static final String NL = System.lineSeparator();

    private final CommandSession session;
    private final List<String> views;
    private final Duration interval;
    private final boolean ansi;

    /** {@code ansi}: whether the terminal understands {@link #CLEAR}; else each redraw follows the last. */
    Watch(CommandSession session, List<String> views, Duration interval, boolean ansi) {
        this.session = session;
        this.views = List.copyOf(views);
        this.interval = interval;
        this.ansi = ansi;
    }

    /**
     * Draws until a key is pressed or the input ends, and returns how many times it drew. The keyboard is read on a
     * thread of its own, since a stream cannot be read with a timeout; when the watch ends by an interrupt instead,
     * that thread stays blocked in its read and takes the next key.
     *
     * @throws InterruptedException when the shell interrupts the command (Ctrl-C)
     */
    int run() throws InterruptedException {
        BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
        InputStream keyboard = session.getKeyboard();
        Thread reader = new Thread(() -> keys.add(readKey(keyboard)), "hal-watch-keyboard");
        reader.setDaemon(true);
        reader.start();
        int draws = 0;
        do {
            draw(++draws);
        } while (keys.poll(interval.toMillis(), TimeUnit.MILLISECONDS) == null);
        return draws;
    }

    /** The key read, or -1 when the input ended or failed. */
    private static int readKey(InputStream keyboard) {
        try {
            return keyboard == null ? -1 : keyboard.read();
        } catch (IOException e) {
            return -1;
        }
    }

    private void draw(int draw) {
        StringBuilder screen = new StringBuilder(ansi ? CLEAR : NL)
                .append("hal:watch, every ").append(interval.toMillis()).append(" ms (draw ").append(draw)
                .append(", ").append(Instant.now())
                .append("); press a key to stop (Enter on a line-buffered terminal)").append(NL);
        for (String view : views) {
            screen.append(NL).append("g! ").append(view).append(NL).append(output(view));
        }
        PrintStream console = session.getConsole();
        console.print(screen);
        console.flush();
    }

    /** What {@code command} returns, or why it failed (e.g. no bundle provides it). */
    private String output(String command) {
        try {
            Object result = session.execute(command);
            String text = result == null ? "" : String.valueOf(result);
            return text.endsWith(NL) ? text : text + NL;
        } catch (Exception e) {
            return command + " failed: " + e.getMessage() + NL;
        }
    }
}
