package flight.hal.browser;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The exported runtime ({@code target/run.jar}) as a child JVM working in a folder of its own: HTTP on a free port of
 * 127.0.0.1, other settings given as system properties, its output in a log file. {@link #close()} ends the
 * process, forcibly when it does not stop.
 */
final class RuntimeUnderTest implements AutoCloseable {
    private static final Duration HTTP_POLL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path folder;
    private final Path log;
    private final int port;
    private final Process process;

    private RuntimeUnderTest(Path folder, Path log, int port, Process process) {
        this.folder = folder;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code runJar} working in {@code folder} (created) with these system properties ({@code name=value})
     * beside the HTTP port, its output going to {@code log}.
     */
    static RuntimeUnderTest start(Path runJar, Path folder, Path log, List<String> properties) throws IOException {
        Files.createDirectories(folder.resolve("etc"));
        Files.createDirectories(folder.resolve("deploy"));
        // a non-interactive Gogo shell needs a profile (the bundled one wants a terminal)
        Files.writeString(folder.resolve("etc/gosh_profile"), "");
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dorg.osgi.service.http.port=" + port,
                "-Dgosh.args=--nointeractive"));
        properties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-jar", runJar.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new RuntimeUnderTest(folder, log, port, process);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The runtime's URL for {@code path} (starting with '/'). */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Copies {@code file} into the running runtime's {@code deploy/} folder, where FileInstall picks it up. */
    void deploy(Path file) throws IOException {
        // copied under a temporary name, then renamed: FileInstall never sees half a jar
        Path deploy = folder.resolve("deploy");
        Path partial = Files.copy(file, folder.resolve(file.getFileName() + ".part"));
        Files.move(partial, deploy.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Waits until the HTTP port answers a request (any status), at most {@code timeout}; fails at once when the
     * runtime ended. A refused connection, or a request that gets no answer in time while the runtime starts, is
     * tried again.
     */
    void awaitHttp(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(uri("/system/console")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the runtime exited with " + process.exitValue() + "; see " + log);
            }
            try {
                client.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException | HttpTimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no HTTP answer on port " + port + " within " + timeout
                            + "; see " + log, notYet);
                }
                Thread.sleep(HTTP_POLL.toMillis()); // the poll interval of another process's port
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
