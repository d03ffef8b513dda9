package flight.hal.remote.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The probe's device: positional reads and writes on a file. Public: the tcp provider calls the implementation
 * class's methods.
 */
public final class FileBlocks implements BlockProbe, AutoCloseable {
    private final FileChannel channel;

    FileBlocks(Path file, long size) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (channel.size() < size) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    @Override
    public Blocks read(Blocks request) {
        byte[] data = new byte[request.length];
        ByteBuffer into = ByteBuffer.wrap(data);
        try {
            while (into.hasRemaining() && channel.read(into, request.offset + into.position()) >= 0) {
                // positional reads until full
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Blocks.of(request.offset, request.length, data);
    }

    @Override
    public Blocks write(Blocks request) {
        ByteBuffer from = ByteBuffer.wrap(request.data);
        try {
            while (from.hasRemaining()) {
                channel.write(from, request.offset + from.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Blocks.of(request.offset, request.data.length, null);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
