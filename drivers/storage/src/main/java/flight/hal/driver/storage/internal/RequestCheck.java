package flight.hal.driver.storage.internal;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.StorageErrors;

/** Judges a request against a device's geometry before anything is transferred. */
final class RequestCheck {

    private RequestCheck() {
    }

    /** Why {@code request} cannot be executed as one transfer, or null when it can. */
    static HalError refusal(IoRequest request, DeviceCapabilities caps) {
        HalError refusal = refusalIgnoringSize(request, caps);
        if (refusal == null && request.length() > caps.maxTransferBytes()) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.TOO_LARGE, request.operation() + " of "
                    + request.length() + " bytes exceeds the maximum transfer of " + caps.maxTransferBytes()
                    + " bytes; use transferLarge");
        }
        return refusal;
    }

    /** Why {@code request} cannot be executed at all, whatever its size, or null when it can. */
    static HalError refusalIgnoringSize(IoRequest request, DeviceCapabilities caps) {
        IoOperation operation = request.operation();
        if (operation.transfersData()) {
            return dataRefusal(request, caps);
        }
        if (operation == IoOperation.DISCARD) {
            if (request.blocks() <= 0) {
                return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.EMPTY, "DISCARD of " + request.blocks()
                        + " blocks: the count must be positive");
            }
            return rangeRefusal(request, request.blocks(), caps);
        }
        return null;
    }

    private static HalError dataRefusal(IoRequest request, DeviceCapabilities caps) {
        IoOperation operation = request.operation();
        if (request.buffer() == null) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.NO_BUFFER, operation + " needs a buffer");
        }
        if (operation == IoOperation.READ && request.buffer().isReadOnly()) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.READ_ONLY_BUFFER,
                    "READ into a read-only buffer");
        }
        int length = request.length();
        if (length == 0 || length % caps.logicalBlockSize() != 0) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.MISALIGNED, operation + " of " + length
                    + " bytes is not a positive multiple of the " + caps.logicalBlockSize() + "-byte block size");
        }
        return rangeRefusal(request, length / caps.logicalBlockSize(), caps);
    }

    private static HalError rangeRefusal(IoRequest request, long blocks, DeviceCapabilities caps) {
        long lba = request.lba();
        if (lba < 0 || lba > caps.capacityBlocks() - blocks) {
            return error(ErrorCategory.INVALID_PARAMETER, StorageErrors.OUT_OF_RANGE, request.operation() + " of "
                    + blocks
                    + " block(s) at LBA " + lba + " does not fit the device's " + caps.capacityBlocks() + " blocks");
        }
        return null;
    }

    private static HalError error(ErrorCategory category, String code, String message) {
        return new HalError(category, code, message);
    }
}
