package flight.hal.remote.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the distribution providers for remote block I/O on this machine: for each of {@code tcp} and
 * {@code fastbin} (Aries RSA's) and {@code hal} (this module's), a node JVM ({@link ProbeNode}) exports a file device
 * on 127.0.0.1 and this JVM imports it through Aries RSA and config discovery; {@code socket-serialized} and
 * {@code socket-raw} are the yardstick without RSA ({@link SocketBlocks}). It times 4 KiB reads (latency
 * percentiles) and 1 MiB sequential writes and reads (throughput) beside the same device called in this JVM. Run it
 * after {@code mvn -DskipTests install} with {@code mvn -pl hal.remote exec:exec -Dexec.classpathScope=test
 * -Dexec.executable=java "-Dexec.args=-cp %classpath flight.hal.remote.probe.ProviderProbe 1000 64"} (the number of
 * 4 KiB reads, of 1 MiB transfers, and optionally a comma-separated list of providers). It is a measuring tool, not
 * a test: it asserts nothing and no build runs it.
 */
public final class ProviderProbe {
    private static final int SMALL = 4096;
    private static final int LARGE = 1 << 20;

    private ProviderProbe() {
    }

    public static void main(String[] args) throws Exception {
        int smallCalls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int largeCalls = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        StringBuilder table = new StringBuilder(String.format(
                "%-18s %12s %12s %12s %14s %14s%n", "provider", "4K p50 us", "4K p90 us", "4K p99 us",
                "1M write MB/s", "1M read MB/s"));
        Path work = Files.createTempDirectory("probe-local");
        try (FileBlocks local = new FileBlocks(work.resolve("device.img"), ProbeNode.DEVICE_SIZE)) {
            table.append(measure("local", local, smallCalls, largeCalls));
        }
        List<String> providers = args.length > 2 ? List.of(args[2].split(","))
                : List.of("tcp", "fastbin", "hal", "socket-serialized", "socket-raw");
        for (String provider : providers) {
            table.append(measureRemote(provider, smallCalls, largeCalls));
        }
        System.out.print(table);
    }

    private static String measureRemote(String provider, int smallCalls, int largeCalls) throws Exception {
        int port = ProbeNode.freePort();
        Process node = ProbeNode.launch(provider, port, ProbeFramework.PROBE_SECRET);
        try {
            Map<String, String> endpoint = ProbeNode.awaitReady(node);
            if (provider.startsWith("socket-")) {
                try (SocketBlocks remote = new SocketBlocks(port, ProbeNode.encoding(provider))) {
                    return measure(provider, remote, smallCalls, largeCalls);
                }
            }
            try (ProbeFramework client = ProbeFramework.client(provider, ProbeFramework.PROBE_SECRET)) {
                return measure(provider, client.importBlocks(provider, endpoint), smallCalls, largeCalls);
            }
        } finally {
            ProbeNode.stop(node);
        }
    }

    private static String measure(String name, BlockProbe device, int smallCalls, int largeCalls) {
        byte[] pattern = new byte[LARGE];
        new java.util.Random(42).nextBytes(pattern);
        device.write(Blocks.of(0, LARGE, pattern));
        if (!Arrays.equals(pattern, device.read(Blocks.of(0, LARGE, null)).data)) {
            throw new IllegalStateException(name + ": the bytes read back differ from those written");
        }
        for (int i = 0; i < Math.min(smallCalls, 200); i++) {
            device.read(Blocks.of((long) i * SMALL, SMALL, null));
        }
        long[] nanos = new long[smallCalls];
        for (int i = 0; i < smallCalls; i++) {
            long start = System.nanoTime();
            device.read(Blocks.of((long) (i % 4096) * SMALL, SMALL, null));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long slots = ProbeNode.DEVICE_SIZE / LARGE;
        long writeStart = System.nanoTime();
        for (int i = 0; i < largeCalls; i++) {
            device.write(Blocks.of((i % slots) * LARGE, LARGE, pattern));
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long readStart = System.nanoTime();
        for (int i = 0; i < largeCalls; i++) {
            device.read(Blocks.of((i % slots) * LARGE, LARGE, null));
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        double megabytes = largeCalls * (double) LARGE / 1e6;
        return String.format("%-18s %12.0f %12.0f %12.0f %14.0f %14.0f%n", name, percentile(nanos, 0.5) / 1e3,
                percentile(nanos, 0.9) / 1e3, percentile(nanos, 0.99) / 1e3, megabytes / writeSeconds,
                megabytes / readSeconds);
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

}
