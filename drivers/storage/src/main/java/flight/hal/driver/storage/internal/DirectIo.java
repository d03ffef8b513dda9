package flight.hal.driver.storage.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Opens a channel that bypasses the page cache (O_DIRECT, {@code com.sun.nio.file.ExtendedOpenOption.DIRECT} from
 * {@code jdk.unsupported}). It works only where the JDK offers the option, the framework exports it, the device's
 * block size is a multiple of the file store's block size and the file system accepts O_DIRECT.
 */
final class DirectIo {

    private DirectIo() {
    }

    /** A direct channel on {@code file}, or an error that says why there is none. */
    static HalResult<FileChannel> open(BackingFile file, int blockSize) {
        if (blockSize % file.storeBlockSize != 0) {
            return refused("the block size " + blockSize + " is not a multiple of the file store's block size "
                    + file.storeBlockSize);
        }
        OpenOption direct;
        try {
            direct = com.sun.nio.file.ExtendedOpenOption.DIRECT;
        } catch (LinkageError e) {
            return refused("com.sun.nio.file.ExtendedOpenOption is not available here (" + e + ")");
        }
        try {
            return HalResult.ok(FileChannel.open(file.path, StandardOpenOption.READ, StandardOpenOption.WRITE, direct));
        } catch (IOException | UnsupportedOperationException e) {
            return refused("the file system refused O_DIRECT: " + e);
        }
    }

    private static <T> HalResult<T> refused(String why) {
        return HalResult.err(HalError.unsupportedCapability("direct I/O refused: " + why));
    }
}
