package flight.hal.driver.storage.internal;

import java.nio.ByteBuffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.testkit.BadNumbers;

/** Data requests a careless caller makes: every one must be refused with nothing transferred. */
final class BadRequests {

    /** What is wrong with a generated request. */
    enum Flaw {
        NEGATIVE_LBA, PAST_THE_END, MISALIGNED_LENGTH, EMPTY, TOO_LARGE, NO_BUFFER, READ_ONLY_TARGET
    }

    private BadRequests() {
    }

    /** READ, WRITE and ZONE_APPEND requests with one flaw each; with {@code tooLarge} also ones over the transfer limit. */
    static Arbitrary<IoRequest> data(DeviceGeometry geometry, boolean tooLarge) {
        Arbitrary<Flaw> flaws = tooLarge ? Arbitraries.of(Flaw.class)
                : Arbitraries.of(Flaw.class).filter(flaw -> flaw != Flaw.TOO_LARGE);
        return Combinators.combine(flaws, Arbitraries.of(IoOperation.READ, IoOperation.WRITE, IoOperation.ZONE_APPEND),
                Arbitraries.integers().between(1, geometry.maxTransferBlocks()), Arbitraries.integers().between(0, 9))
                .flatAs((flaw, operation, blocks, offset) -> request(geometry, flaw,
                        flaw == Flaw.READ_ONLY_TARGET ? IoOperation.READ : operation, blocks, offset));
    }

    private static Arbitrary<IoRequest> request(DeviceGeometry geometry, Flaw flaw, IoOperation operation, int blocks,
                                                int offset) {
        int blockSize = geometry.blockSize();
        long capacity = geometry.capacityBlocks();
        return switch (flaw) {
            case NEGATIVE_LBA -> Arbitraries.oneOf(Arbitraries.just(Long.MIN_VALUE),
                            Arbitraries.longs().lessOrEqual(-1))
                    .map(lba -> of(operation, lba, buffer(offset, blocks * blockSize)));
            case PAST_THE_END -> BadNumbers.over(capacity - blocks)
                    .map(lba -> of(operation, lba, buffer(offset, blocks * blockSize)));
            case MISALIGNED_LENGTH -> Arbitraries.integers().between(1, blockSize - 1)
                    .map(stray -> of(operation, 0, buffer(offset, (blocks - 1) * blockSize + stray)));
            case EMPTY -> Arbitraries.just(of(operation, 0, buffer(offset, 0)));
            case TOO_LARGE -> Arbitraries.integers().between(1, 3)
                    .map(more -> of(operation, 0, buffer(offset, geometry.maxTransferBytes() + more * blockSize)));
            case NO_BUFFER -> Arbitraries.longs().between(0, capacity - 1).map(lba -> of(operation, lba, null));
            case READ_ONLY_TARGET -> Arbitraries.just(of(operation, 0, buffer(offset, blocks * blockSize)
                    .asReadOnlyBuffer()));
        };
    }

    private static IoRequest of(IoOperation operation, long lba, ByteBuffer buffer) {
        return new IoRequest(operation, lba, 0, buffer, false);
    }

    private static ByteBuffer buffer(int offset, int length) {
        return DeviceModel.callerBuffer(offset, length, false);
    }

    /** DISCARD requests with a count that is not positive, a negative LBA, or an end past the device (or overflowing). */
    static Arbitrary<IoRequest> discards(DeviceGeometry geometry) {
        long capacity = geometry.capacityBlocks();
        Arbitrary<Long> lbas = Arbitraries.longs().between(0, capacity - 1);
        return Arbitraries.oneOf(
                Combinators.combine(lbas, BadNumbers.nonPositive()).as(IoRequest::discard),
                Combinators.combine(Arbitraries.longs().lessOrEqual(-1), Arbitraries.longs().between(1, capacity))
                        .as(IoRequest::discard),
                lbas.flatMap(lba -> BadNumbers.over(capacity - lba).map(blocks -> IoRequest.discard(lba, blocks))));
    }

    /** Zone start LBAs that name no zone: negative, between zone starts, past the last zone, extremes. */
    static Arbitrary<Long> notZoneStarts(DeviceGeometry geometry) {
        long size = Math.max(1, geometry.zoneSize());
        long zones = geometry.zoneCount();
        return Arbitraries.oneOf(BadNumbers.strayHandles(), Arbitraries.longs().between(0, geometry.capacityBlocks()),
                        BadNumbers.over(geometry.capacityBlocks()))
                .filter(lba -> geometry.zoneSize() == 0 || lba < 0 || lba % size != 0 || lba / size >= zones);
    }
}
