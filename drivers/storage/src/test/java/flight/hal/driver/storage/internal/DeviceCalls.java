package flight.hal.driver.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;

import net.jqwik.api.statistics.Statistics;

import flight.hal.HalResult;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;
import flight.hal.testkit.Refusals;

/**
 * The calls a property makes on a device, each checked against the {@link DeviceModel} and then applied to it. Every
 * call is counted in the property's statistics ("device calls"), so a run reports how many calls it generated.
 */
final class DeviceCalls {

    private DeviceCalls() {
    }

    private static void count(String call) {
        Statistics.label("device calls").collect(call);
    }

    static void read(DeviceModel model, long lba, int blocks, int offset, boolean direct) {
        count("read");
        ByteBuffer into = DeviceModel.callerBuffer(offset, blocks * model.blockSize(), direct);
        HalResult<IoResult> result = model.device.read(lba, into);
        model.counted(result);
        assertEquals(new IoResult(IoOperation.READ, lba, blocks), result.orElseThrow(), "READ at " + lba);
        assertEquals(offset, into.position(), "the caller's position");
        assertEquals(offset + blocks * model.blockSize(), into.limit(), "the caller's limit");
        model.assertContents(lba, into, "READ of " + blocks + " at " + lba);
        model.assertStats();
    }

    /** Reads the whole device, chunk by chunk, and compares it with the model. */
    static void readAll(DeviceModel model) {
        long capacity = model.geometry.capacityBlocks();
        for (long lba = 0; lba < capacity; lba += model.geometry.maxTransferBlocks()) {
            read(model, lba, (int) Math.min(model.geometry.maxTransferBlocks(), capacity - lba), 0, false);
        }
    }

    /** A WRITE (FILE, NVM) or a WRITE or ZONE_APPEND at a zone's write pointer (ZONED), which must succeed. */
    static void write(DeviceModel model, IoOperation operation, long lba, int blocks, long seed, int offset,
                      boolean fua) {
        count(operation == IoOperation.ZONE_APPEND ? "zone append" : "write");
        ByteBuffer from = DeviceModel.callerBuffer(offset, blocks * model.blockSize(), seed % 2 == 0);
        from.duplicate().put(Devices.pattern(seed, blocks, model.blockSize()));
        long target = lba;
        int zone = -1;
        if (model.geometry.kind() == DeviceKind.ZONED) {
            zone = (int) (lba / model.geometry.zoneSize());
            target = zone * model.geometry.zoneSize() + model.zoneWritten[zone];
        }
        IoRequest request = new IoRequest(operation, lba, 0, from, fua);
        HalResult<IoResult> result = model.device.execute(request);
        model.counted(result);
        assertEquals(new IoResult(operation, target, blocks), result.orElseThrow(), request.toString());
        assertEquals(offset, from.position(), "the caller's position");
        model.wrote(target, from);
        if (zone >= 0) {
            model.advanced(zone, blocks);
        }
        model.assertStats();
        model.assertZones();
    }

    /** A DISCARD of a FILE device, which must succeed; the blocks then read as zeros. */
    static void discard(DeviceModel model, long lba, long blocks) {
        count("discard");
        HalResult<IoResult> result = model.device.execute(IoRequest.discard(lba, blocks));
        model.counted(result);
        assertEquals(new IoResult(IoOperation.DISCARD, lba, blocks), result.orElseThrow(), "DISCARD");
        model.zeroed(lba, blocks);
        model.assertStats();
    }

    static void flush(DeviceModel model) {
        count("flush");
        HalResult<IoResult> result = model.device.flush();
        model.counted(result);
        assertEquals(new IoResult(IoOperation.FLUSH, 0, 0), result.orElseThrow(), "FLUSH");
        model.assertStats();
    }

    /** A transferLarge READ or WRITE of a FILE or NVM device, or a READ of any, which must succeed. */
    static void transferLarge(DeviceModel model, IoOperation operation, long lba, int blocks, long seed) {
        count("transferLarge");
        ByteBuffer buffer = ByteBuffer.allocate(blocks * model.blockSize());
        if (operation == IoOperation.WRITE) {
            buffer.put(Devices.pattern(seed, blocks, model.blockSize())).clear();
        }
        HalResult<IoResult> result = model.device.transferLarge(new IoRequest(operation, lba, 0, buffer, false));
        assertEquals(new IoResult(operation, lba, blocks), result.orElseThrow(), operation + " large");
        int chunk = model.geometry.maxTransferBlocks();
        for (int done = 0; done < blocks; done += chunk) {
            model.counted(HalResult.ok(new IoResult(operation, lba + done, Math.min(chunk, blocks - done))));
        }
        if (operation == IoOperation.WRITE) {
            model.wrote(lba, buffer);
        } else {
            model.assertContents(lba, buffer, "large READ at " + lba);
        }
        model.assertStats();
    }

    /**
     * A call that must be refused, changing nothing; {@code submissions} say how many submissions it makes before it
     * is refused. A refused READ leaves the caller's buffer as it was, bytes, position and limit.
     */
    static void refused(DeviceModel model, String call, Supplier<HalResult<?>> attempt, int submissions) {
        count(call + " (refused)");
        model.refused(call, attempt, submissions);
    }

