package flight.hal.driver.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.ZoneState;
import flight.hal.testkit.HalProperty;

/**
 * Chains of generated calls on small FILE, NVM and ZONED devices: good calls checked against {@link DeviceModel},
 * bad ones (out of range, overflowing, misaligned, empty, too large, without or with a read-only buffer, off the write
 * pointer, across zones, on full zones, on no zone, on a closed device) refused with nothing changed.
 */
class BlockDevicePropertyTest {
    private static final int STEPS = 30;
    /** The models the chains of the current try opened; closed and deleted when the try ends. */
    private static final Queue<DeviceModel> OPENED = new ConcurrentLinkedQueue<>();

    @HalProperty
    void fileDeviceKeepsItsContract(@ForAll("fileChains") ActionChain<DeviceModel> chain) {
        run(chain);
    }

    @HalProperty
    void nvmDeviceKeepsItsContract(@ForAll("nvmChains") ActionChain<DeviceModel> chain) {
        run(chain);
    }

    @HalProperty
    void zonedDeviceKeepsItsContract(@ForAll("zonedChains") ActionChain<DeviceModel> chain) {
        run(chain);
    }

    private static void run(ActionChain<DeviceModel> chain) {
        try {
            chain.run();
        } finally {
            for (DeviceModel model = OPENED.poll(); model != null; model = OPENED.poll()) {
                model.close();
            }
        }
    }

    @Provide
    Arbitrary<ActionChain<DeviceModel>> fileChains() {
        return chains(DeviceKind.FILE);
    }

    @Provide
    Arbitrary<ActionChain<DeviceModel>> nvmChains() {
        return chains(DeviceKind.NVM);
    }

    @Provide
    Arbitrary<ActionChain<DeviceModel>> zonedChains() {
        return chains(DeviceKind.ZONED);
    }

    private static Arbitrary<ActionChain<DeviceModel>> chains(DeviceKind kind) {
        return DeviceGeometry.of(kind).flatMap(geometry -> {
            var chain = ActionChain.<DeviceModel>startWith(() -> {
                DeviceModel model = DeviceModel.open(geometry);
                OPENED.add(model);
                return model;
            });
            for (Action.Dependent<DeviceModel> action : actions(kind)) {
                chain = chain.withAction(action);
            }
            return chain.withAction(3, (Action.Dependent<DeviceModel>) BlockDevicePropertyTest::read)
                    .withAction(3, (Action.Dependent<DeviceModel>) BlockDevicePropertyTest::badData)
                    .withMaxTransformations(STEPS);
        });
    }

    private static List<Action.Dependent<DeviceModel>> actions(DeviceKind kind) {
        List<Action.Dependent<DeviceModel>> actions = new ArrayList<>(List.of(BlockDevicePropertyTest::badDiscard,
                BlockDevicePropertyTest::flush, BlockDevicePropertyTest::largeRead, BlockDevicePropertyTest::badLarge,
                BlockDevicePropertyTest::closeAndReopen));
        switch (kind) {
            case FILE -> actions.addAll(List.of(BlockDevicePropertyTest::write, BlockDevicePropertyTest::write,
                    BlockDevicePropertyTest::discard, BlockDevicePropertyTest::largeWrite,
                    BlockDevicePropertyTest::notZoned, BlockDevicePropertyTest::notNvm));
            case NVM -> actions.addAll(List.of(BlockDevicePropertyTest::write, BlockDevicePropertyTest::largeWrite,
                    BlockDevicePropertyTest::storeAndPersist, BlockDevicePropertyTest::badPersist,
                    BlockDevicePropertyTest::notZoned));
            case ZONED -> actions.addAll(List.of(BlockDevicePropertyTest::zoneWrite, BlockDevicePropertyTest::zoneWrite,
                    BlockDevicePropertyTest::manageZone, BlockDevicePropertyTest::manageZone,
                    BlockDevicePropertyTest::badZoneWrite, BlockDevicePropertyTest::badZoneStart,
                    BlockDevicePropertyTest::allocateZone, BlockDevicePropertyTest::notNvm));
        }
        return actions;
    }

