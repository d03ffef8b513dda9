package flight.hal.registry.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;

/** The Gogo command {@code hal:watch}: the drivers and resources views, redrawn until a key is pressed. */
@Component(service = WatchCommand.class, property = {
        "osgi.command.scope=hal",
        "osgi.command.function=watch"})
public final class WatchCommand {
    static final long MIN_INTERVAL_MILLIS = 100;
    static final List<String> DRIVERS = List.of("hal:drivers");
    static final List<String> RESOURCES = List.of("hal:resources", "hal:pools");

    @Descriptor("redraw the drivers view (hal:drivers) and the resources view (hal:resources, hal:pools) every"
            + " interval until a key is pressed or the input ends")
    public String watch(CommandSession session,
                        @Descriptor("milliseconds between redraws (default 1000, at least 100)")
                        @Parameter(names = {"-i", "--interval"}, absentValue = "1000") long intervalMillis,
                        @Descriptor("the drivers view only") @Parameter(names = {"-d", "--drivers"},
                                presentValue = "true", absentValue = "false") boolean driversOnly,
                        @Descriptor("the resources view only") @Parameter(names = {"-r", "--resources"},
                                presentValue = "true", absentValue = "false") boolean resourcesOnly)
            throws Exception {
        if (intervalMillis < MIN_INTERVAL_MILLIS) {
            return "error: the interval is " + intervalMillis + " ms; it must be at least " + MIN_INTERVAL_MILLIS
                    + " ms";
        }
        Object terminal = session.get(JlineTerminal.SESSION_VARIABLE);
        Watch watch = new Watch(session, views(driversOnly, resourcesOnly), Duration.ofMillis(intervalMillis),
                JlineTerminal.isAnsi(terminal) || isAnsi(System.console() != null, System.getenv("TERM")));
        try (AutoCloseable raw = JlineTerminal.rawMode(terminal)) {
            return "hal:watch stopped after " + watch.run() + " draw(s)";
        }
    }

    /**
     * Whether the process's own terminal understands ANSI: it has one ({@code console}) and {@code TERM} names a
     * terminal that is not dumb. It matters where JLine fell back to a dumb terminal although the process runs in a
     * real one (JLine finds no terminal provider in the framework): output still reaches that terminal.
     */
    static boolean isAnsi(boolean console, String term) {
        return console && term != null && !term.isBlank() && !term.startsWith("dumb");
    }

    /** The views the options ask for: both when neither or both are asked for alone. */
    static List<String> views(boolean driversOnly, boolean resourcesOnly) {
        if (driversOnly == resourcesOnly) {
            return List.of(DRIVERS.get(0), RESOURCES.get(0), RESOURCES.get(1));
        }
        return driversOnly ? DRIVERS : RESOURCES;
    }
}
