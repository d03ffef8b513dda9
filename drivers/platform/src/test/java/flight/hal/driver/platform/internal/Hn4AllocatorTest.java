package flight.hal.driver.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import flight.hal.ErrorCategory;
import flight.hal.HalResult;
import flight.hal.platform.AlignedAllocator;
import flight.hal.platform.AlignedBlock;
import flight.hal.platform.PlatformErrors;

class Hn4AllocatorTest {
    private final Hn4Allocator allocator = new Hn4Allocator();

    @Test
    void blocksAre128ByteAlignedBehindAHiddenHeaderWithTheMagic() {
        for (long size : new long[] {1, 100, 128, 4097}) {
            Hn4Block block = (Hn4Block) allocator.allocate(size).orElseThrow();
            ByteBuffer payload = block.buffer().orElseThrow();
            assertEquals(size, payload.capacity());
            assertEquals(size, block.size());
            assertTrue(payload.isDirect());
            assertEquals(0, payload.alignmentOffset(0, AlignedAllocator.ALIGNMENT), "payload alignment");
            assertEquals(0, block.header.alignmentOffset(0, AlignedAllocator.ALIGNMENT), "header alignment");
            assertEquals(0x484E3421, block.header.getInt(0));
            assertEquals(size, block.header.getLong(8));
        }
        assertEquals(1 + 100 + 128 + 4097, allocator.liveBytes());
    }

    @Test
    void freePoisonsTheMagicSoDoubleFreeAndUseAfterFreeAreCaught() {
        Hn4Block block = (Hn4Block) allocator.allocate(256).orElseThrow();
        assertTrue(allocator.free(block).isOk());
        assertEquals(0xDEADBEEF, block.header.getInt(0));
        assertEquals(0, allocator.liveBytes());
        HalResult<Void> again = allocator.free(block);
        assertEquals(PlatformErrors.DOUBLE_FREE, again.errorOrNull().code());
        assertTrue(again.errorOrNull().message().contains("0xDEADBEEF"));
        assertEquals(PlatformErrors.USE_AFTER_FREE, block.buffer().errorOrNull().code());
        assertEquals(0, allocator.liveBytes());
    }

    @Test
    void anOverwrittenHeaderIsReportedAsCorruption() {
        Hn4Block block = (Hn4Block) allocator.allocate(64).orElseThrow();
        block.header.putInt(0, 0x12345678);
        HalResult<Void> freed = allocator.free(block);
        assertEquals(PlatformErrors.CORRUPT, freed.errorOrNull().code());
        assertTrue(freed.errorOrNull().message().contains("magic 0x12345678, expected 0x484E3421"));
        assertEquals(PlatformErrors.CORRUPT, block.buffer().errorOrNull().code());
    }

    @Test
    void badSizesAndForeignBlocksAreRefused() {
        assertEquals(ErrorCategory.INVALID_PARAMETER, allocator.allocate(0).errorOrNull().category());
        assertEquals(ErrorCategory.INVALID_PARAMETER, allocator.allocate(-5).errorOrNull().category());
        HalResult<AlignedBlock> overflow = allocator.allocate(Long.MAX_VALUE - 10);
        assertEquals(PlatformErrors.SIZE_OVERFLOW, overflow.errorOrNull().code());
        assertTrue(overflow.errorOrNull().message().contains("255-byte header overhead"));
        assertEquals(PlatformErrors.SIZE_OVERFLOW,
                allocator.allocate(Hn4Allocator.MAX_BUFFER - 254).errorOrNull().code());
        AlignedBlock other = new Hn4Allocator().allocate(8).orElseThrow();
        assertEquals(PlatformErrors.FOREIGN_BLOCK, allocator.free(other).errorOrNull().code());
        assertEquals(PlatformErrors.FOREIGN_BLOCK, allocator.free(null).errorOrNull().code());
    }
}