    private static Transformer<DeviceModel> call(String description, java.util.function.Consumer<DeviceModel> call) {
        return Transformer.mutate(description, call);
    }

    /** An LBA and a block count inside the device, the count at most {@code limit}. */
    private static Arbitrary<long[]> span(DeviceModel model, long limit) {
        long capacity = model.geometry.capacityBlocks();
        return Arbitraries.longs().between(0, capacity - 1).flatMap(lba -> Arbitraries.longs()
                .between(1, Math.min(limit, capacity - lba)).map(blocks -> new long[] {lba, blocks}));
    }

    private static Arbitrary<Transformer<DeviceModel>> read(DeviceModel model) {
        return Combinators.combine(span(model, model.geometry.maxTransferBlocks()),
                Arbitraries.integers().between(0, 9), Arbitraries.of(false, true)).as((span, offset, direct) ->
                call("READ " + span[1] + " at " + span[0] + " (position " + offset + (direct ? ", direct)" : ")"),
                        m -> DeviceCalls.read(m, span[0], (int) span[1], offset, direct)));
    }

    private static Arbitrary<Transformer<DeviceModel>> write(DeviceModel model) {
        return Combinators.combine(span(model, model.geometry.maxTransferBlocks()), Arbitraries.longs(),
                Arbitraries.integers().between(0, 9), Arbitraries.of(false, true)).as((span, seed, offset, fua) ->
                call("WRITE " + span[1] + " at " + span[0] + " (position " + offset + (fua ? ", FUA)" : ")"),
                        m -> DeviceCalls.write(m, IoOperation.WRITE, span[0], (int) span[1], seed, offset, fua)));
    }

    private static Arbitrary<Transformer<DeviceModel>> badData(DeviceModel model) {
        return BadRequests.data(model.geometry, true).map(request -> call("bad " + request,
                m -> DeviceCalls.refusedRequest(m, "bad " + request.operation(), request, false)));
    }

    private static Arbitrary<Transformer<DeviceModel>> discard(DeviceModel model) {
        return span(model, model.geometry.capacityBlocks()).map(span -> call("DISCARD " + span[1] + " at " + span[0],
                m -> DeviceCalls.discard(m, span[0], span[1])));
    }

    /** Bad discards on every device; on NVM and ZONED devices, any discard (they do not discard). */
    private static Arbitrary<Transformer<DeviceModel>> badDiscard(DeviceModel model) {
        Arbitrary<IoRequest> requests = model.geometry.kind() == DeviceKind.FILE ? BadRequests.discards(model.geometry)
                : Arbitraries.oneOf(BadRequests.discards(model.geometry), span(model, model.geometry.capacityBlocks())
                        .map(span -> IoRequest.discard(span[0], span[1])));
        return requests.map(request -> call("bad " + request,
                m -> DeviceCalls.refusedRequest(m, "bad DISCARD", request, false)));
    }

    private static Arbitrary<Transformer<DeviceModel>> flush(DeviceModel model) {
        return Arbitraries.just(call("FLUSH", DeviceCalls::flush));
    }

    private static Arbitrary<Transformer<DeviceModel>> largeRead(DeviceModel model) {
        return span(model, 3L * model.geometry.maxTransferBlocks()).map(span -> call("large READ " + span[1] + " at "
                + span[0], m -> DeviceCalls.transferLarge(m, IoOperation.READ, span[0], (int) span[1], 0)));
    }

    private static Arbitrary<Transformer<DeviceModel>> largeWrite(DeviceModel model) {
        return Combinators.combine(span(model, 3L * model.geometry.maxTransferBlocks()), Arbitraries.longs())
                .as((span, seed) -> call("large WRITE " + span[1] + " at " + span[0],
                        m -> DeviceCalls.transferLarge(m, IoOperation.WRITE, span[0], (int) span[1], seed)));
    }

