package flight.hal.driver.storage.internal;

import java.nio.ByteBuffer;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import flight.hal.HalResult;
import flight.hal.storage.IoRequest;

/**
 * Zone append on a zoned device: two appends of one block to the same empty zone at once. Each must be placed at the
 * write pointer it saw and move it past its block before the other reads it, so they get distinct LBAs and the
 * pointer advances by both. A third append afterwards reads where the pointer ended.
 *
 * <p>Results, relative to the zone's start: the two appends' LBAs, then the third's (-1 for a refused append).
 */
@JCStressTest
@Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = Expect.ACCEPTABLE, desc = "distinct blocks, one after the other;"
        + " the pointer moved by both")
@Outcome(expect = Expect.FORBIDDEN, desc = "both appends at one LBA, a gap, a lost pointer update or a refused"
        + " append")
@State
public class ZoneAppendStress {
    /** The data is not what is tested: the writer only accepts the LBA the table chose. */
    private static final ZoneTable.BlockWriter NO_DATA = (lba, request) -> HalResult.ok();
    private static final ByteBuffer ONE_BLOCK = ByteBuffer.allocate(512);

    private final FreshZones.EmptyZone zone = FreshZones.take();

    @Actor
    public void first(JJJ_Result r) {
        r.r1 = append();
    }

    @Actor
    public void second(JJJ_Result r) {
        r.r2 = append();
    }

    @Arbiter
    public void pointer(JJJ_Result r) {
        r.r3 = append();
    }

    private long append() {
        return zone.table().write(IoRequest.zoneAppend(zone.start(), ONE_BLOCK.duplicate()), 1, NO_DATA)
                .map(done -> done.lba() - zone.start()).orElse(-1L);
    }
}