    static void refusedRequest(DeviceModel model, String call, IoRequest request, boolean large) {
        ByteBuffer buffer = request.buffer();
        ByteBuffer before = buffer == null ? null : copy(buffer);
        int position = buffer == null ? 0 : buffer.position();
        int limit = buffer == null ? 0 : buffer.limit();
        refused(model, call, () -> large ? model.device.transferLarge(request) : model.device.execute(request),
                large ? 0 : 1);
        if (buffer != null) {
            assertEquals(position, buffer.position(), () -> call + " moved the caller's position: " + request);
            assertEquals(limit, buffer.limit(), () -> call + " moved the caller's limit: " + request);
            assertEquals(before, copy(buffer), () -> call + " changed the caller's bytes: " + request);
        }
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer all = buffer.duplicate().clear();
        return ByteBuffer.allocate(all.capacity()).put(all).flip();
    }

    /** A zone management operation: as the model's state machine says, accepted or refused. */
    static void manageZone(DeviceModel model, IoOperation operation, int zone) {
        long start = zone * model.geometry.zoneSize();
        IoRequest request = IoRequest.zone(operation, start);
        ZoneState state = model.zoneStates[zone];
        boolean refuse = state == ZoneState.FULL && (operation == IoOperation.ZONE_OPEN
                || operation == IoOperation.ZONE_CLOSE);
        if (refuse) {
            refused(model, operation + " of a FULL zone", () -> model.device.execute(request), 1);
            return;
        }
        count(operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        HalResult<IoResult> result = model.device.execute(request);
        model.counted(result);
        assertEquals(new IoResult(operation, start, 0), result.orElseThrow(), request.toString());
        switch (operation) {
            case ZONE_RESET -> {
                model.zoneWritten[zone] = 0;
                model.zoneStates[zone] = ZoneState.EMPTY;
                model.zeroed(start, model.geometry.zoneSize());
            }
            case ZONE_FINISH -> {
                model.zoneWritten[zone] = model.geometry.zoneCapacity();
                model.zoneStates[zone] = ZoneState.FULL;
            }
            case ZONE_OPEN -> model.zoneStates[zone] = ZoneState.EXPLICITLY_OPEN;
            default -> model.zoneStates[zone] = model.zoneWritten[zone] == 0 ? ZoneState.EMPTY : ZoneState.CLOSED;
        }
        model.assertStats();
        model.assertZones();
        readZone(model, zone);
    }

    /** Reads zone {@code zone} whole: written blocks as written, the rest zeros. */
    static void readZone(DeviceModel model, int zone) {
        long start = zone * model.geometry.zoneSize();
        long end = start + model.geometry.zoneSize();
        for (long lba = start; lba < end; lba += model.geometry.maxTransferBlocks()) {
            read(model, lba, (int) Math.min(model.geometry.maxTransferBlocks(), end - lba), 0, false);
        }
    }

    /** allocateZone: the first EMPTY zone opens explicitly; without one, {@code zone.none_empty}. */
    static void allocateZone(DeviceModel model) {
        int zone = List.of(model.zoneStates).indexOf(ZoneState.EMPTY);
        if (zone < 0) {
            refused(model, "allocateZone without an empty zone", () -> model.device.allocateZone(), 0);
            return;
        }
        count("allocateZone");
        ZoneInfo allocated = model.device.allocateZone().orElseThrow();
        model.zoneStates[zone] = ZoneState.EXPLICITLY_OPEN;
        assertEquals(model.zones().get(zone), allocated);
        model.assertZones();
    }

    /** Stores bytes into an NVM device's mapping and persists them; block reads then return them. */
    static void storeAndPersist(DeviceModel model, int offset, int length, long seed) {
        count("mapping store + persist");
        ByteBuffer mapping = model.device.mapping().orElseThrow();
        ByteBuffer data = Devices.pattern(seed, 1, length);
        mapping.put(offset, data, 0, length);
        model.device.persist(offset, length).orElseThrow();
        data.get(0, model.contents, offset, length);
    }

    /** Closes the device: every call is then refused and changes nothing; reopened, it holds what the model says. */
    static void closeAndReopen(DeviceModel model) {
        HostBlockDevice device = model.device;
        device.close();
        ByteBuffer block = ByteBuffer.allocate(model.blockSize());
        List<Supplier<HalResult<?>>> calls = List.of(() -> device.read(0, block.clear()),
                () -> device.write(0, block.clear()), device::flush, () -> device.execute(IoRequest.discard(0, 1)),
                () -> device.zoneAppend(0, block.clear()),
                () -> device.execute(IoRequest.zone(IoOperation.ZONE_RESET, 0)),
                () -> device.transferLarge(IoRequest.read(0, block.clear())), device::reportZones,
                device::allocateZone, () -> device.persist(0, 1), device::mapping, device::initialize);
        var stats = device.stats();
        for (Supplier<HalResult<?>> call : calls) {
            count("call on a closed device (refused)");
            Refusals.assertRefused(call.get(), "a call on a closed device");
        }
        assertEquals(stats, device.stats(), "a closed device's counters");
        assertTrue(!device.isAvailable(), "a closed device is not available");
        model.reopen();
        readAll(model);
    }
}