    /** transferLarge of bad data requests, of operations it does not take, and of null. */
    private static Arbitrary<Transformer<DeviceModel>> badLarge(DeviceModel model) {
        Arbitrary<IoRequest> requests = Arbitraries.oneOf(BadRequests.data(model.geometry, false)
                        .filter(request -> request.operation() != IoOperation.ZONE_APPEND),
                Arbitraries.of(IoRequest.flush(), IoRequest.discard(0, 1), IoRequest.zone(IoOperation.ZONE_RESET, 0))
                        .injectNull(0.25));
        return requests.map(request -> call("bad transferLarge " + request, m -> {
            if (request == null) {
                DeviceCalls.refused(m, "transferLarge(null)", () -> m.device.transferLarge(null), 0);
                DeviceCalls.refused(m, "submit(null)", () -> m.device.submit(null).toCompletableFuture().join(), 0);
            } else {
                DeviceCalls.refusedRequest(m, "bad transferLarge", request, true);
            }
        }));
    }

    private static Arbitrary<Transformer<DeviceModel>> closeAndReopen(DeviceModel model) {
        return Arbitraries.just(call("close, calls on the closed device, reopen", DeviceCalls::closeAndReopen));
    }

    /** Zone calls on a device that has no zones. */
    private static Arbitrary<Transformer<DeviceModel>> notZoned(DeviceModel model) {
        return Arbitraries.of(IoOperation.ZONE_RESET, IoOperation.ZONE_OPEN, IoOperation.ZONE_CLOSE,
                IoOperation.ZONE_FINISH).map(operation -> call(operation + ", append, report, allocate without zones",
                m -> {
                    DeviceCalls.refused(m, operation + " without zones",
                            () -> m.device.execute(IoRequest.zone(operation, 0)), 1);
                    DeviceCalls.refused(m, "append without zones",
                            () -> m.device.zoneAppend(0, java.nio.ByteBuffer.allocate(m.blockSize())), 1);
                    DeviceCalls.refused(m, "reportZones without zones", m.device::reportZones, 0);
                    DeviceCalls.refused(m, "allocateZone without zones", m.device::allocateZone, 0);
                }));
    }

    /** NVM calls on a device that is not NVM. */
    private static Arbitrary<Transformer<DeviceModel>> notNvm(DeviceModel model) {
        return Arbitraries.just(call("persist and mapping without NVM", m -> {
            DeviceCalls.refused(m, "persist without NVM", () -> m.device.persist(0, m.blockSize()), 0);
            DeviceCalls.refused(m, "mapping without NVM", m.device::mapping, 0);
        }));
    }

    private static Arbitrary<Transformer<DeviceModel>> storeAndPersist(DeviceModel model) {
        int capacity = (int) model.geometry.capacityBytes();
        return Arbitraries.integers().between(0, capacity - 1).flatMap(offset -> Combinators.combine(
                Arbitraries.integers().between(1, Math.min(300, capacity - offset)), Arbitraries.longs())
                .as((length, seed) -> call("store " + length + " bytes at " + offset + " and persist",
                        m -> DeviceCalls.storeAndPersist(m, offset, length, seed))));
    }

