package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

import flight.hal.HalResult;

/**
 * Sequential 1 MiB writes and reads over a 128 MiB file, through the HAL's file block device (submission queue,
 * checks, positional FileChannel I/O) and through a raw FileChannel on the same file: the peer is a parameter, so
 * both run side by side in one run. Each operation moves one chunk, so with 1 MiB chunks operations per second are
 * MiB per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SequentialThroughputBenchmark {
    private static final long FILE_BYTES = 128L << 20;

    /** {@code hal}: the HAL file device; {@code raw}: a FileChannel on the same file. */
    @Param({"hal", "raw"})
    public String path;

    @Param({"1048576"})
    public int chunkBytes;

    private Path dir;
    private HostBlockDevice device;
    private FileChannel channel;
    private ByteBuffer chunk;
    private long offset;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("hal-bench");
        Path file = dir.resolve("sequential.img");
        chunk = ByteBuffer.allocateDirect(chunkBytes);
        for (int i = 0; i < chunkBytes; i++) {
            chunk.put(i, (byte) i);
        }
        try (FileChannel fill = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long at = 0; at < FILE_BYTES; at += chunkBytes) {
                fill.write(chunk.clear(), at);
            }
        }
        if (path.equals("hal")) {
            device = HostBlockDevice.open(Map.of("hal.driver.name", "bench", "path", file.toString(),
                    "capacity.bytes", FILE_BYTES, "max.transfer.bytes", chunkBytes));
            device.initialize().orElseThrow();
        } else {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    @TearDown
    public void close() throws IOException {
        if (device != null) {
            device.close();
        }
        if (channel != null) {
            channel.close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private long next() {
        long at = offset;
        offset = (offset + chunkBytes) % FILE_BYTES;
        return at;
    }

    @Benchmark
    public long sequentialWrite() throws IOException {
        return transfer(true);
    }

    @Benchmark
    public long sequentialRead() throws IOException {
        return transfer(false);
    }

    private long transfer(boolean write) throws IOException {
        long at = next();
        chunk.clear();
        if (device != null) {
            long lba = at / device.deviceCapabilities().logicalBlockSize();
            HalResult<?> done = write ? device.write(lba, chunk) : device.read(lba, chunk);
            return done.isOk() ? lba : -1;
        }
        long position = at;
        while (chunk.hasRemaining()) {
            position += write ? channel.write(chunk, position) : channel.read(chunk, position);
        }
        return position;
    }
}
