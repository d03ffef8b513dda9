package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

import flight.hal.HalResult;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;

/**
 * The storage paths through the HAL's host devices, each beside the raw {@link FileChannel} call a user would make
 * instead, on the same kind of file (128 MiB unless said otherwise, written in full and forced before the trial, in
 * one temporary folder removed afterwards) so that the page cache treats both alike. Every benchmark has its own
 * {@code path} parameter: the {@code hal.*} values are the project's, the {@code raw.*} values the peers.
 * <ul>
 * <li>{@link #sequentialWrite}: 1 MiB writes, sequential and wrapping around the file. {@code hal.write}: the file
 * device's synchronous {@code write}; {@code raw.write}: {@code FileChannel.write(buffer, position)}.
 * {@code hal.write.flush8m} / {@code raw.write.force8m}: the same with the device's {@code flush()} / a
 * {@code FileChannel.force(false)} (the same fdatasync) after every 8 MiB.</li>
 * <li>{@link #sequentialRead}: 1 MiB reads through the page cache, sequential and wrapping around the file.
 * {@code hal.read}: the file device's synchronous {@code read}; {@code raw.read}:
 * {@code FileChannel.read(buffer, position)}.</li>
 * <li>{@link #zoneAppend}: 1 MiB appends, on a 512 MiB file for both. {@code hal.zoneAppend}: {@code zoneAppend} to
 * the zoned device's one 512 MiB zone (each append also stores the zone's write pointer), reset (a forced metadata
 * change, as the contract requires) each time it fills, every 512 appends; {@code raw.positionalWrite}: a positional
 * write at the next offset, wrapping around.</li>
 * <li>{@link #directRead4k}: 4 KiB reads at random block offsets (the same sequence for both) into an aligned direct
 * buffer, around the page cache. {@code hal.directRead4k}: a file device with {@code direct.io=true}, whose medium is
 * a channel opened with O_DIRECT; {@code raw.directRead4k}: a {@code FileChannel} opened with
 * {@code ExtendedOpenOption.DIRECT}.</li>
 * <li>{@link #queuedRead4k}: 8 such direct reads per operation through the same device. {@code hal.sync}: one after
 * the other with the synchronous {@code read}; {@code hal.async.qd8}: all 8 submitted at once through
 * {@code submit} (8 I/O threads) and then awaited.</li>
 * </ul>
 * One operation is one 1 MiB transfer, one 4 KiB read, or (queued reads) eight 4 KiB reads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class StoragePathBenchmark {
    static final int MIB = 1 << 20;
    static final int BLOCK = 4096;
    static final long FILE_BYTES = 128L * MIB;
    /** One zone, as large as real ZNS zones come (about 1 GiB), so its reset is amortized as it would be. */
    static final long ZONE_BYTES = 512L * MIB;
    static final int FLUSH_EVERY = 8;
    static final int QUEUE_DEPTH = 8;

    /** A file in its own temporary folder: written in full and forced, so no trial starts with dirty pages. */
    abstract static class OnFile {
        Path dir;
        Path file;
        /** The project's device, or the peer's channel: whichever the trial measures. */
        HostBlockDevice device;
        FileChannel raw;

        void createFile() throws IOException {
            createFile(FILE_BYTES);
        }

        void createFile(long bytes) throws IOException {
            dir = Files.createTempDirectory("hal-storage-bench");
            file = dir.resolve("device.img");
            ByteBuffer fill = ByteBuffer.allocateDirect(MIB);
            for (int i = 0; i < MIB; i++) {
                fill.put(i, (byte) (i * 31));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (long at = 0; at < bytes; at += MIB) {
                    fill.clear();
                    while (fill.hasRemaining()) {
                        channel.write(fill, at + fill.position());
                    }
                }
                channel.force(true);
            }
        }

        HostBlockDevice openDevice(long bytes, Object... keyValues) {
            Map<String, Object> properties = new HashMap<>(Map.of("hal.driver.name", "bench", "path",
                    file.toString(), "capacity.bytes", bytes, "max.transfer.bytes", MIB));
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                properties.put((String) keyValues[i], keyValues[i + 1]);
            }
            HostBlockDevice device = HostBlockDevice.open(properties);
            device.initialize().orElseThrow();
            return device;
        }

        @TearDown
        public void close() throws IOException {
            if (device != null) {
                device.close();
            }
            if (raw != null) {
                raw.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** A 1 MiB source buffer, direct as an application doing bulk I/O would hold it. */
    static ByteBuffer chunk() {
        ByteBuffer chunk = ByteBuffer.allocateDirect(MIB);
        for (int i = 0; i < MIB; i++) {
            chunk.put(i, (byte) i);
        }
        return chunk;
    }

    @State(Scope.Benchmark)
    public static class Writes extends OnFile {
        @Param({"hal.write", "raw.write", "hal.write.flush8m", "raw.write.force8m"})
        public String path;

        boolean flushes;
        final ByteBuffer chunk = chunk();
        long offset;
        int sinceFlush;

        @Setup
        public void open() throws IOException {
            createFile();
            flushes = path.endsWith("8m");
            if (path.startsWith("hal.")) {
                device = openDevice(FILE_BYTES);
            } else {
                raw = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Reads extends OnFile {
        @Param({"hal.read", "raw.read"})
        public String path;

        final ByteBuffer chunk = ByteBuffer.allocateDirect(MIB);
        long offset;

        @Setup
        public void open() throws IOException {
            createFile();
            if (path.startsWith("hal.")) {
                device = openDevice(FILE_BYTES);
            } else {
                raw = FileChannel.open(file, StandardOpenOption.READ);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Appends extends OnFile {
        @Param({"hal.zoneAppend", "raw.positionalWrite"})
        public String path;

        final ByteBuffer chunk = chunk();
        long offset;

        @Setup
        public void open() throws IOException {
            createFile(ZONE_BYTES);
            if (path.startsWith("hal.")) {
                device = openDevice(ZONE_BYTES, "kind", "ZONED", "block.size", BLOCK, "zone.size.blocks",
                        ZONE_BYTES / BLOCK, "zone.count", 1);
            } else {
                raw = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
    }

    /** Random 4 KiB direct reads: the device (or raw channel) and the next block of a fixed pseudo-random walk. */
    public abstract static class RandomDirectReads extends OnFile {
        final ByteBuffer[] blocks = new ByteBuffer[QUEUE_DEPTH];
        @SuppressWarnings("unchecked")
        final CompletableFuture<HalResult<IoResult>>[] pending = new CompletableFuture[QUEUE_DEPTH];
        private long seed = 0x9E3779B97F4A7C15L;

        void open(boolean hal) throws IOException {
            createFile();
            for (int i = 0; i < QUEUE_DEPTH; i++) {
                blocks[i] = ByteBuffer.allocateDirect(2 * BLOCK).alignedSlice(BLOCK).limit(BLOCK);
            }
            if (hal) {
                device = openDevice(FILE_BYTES, "direct.io", true, "io.threads", QUEUE_DEPTH);
                if (!device.deviceCapabilities().has(DeviceFeature.DIRECT_IO)) {
                    throw new IllegalStateException("no direct I/O here: " + device.ioPath());
                }
            } else {
                raw = FileChannel.open(file, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
            }
        }

        /** The next block of the walk (xorshift), the same sequence for every variant. */
        long nextLba() {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            return (seed >>> 1) % (FILE_BYTES / BLOCK);
        }
    }

    @State(Scope.Benchmark)
    public static class DirectReads extends RandomDirectReads {
        @Param({"hal.directRead4k", "raw.directRead4k"})
        public String path;

        @Setup
        public void open() throws IOException {
            open(path.startsWith("hal."));
        }
    }

    @State(Scope.Benchmark)
    public static class QueuedReads extends RandomDirectReads {
        @Param({"hal.async.qd8", "hal.sync"})
        public String path;

        @Setup
        public void open() throws IOException {
            open(true);
        }
    }

    @Benchmark
    public long sequentialWrite(Writes state) throws IOException {
        long at = state.offset;
        state.offset = (at + MIB) % FILE_BYTES;
        ByteBuffer chunk = state.chunk.clear();
        long done;
        if (state.device != null) {
            done = state.device.write(at / BLOCK, chunk).isOk() ? at : -1;
        } else {
            done = writeFully(state.raw, chunk, at);
        }
        if (state.flushes && ++state.sinceFlush == FLUSH_EVERY) {
            state.sinceFlush = 0;
            if (state.device != null) {
                state.device.flush().orElseThrow();
            } else {
                state.raw.force(false);
            }
        }
        return done;
    }

    @Benchmark
    public long sequentialRead(Reads state) throws IOException {
        long at = state.offset;
        state.offset = (at + MIB) % FILE_BYTES;
        ByteBuffer chunk = state.chunk.clear();
        if (state.device != null) {
            return state.device.read(at / BLOCK, chunk).isOk() ? at : -1;
        }
        long position = at;
        while (chunk.hasRemaining()) {
            position += state.raw.read(chunk, position);
        }
        return position;
    }

    @Benchmark
    public long zoneAppend(Appends state) throws IOException {
        long at = state.offset;
        state.offset = (at + MIB) % ZONE_BYTES;
        ByteBuffer chunk = state.chunk.clear();
        if (state.device == null) {
            return writeFully(state.raw, chunk, at);
        }
        if (at == 0 && state.device.stats().bytesWritten() > 0) {
            state.device.execute(IoRequest.zone(IoOperation.ZONE_RESET, 0)).orElseThrow();
        }
        return state.device.zoneAppend(0, chunk).orElseThrow().lba();
    }

    @Benchmark
    public long directRead4k(DirectReads state) throws IOException {
        long lba = state.nextLba();
        ByteBuffer block = state.blocks[0].clear();
        if (state.device != null) {
            return state.device.read(lba, block).isOk() ? lba : -1;
        }
        long position = lba * BLOCK;
        while (block.hasRemaining()) {
            position += state.raw.read(block, position);
        }
        return position;
    }

    @Benchmark
    public long queuedRead4k(QueuedReads state) {
        long sum = 0;
        if (state.path.equals("hal.sync")) {
            for (int i = 0; i < QUEUE_DEPTH; i++) {
                sum += state.device.read(state.nextLba(), state.blocks[i].clear()).orElseThrow().lba();
            }
            return sum;
        }
        for (int i = 0; i < QUEUE_DEPTH; i++) {
            state.pending[i] = state.device.submit(IoRequest.read(state.nextLba(), state.blocks[i].clear()))
                    .toCompletableFuture();
        }
        for (int i = 0; i < QUEUE_DEPTH; i++) {
            sum += state.pending[i].join().orElseThrow().lba();
        }
        return sum;
    }

    private static long writeFully(FileChannel channel, ByteBuffer from, long at) throws IOException {
        long position = at;
        while (from.hasRemaining()) {
            position += channel.write(from, position);
        }
        return position;
    }
}
