package flight.hal.remote.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's remoting settings (configuration {@value RemoteServicesComponent#PID}), checked: a blank secret, a port
 * outside 0..65535 or a call timeout below 1 ms make {@link #problems()} non-empty and nothing is exported or
 * imported.
 */
record RemoteSettings(String bindHost, int port, String secret, int callTimeoutMillis) {

    /** What is wrong with these settings, one sentence each; empty when they can be used. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (secret == null || secret.isBlank()) {
            problems.add("no secret: set 'secret' to the fleet's shared secret (there is no default)");
        }
        if (bindHost == null || bindHost.isBlank()) {
            problems.add("no bindHost");
        }
        if (port < 0 || port > 65535) {
            problems.add("port " + port + " is outside 0..65535");
        }
        if (callTimeoutMillis < 1) {
            problems.add("callTimeoutMillis " + callTimeoutMillis + " is below 1");
        }
        return problems;
    }
}
