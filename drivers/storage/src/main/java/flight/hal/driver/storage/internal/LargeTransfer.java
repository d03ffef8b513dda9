package flight.hal.driver.storage.internal;

import java.nio.ByteBuffer;
import java.util.function.Function;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;

/**
 * HN4's safety chunker ({@code sync_io_large}): a READ or WRITE of any length as transfers of at most the maximum
 * transfer size, never less than a block (a smaller chunk would never make progress), yielding between chunks.
 */
final class LargeTransfer {

    private LargeTransfer() {
    }

    /**
     * Executes {@code request} chunk by chunk through {@code execute}, calling {@code yield} between chunks. Checks the
     * whole request first, so a bad one transfers nothing; when a chunk fails, the error says exactly how much was
     * transferred before it.
     */
    static HalResult<IoResult> run(IoRequest request, DeviceCapabilities caps,
                                   Function<IoRequest, HalResult<IoResult>> execute, Runnable yield) {
        if (request == null || (request.operation() != IoOperation.READ && request.operation() != IoOperation.WRITE)) {
            return HalResult.err(HalError.invalidParameter("transferLarge takes a READ or WRITE, not "
                    + (request == null ? "null" : request.operation())));
        }
        HalError refusal = RequestCheck.refusalIgnoringSize(request, caps);
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        int blockSize = caps.logicalBlockSize();
        int chunk = caps.maxTransferBytes() - caps.maxTransferBytes() % blockSize;
        if (chunk < blockSize) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.CHUNK_TOO_SMALL,
                    "a chunk of "
                    + caps.maxTransferBytes() + " bytes is smaller than the " + blockSize + "-byte block size"));
        }
        ByteBuffer all = request.buffer();
        int total = request.length();
        // long: done + chunk passes Integer.MAX_VALUE after the last chunk of a transfer near 2 GiB
        for (long done = 0; done < total; done += chunk) {
            if (done > 0) {
                yield.run();
            }
            int length = (int) Math.min(chunk, total - done);
            long lba = request.lba() + done / blockSize;
            ByteBuffer part = all.slice(all.position() + (int) done, length);
            HalResult<IoResult> result = execute.apply(new IoRequest(request.operation(), lba, 0, part,
                    request.fua()));
            if (result.isErr()) {
                HalError cause = result.errorOrNull();
                return HalResult.err(new HalError(cause.category(), StorageErrors.PARTIAL, request.operation() + " of "
                        + total + " bytes at LBA " + request.lba() + " stopped after " + done + " bytes ("
                        + done / blockSize + " blocks, LBA " + request.lba() + ".." + (lba - 1) + " done): the "
                        + length + "-byte chunk at LBA " + lba + " failed: " + cause));
            }
        }
        return HalResult.ok(new IoResult(request.operation(), request.lba(), total / blockSize));
    }
}
