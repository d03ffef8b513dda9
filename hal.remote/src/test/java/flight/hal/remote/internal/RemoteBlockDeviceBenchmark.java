package flight.hal.remote.internal;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoResult;

/**
 * Remote block I/O beside local, in the same run: the {@code peer} parameter is {@code local}, a file device of
 * drivers/storage (64 MiB, written in full first, so with {@code io=page-cache} both sides read from the page cache;
 * with {@code io=direct} both bypass it) called in this JVM, or
 * {@code remote}, the same kind of device on a node in a JVM of its own ({@link Node}, started in the trial's set-up
 * and ended in its tear-down), called over 127.0.0.1 through the HAL provider: {@link CallClient},
 * {@link RemoteInvocation}'s proxy of {@link RemoteNode} and {@link RemoteBlockDevice} here, {@link CallServer} and
 * {@link NodeServer} on the node, with the fleet secret's handshake (Aries RSA only wires these together). The
 * remote trial's set-up warms the node up before JMH's own warm-up ({@link #warmUp()}).
 * <ul>
 * <li>{@link #read4k}: 4 KiB reads at random block offsets, as latency samples (the goal is on the median, p50).</li>
 * <li>{@link #write1m} and {@link #read1m}: 1 MiB sequential writes and reads wrapping around the device; one
 * operation is 1 MiB, so ops/s times 1.048576 is MB/s.</li>
 * </ul>
 * The caller's buffers are direct, as an application doing bulk I/O would hold them.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class RemoteBlockDeviceBenchmark {
    static final int BLOCK = 4096;
    static final int MIB = 1 << 20;
    static final long DEVICE_BYTES = 64L * MIB;
    static final String DEVICE = "disk0";
    private static final long NODE_WARM_UP_SECONDS = 10;

    @Param({"local", "remote"})
    String peer;

    /**
     * {@code page-cache}: the device's I/O goes through the page cache (the default); {@code direct}: it bypasses it
     * ({@code direct.io}, O_DIRECT), so a transfer moves to and from the disk as a device without a cache would.
     */
    @Param({"page-cache", "direct"})
    String io;

    private Path dir;
    private BlockDevice device;
    /** The local device, or the node's process and the connection to it: whichever the trial measures. */
    private AutoCloseable localDevice;
    private Process node;
    private CallClient client;
    private final ByteBuffer small = ByteBuffer.allocateDirect(BLOCK);
    private final ByteBuffer large = ByteBuffer.allocateDirect(MIB);
    private final SplittableRandom random = new SplittableRandom(42);
    private long nextLba;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("hal-remote-bench");
        Path file = dir.resolve("device.img");
        if (peer.equals("local")) {
            BlockDevice local = openFileDevice(file, io.equals("direct"));
            localDevice = (AutoCloseable) local;
            device = local;
        } else {
            String secret = UUID.randomUUID().toString();
            node = startNode(file, secret, io.equals("direct"));
            device = importDevice(awaitPort(node), secret);
        }
        if (io.equals("direct") && !device.deviceCapabilities().features().contains(DeviceFeature.DIRECT_IO)) {
            throw new IllegalStateException(peer + ": the file system refused direct I/O; see the device's log");
        }
        for (int i = 0; i < MIB; i++) {
            large.put(i, (byte) (i * 31 + 7));
        }
        device.write(0, large.clear()).orElseThrow();
        ByteBuffer back = ByteBuffer.allocateDirect(MIB);
        device.read(0, back).orElseThrow();
        if (!back.clear().equals(large.clear())) {
            throw new IllegalStateException(peer + ": the 1 MiB read back differs from what was written");
        }
        if (node != null) {
            warmUp();
        }
    }

    /**
     * 1 MiB writes and reads for {@value #NODE_WARM_UP_SECONDS} s: the node's JVM reaches its steady throughput only
     * after about 7 s of them (measured on 2 cores), longer than the warm-up iterations of a quick run.
     */
    private void warmUp() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(NODE_WARM_UP_SECONDS);
        while (System.nanoTime() < end) {
            write1m();
            read1m();
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.getOutputStream().close(); // the node ends when its standard input closes
            if (!node.waitFor(15, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
        }
        if (localDevice != null) {
            localDevice.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public IoResult read4k() {
        long lba = random.nextLong(DEVICE_BYTES / BLOCK);
        return device.read(lba, small.clear()).orElseThrow();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public IoResult write1m() {
        return device.write(nextLargeLba(), large.clear()).orElseThrow();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public IoResult read1m() {
        return device.read(nextLargeLba(), large.clear()).orElseThrow();
    }

    private long nextLargeLba() {
        long lba = nextLba;
        nextLba = (nextLba + MIB / BLOCK) % (DEVICE_BYTES / BLOCK);
        return lba;
    }

    /** The node's device seen from here: a {@link RemoteBlockDevice} on the provider's proxy of the node. */
    private BlockDevice importDevice(int port, String secret) {
        ClassLoader loader = RemoteNode.class.getClassLoader();
        client = new CallClient(new InetSocketAddress("127.0.0.1", port), secret, 10_000,
                name -> Class.forName(name, false, loader));
        RemoteNode remote = (RemoteNode) Proxy.newProxyInstance(loader, new Class<?>[] {RemoteNode.class},
                new RemoteInvocation(client, Node.endpointId(port)));
        RemoteNode.Device listed = remote.devices().get(0);
        ImportedNode node = new ImportedNode("bench-node", Node.endpointId(port), remote, changed -> { });
        node.heartbeatEnded(true, Instant.now(), Duration.ZERO); // reachable, as its first heartbeat makes it
        RemoteBlockDevice imported = new RemoteBlockDevice(node, listed, Runnable::run);
        imported.initialize().orElseThrow();
        return imported;
    }

    private static Process startNode(Path file, String secret, boolean direct) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Node.class.getName(),
                file.toString(), secret, String.valueOf(direct)).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** The port the node printed once it listens; the node is killed when it does not print it. */
    private static int awaitPort(Process node) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(Node.PORT)) {
            node.destroyForcibly();
            throw new IllegalStateException("the node did not start: " + line);
        }
        return Integer.parseInt(line.substring(Node.PORT.length()));
    }

    /**
     * A file device of drivers/storage on {@code file} ({@value #DEVICE_BYTES} bytes, filled and forced first), opened
     * as Service Component Runtime would: its package-private {@code activate(Map)}, by reflection.
     */
    static BlockDevice openFileDevice(Path file, boolean direct) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer fill = ByteBuffer.allocateDirect(MIB);
            for (long at = 0; at < DEVICE_BYTES; at += MIB) {
                fill.clear();
                while (fill.hasRemaining()) {
                    channel.write(fill, at + fill.position());
                }
            }
            channel.force(true);
        }
        Class<?> type = Class.forName("flight.hal.driver.storage.internal.HostBlockDevice");
        Object device = type.getConstructor().newInstance();
        Method activate = type.getDeclaredMethod("activate", Map.class);
        activate.setAccessible(true);
        activate.invoke(device, Map.of("hal.driver.name", DEVICE, "path", file.toString(),
                "capacity.bytes", DEVICE_BYTES, "max.transfer.bytes", MIB, "direct.io", direct));
        BlockDevice opened = (BlockDevice) device;
        opened.initialize().orElseThrow();
        return opened;
    }

    /**
     * The node's JVM: a file device served by {@link NodeServer} on a {@link CallServer} bound to 127.0.0.1 (a free
     * port, printed as {@code PORT <n>}), until its standard input closes.
     */
    public static final class Node {
        static final String PORT = "PORT ";

        private Node() {
        }

        static String endpointId(int port) {
            return "hal://127.0.0.1:" + port + "/node";
        }

        /** Arguments: the device's file, the fleet secret and whether the device bypasses the page cache. */
        public static void main(String[] args) throws Exception {
            BlockDevice device = openFileDevice(Path.of(args[0]), Boolean.parseBoolean(args[2]));
            try (CallServer server = new CallServer("127.0.0.1", 0, args[1])) {
                server.export(endpointId(server.port()), new NodeServer("bench-node",
                        () -> List.of(Map.entry(Map.<String, Object>of(), device)), () -> null),
                        new Class<?>[] {RemoteNode.class});
                System.out.println(PORT + server.port());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // serves until the benchmark closes our standard input
                }
            } finally {
                ((AutoCloseable) device).close();
            }
        }
    }
}
