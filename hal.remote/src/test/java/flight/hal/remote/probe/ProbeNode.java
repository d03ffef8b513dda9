package flight.hal.remote.probe;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node side of the provider probe, run in its own JVM by {@link ProviderProbe}: a framework that exports a
 * {@link FileBlocks} device over one provider on 127.0.0.1, prints the endpoint's properties the importer needs
 * ({@code ENDPOINT key=value}) and {@code READY}, and stops when its standard input closes.
 */
public final class ProbeNode {
    static final long DEVICE_SIZE = 64L << 20;

    private ProbeNode() {
    }

    /**
     * Arguments: the provider ({@code hal}, {@code tcp}, {@code fastbin}, or the yardstick {@link SocketBlocks} as
     * {@code socket-serialized} or {@code socket-raw}), the port, and the fleet secret (used by {@code hal} only).
     */
    public static void main(String[] args) throws Exception {
        String provider = args[0];
        int port = Integer.parseInt(args[1]);
        String secret = args[2];
        Path work = Files.createTempDirectory("probe-node");
        if (provider.startsWith("socket-")) {
            try (FileBlocks device = new FileBlocks(work.resolve("device.img"), DEVICE_SIZE);
                    ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                System.out.println("READY");
                System.out.flush();
                SocketBlocks.serve(server, device, encoding(provider));
            }
            return;
        }
        ProbeFramework framework = new ProbeFramework(provider, work.resolve("felix"), f -> {
            if (provider.equals("hal")) {
                f.configure("flight.hal.remote", ProbeFramework.halSettings(port, secret));
            }
            if (provider.equals("fastbin")) {
                Dictionary<String, Object> config = new Hashtable<>();
                config.put("uri", "tcp://127.0.0.1:" + port);
                config.put("exportedAddress", "127.0.0.1");
                f.configure("org.apache.aries.rsa.provider.fastbin", config);
            }
        });
        try (FileBlocks device = new FileBlocks(work.resolve("device.img"), DEVICE_SIZE)) {
            framework.context().registerService(BlockProbe.class, device, exportProperties(provider, port));
            announceAndServe(framework);
        } finally {
            framework.close();
        }
    }

    /**
     * Prints the properties of the framework's one export ({@code ENDPOINT key=value}, string values) and
     * {@code READY}, then serves until standard input closes.
     */
    static void announceAndServe(ProbeFramework framework) throws Exception {
        for (Map.Entry<String, Object> property : awaitExport(framework).entrySet()) {
            if (property.getValue() instanceof String) {
                System.out.println("ENDPOINT " + property.getKey() + "=" + property.getValue());
            }
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the probe closes our standard input
        }
    }

    /** Starts a node JVM with this module's test class path; end it with {@link #stop} or destroyForcibly. */
    static Process launch(String provider, int port, String secret) throws IOException {
        return launch(ProbeNode.class, provider, String.valueOf(port), secret);
    }

    /** Runs {@code main} in a JVM of its own with this module's test class path. */
    static Process launch(Class<?> main, String... args) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The endpoint properties a node printed once it was ready. */
    static Map<String, String> awaitReady(Process node) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> endpoint = new HashMap<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("READY")) {
                return endpoint;
            }
            if (line.startsWith("ENDPOINT ")) {
                int equals = line.indexOf('=');
                endpoint.put(line.substring("ENDPOINT ".length(), equals), line.substring(equals + 1));
            }
        }
        throw new IllegalStateException("the node ended before it was ready");
    }

    /** Closes the node's standard input, which stops it; kills it when it has not ended 15 s later. */
    static void stop(Process node) throws IOException, InterruptedException {
        node.getOutputStream().close();
        if (!node.waitFor(15, TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The encoding of a {@code socket-serialized} or {@code socket-raw} yardstick. */
    static SocketBlocks.Encoding encoding(String provider) {
        return SocketBlocks.Encoding.valueOf(provider.substring("socket-".length()).toUpperCase(java.util.Locale.ROOT));
    }

    /** The config type of {@code provider}: the HAL's own ({@code hal}) or Aries RSA's. */
    static String configType(String provider) {
        return provider.equals("hal") ? "flight.hal" : "aries." + provider;
    }

    private static Dictionary<String, Object> exportProperties(String provider, int port) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.exported.interfaces", "*");
        properties.put("service.exported.configs", configType(provider));
        properties.put("aries.rsa.port", String.valueOf(port));
        properties.put("aries.rsa.hostname", "127.0.0.1");
        return properties;
    }

    /**
     * The exported endpoint's properties. The topology manager exports on its own thread and RSA's listener types
     * live inside the framework, so this polls Remote Service Admin (bounded) rather than listening.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitExport(ProbeFramework framework) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String rsa = "org.osgi.service.remoteserviceadmin.RemoteServiceAdmin";
        while (System.nanoTime() < deadline) {
            Collection<Object> exports = framework.hasService(rsa) ? (Collection<Object>) framework.callService(
                    rsa, "getExportedServices", new Class<?>[0]) : List.of();
            for (Object export : exports) {
                Object endpoint = invoke(export, "getExportedEndpoint");
                if (endpoint != null) {
                    return (Map<String, Object>) invoke(endpoint, "getProperties");
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service was not exported within 30 s");
    }

    private static Object invoke(Object target, String method) throws Exception {
        java.lang.reflect.Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