    /** persist of a range that is empty, negative, past the end or overflowing. */
    private static Arbitrary<Transformer<DeviceModel>> badPersist(DeviceModel model) {
        long capacity = model.geometry.capacityBytes();
        Arbitrary<long[]> ranges = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(0, capacity - 1), flight.hal.testkit.BadNumbers
                        .nonPositive()).as((offset, length) -> new long[] {offset, length}),
                Arbitraries.longs().lessOrEqual(-1).map(offset -> new long[] {offset, 1}),
                Arbitraries.longs().between(1, capacity).flatMap(length -> flight.hal.testkit.BadNumbers
                        .over(capacity - length).map(offset -> new long[] {offset, length})));
        return ranges.map(range -> call("persist " + range[1] + " bytes at " + range[0],
                m -> DeviceCalls.refused(m, "bad persist", () -> m.device.persist(range[0], range[1]), 0)));
    }

    /** A WRITE or ZONE_APPEND that fits a zone that is not full. */
    private static Arbitrary<Transformer<DeviceModel>> zoneWrite(DeviceModel model) {
        List<Integer> open = new ArrayList<>();
        for (int zone = 0; zone < model.zoneStates.length; zone++) {
            if (model.zoneWritten[zone] < model.geometry.zoneCapacity()) {
                open.add(zone);
            }
        }
        if (open.isEmpty()) {
            return Arbitraries.just(call("FLUSH (every zone is full)", DeviceCalls::flush));
        }
        return Arbitraries.of(open).flatMap(zone -> {
            long start = zone * model.geometry.zoneSize();
            long room = Math.min(model.geometry.zoneCapacity() - model.zoneWritten[zone],
                    model.geometry.maxTransferBlocks());
            long pointer = start + model.zoneWritten[zone];
            return Combinators.combine(Arbitraries.longs().between(1, room), Arbitraries.of(IoOperation.WRITE,
                    IoOperation.ZONE_APPEND), Arbitraries.longs(), Arbitraries.integers().between(0, 9),
                    Arbitraries.of(false, true)).as((blocks, operation, seed, offset, fua) -> {
                        long lba = operation == IoOperation.WRITE ? pointer : start;
                        return call(operation + " " + blocks + " at " + lba + (fua ? " (FUA)" : ""),
                                m -> DeviceCalls.write(m, operation, lba, blocks.intValue(), seed, offset, fua));
                    });
        });
    }

    /** Writes off the write pointer, past the zone capacity, across the zone end, to full zones, appends to no zone. */
    private static Arbitrary<Transformer<DeviceModel>> badZoneWrite(DeviceModel model) {
        long size = model.geometry.zoneSize();
        return Combinators.combine(Arbitraries.integers().between(0, model.zoneStates.length - 1),
                Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, size - 1 + 1))
                .as((zone, kind, k) -> {
                    long start = zone * size;
                    long written = model.zoneWritten[zone];
                    boolean full = model.zoneStates[zone] == ZoneState.FULL;
                    IoRequest request = switch (kind) {
                        case 0 -> IoRequest.write(start + (written + Math.min(k, size - 1)) % size, block(model, 1));
                        case 1 -> full ? IoRequest.zoneAppend(start, block(model, k))
                                : IoRequest.write(start + written, block(model,
                                        model.geometry.zoneCapacity() - written + Math.min(k, 3)));
                        default -> IoRequest.zoneAppend(start + Math.min(k, size - 1), block(model, 1));
                    };
                    return call("bad zone " + request, m -> DeviceCalls.refusedRequest(m, "bad zone write", request,
                            false));
                });
    }

    private static java.nio.ByteBuffer block(DeviceModel model, long blocks) {
        return java.nio.ByteBuffer.allocate((int) blocks * model.blockSize());
    }

    private static Arbitrary<Transformer<DeviceModel>> manageZone(DeviceModel model) {
        return Combinators.combine(Arbitraries.of(IoOperation.ZONE_RESET, IoOperation.ZONE_OPEN,
                        IoOperation.ZONE_CLOSE, IoOperation.ZONE_FINISH),
                Arbitraries.integers().between(0, model.zoneStates.length - 1))
                .as((operation, zone) -> call(operation + " of zone " + zone,
                        m -> DeviceCalls.manageZone(m, operation, zone)));
    }

    private static Arbitrary<Transformer<DeviceModel>> badZoneStart(DeviceModel model) {
        return Combinators.combine(Arbitraries.of(IoOperation.ZONE_RESET, IoOperation.ZONE_OPEN,
                        IoOperation.ZONE_CLOSE, IoOperation.ZONE_FINISH), BadRequests.notZoneStarts(model.geometry))
                .as((operation, lba) -> call(operation + " at LBA " + lba, m -> DeviceCalls.refused(m,
                        operation + " of no zone", () -> m.device.execute(IoRequest.zone(operation, lba)), 1)));
    }

    private static Arbitrary<Transformer<DeviceModel>> allocateZone(DeviceModel model) {
        return Arbitraries.just(call("allocateZone", DeviceCalls::allocateZone));
    }
}
