package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.GpuRange;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/**
 * The zones of a zoned device: write pointers and states, the rules real ZNS hardware enforces (sequential writes at
 * the write pointer, zone capacity, state transitions), atomic zone append, and persistence through
 * {@link ZoneMetadata}. Every change is stored before it is acknowledged; management operations are forced too.
 */
final class ZoneTable implements Closeable {

    /** Writes {@code request}'s data at an LBA the table chose; called under the zone's lock. */
    @FunctionalInterface
    interface BlockWriter {
        HalResult<Void> write(long lba, IoRequest request);
    }

    /** Writes zeros to blocks {@code [lba, lba + blocks)} and forces them; called under the zone's lock. */
    @FunctionalInterface
    interface ZeroFill {
        HalResult<Void> zero(long lba, long blocks);
    }

    private final List<Zone> zones;
    private final ZoneMetadata metadata;

    private ZoneTable(List<Zone> zones, ZoneMetadata metadata) {
        this.zones = zones;
        this.metadata = metadata;
    }

    /** Opens the zones of {@code config}, recovering their write pointers and states. */
    static HalResult<ZoneTable> open(DeviceConfig config) {
        ZoneGeometry geometry = config.zones();
        List<ZoneMetadata.Entry> entries = new ArrayList<>();
        return ZoneMetadata.open(config.sidecar("zones"), geometry, config.blockSize(), entries).map(metadata -> {
            List<Zone> zones = new ArrayList<>(geometry.count());
            for (int index = 0; index < geometry.count(); index++) {
                ZoneMetadata.Entry entry = entries.get(index);
                ZoneState injected = geometry.offline().contains(index) || entry.state() == ZoneState.OFFLINE
                        ? ZoneState.OFFLINE : geometry.readOnly().contains(index) ? ZoneState.READ_ONLY : null;
                zones.add(new Zone(index, index * geometry.sizeBlocks(), geometry.sizeBlocks(),
                        geometry.capacityBlocks(), injected, entry.written(), entry.state()));
            }
            return new ZoneTable(List.copyOf(zones), metadata);
        });
    }

    /** The zone report. */
    List<ZoneInfo> report() {
        return zones.stream().map(Zone::info).toList();
    }

    /**
     * A WRITE {@code request} of {@code blocks} at its LBA (which must be its zone's write pointer), or a ZONE_APPEND
     * to the zone starting at its LBA. Atomic per zone: the data goes to the write pointer, which then moves past it,
     * before any other write of the zone starts. The new pointer is stored (not forced) before the answer; the
     * request's FUA, or a flush, forces it with the data.
     *
     * @return the request's result, with the LBA written
     */
    HalResult<IoResult> write(IoRequest request, long blocks, BlockWriter writer) {
        boolean append = request.operation() == IoOperation.ZONE_APPEND;
        HalResult<Zone> found = append ? zoneStartingAt(request.lba()) : zoneSpanning(request.lba(), blocks);
        if (found.isErr()) {
            return HalResult.err(found.errorOrNull());
        }
        Zone zone = found.orElseThrow();
        synchronized (zone) {
            long target = zone.start + zone.written;
            HalError refusal = refuseWrite(zone, append ? target : request.lba(), blocks);
            if (refusal != null) {
                return HalResult.err(refusal);
            }
            // no lambdas here: this is every append's path, and it allocates only its result
            HalResult<Void> done = writer.write(target, request);
            if (done.isOk()) {
                done = change(zone, zone.written + blocks, zone.stateAfter(blocks), false);
            }
            return done.isOk() ? HalResult.ok(new IoResult(request.operation(), target, blocks))
                    : HalResult.err(done.errorOrNull());
        }
    }

    private static HalError refuseWrite(Zone zone, long lba, long blocks) {
        HalError unusable = refuseChange(zone);
        if (unusable != null) {
            return unusable;
        }
        long pointer = zone.start + zone.written;
        if (lba != pointer) {
            return new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.NOT_WRITE_POINTER, "write at LBA " + lba
                    + " in zone " + zone.index + " is not at its write pointer, LBA " + pointer);
        }
        if (zone.state == ZoneState.FULL || zone.written + blocks > zone.capacity) {
            return new HalError(ErrorCategory.INSUFFICIENT_RESOURCES, StorageErrors.ZONE_FULL, blocks
                    + " block(s) at LBA "
                    + pointer + " do not fit zone " + zone.index + ": " + zone.written + " of its "
                    + zone.capacity + " writable blocks are written");
        }
        return null;
    }

    private static HalError refuseChange(Zone zone) {
        if (zone.injected == ZoneState.OFFLINE) {
            return new HalError(ErrorCategory.IO_ERROR, StorageErrors.ZONE_OFFLINE, "zone " + zone.index
                    + " is offline");
        }
        if (zone.injected == ZoneState.READ_ONLY) {
            return new HalError(ErrorCategory.INVALID_STATE, StorageErrors.ZONE_READ_ONLY, "zone " + zone.index
                    + " is read-only");
        }
        return null;
    }

    /**
     * Resets, opens, closes or finishes the zone starting at {@code startLba}; forced before it returns. Finishing
     * fills the blocks between the write pointer and the zone capacity with zeros through {@code zeroFill}: every
     * block below a write pointer then holds what was written since the zone's last reset, or zeros, never what was
     * written before it.
     */
    HalResult<ZoneInfo> manage(IoOperation operation, long startLba, ZeroFill zeroFill) {
        return zoneStartingAt(startLba).flatMap(zone -> {
            synchronized (zone) {
                HalError refusal = refuseChange(zone);
                if (refusal == null && zone.state == ZoneState.FULL
                        && (operation == IoOperation.ZONE_OPEN || operation == IoOperation.ZONE_CLOSE)) {
                    refusal = new HalError(ErrorCategory.INVALID_STATE, StorageErrors.INVALID_TRANSITION, "zone "
                            + zone.index + " is FULL: it cannot be " + (operation == IoOperation.ZONE_OPEN
                            ? "opened" : "closed") + " before it is reset");
                }
                if (refusal != null) {
                    return HalResult.err(refusal);
                }
                HalResult<Void> filled = operation == IoOperation.ZONE_FINISH && zone.written < zone.capacity
                        ? zeroFill.zero(zone.start + zone.written, zone.capacity - zone.written) : HalResult.ok();
                return filled.flatMap(ok -> change(zone, transition(zone, operation), true)).map(ok -> zone.info());
            }
        });
    }

    /** The write pointer and state {@code operation} moves {@code zone} to, which may make it. */
    private static ZoneMetadata.Entry transition(Zone zone, IoOperation operation) {
        return switch (operation) {
            case ZONE_RESET -> ZoneMetadata.Entry.EMPTY;
            case ZONE_FINISH -> new ZoneMetadata.Entry(zone.capacity, ZoneState.FULL);
            case ZONE_OPEN -> new ZoneMetadata.Entry(zone.written, ZoneState.EXPLICITLY_OPEN);
            case ZONE_CLOSE -> new ZoneMetadata.Entry(zone.written, zone.written == 0 ? ZoneState.EMPTY
                    : ZoneState.CLOSED);
            default -> throw new IllegalArgumentException(operation + " is not a zone management operation");
        };
    }

    /**
     * Opens an empty zone explicitly: one inside {@code preferred} if there is such a zone, else the first empty one.
     */
    synchronized HalResult<ZoneInfo> allocate(Optional<GpuRange> preferred) {
        List<Zone> order = new ArrayList<>(zones.size());
        preferred.ifPresent(range -> zones.stream().filter(zone -> range.contains(zone.start, zone.size))
                .forEach(order::add));
        order.addAll(zones);
        for (Zone zone : order) {
            synchronized (zone) {
                if (zone.injected == null && zone.state == ZoneState.EMPTY) {
                    return change(zone, new ZoneMetadata.Entry(0, ZoneState.EXPLICITLY_OPEN), true)
                            .map(ok -> zone.info());
                }
            }
        }
        return HalResult.err(new HalError(ErrorCategory.INSUFFICIENT_RESOURCES, StorageErrors.NONE_EMPTY,
                "none of the " + zones.size() + " zones is empty"));
    }

    /** An error when a read of {@code [lba, lba + blocks)} touches an offline zone. */
    HalError refuseRead(long lba, long blocks) {
        for (Zone zone : overlapping(lba, blocks)) {
            if (zone.injected == ZoneState.OFFLINE) {
                return new HalError(ErrorCategory.IO_ERROR, StorageErrors.ZONE_OFFLINE, "read of LBA " + lba + ".."
                        + (lba + blocks - 1) + " touches offline zone " + zone.index);
            }
        }
        return null;
    }

    /** Zeroes the parts of {@code data} (blocks from {@code lba}) that lie beyond their zone's write pointer. */
    void zeroUnwritten(long lba, int blockSize, ByteBuffer data) {
        long blocks = data.remaining() / blockSize;
        for (Zone zone : overlapping(lba, blocks)) {
            long from = Math.max(lba, zone.start + zone.written);
            long to = Math.min(lba + blocks, zone.start + zone.size);
            if (from < to) {
                data.put(data.position() + (int) ((from - lba) * blockSize),
                        new byte[(int) ((to - from) * blockSize)]);
            }
        }
    }

    /** Forces every stored zone change to the disk. */
    HalResult<Void> force() {
        try {
            metadata.force();
            return HalResult.ok();
        } catch (IOException e) {
            return HalResult.err(metadataError(e));
        }
    }

    private List<Zone> overlapping(long lba, long blocks) {
        long size = zones.get(0).size;
        int first = (int) (lba / size);
        int last = (int) Math.min(zones.size() - 1, (lba + blocks - 1) / size);
        return zones.subList(first, last + 1);
    }

    /**
     * Moves {@code zone} to {@code next}: stored first (and forced with {@code force}), applied only once stored, so
     * a zone whose change could not be stored stays as it was. Called under the zone's lock.
     */
    private HalResult<Void> change(Zone zone, ZoneMetadata.Entry next, boolean force) {
        return change(zone, next.written(), next.state(), force);
    }

    private HalResult<Void> change(Zone zone, long written, ZoneState state, boolean force) {
        try {
            metadata.store(zone.index, written, state);
            if (force) {
                metadata.force();
            }
        } catch (IOException e) {
            return HalResult.err(metadataError(e));
        }
        zone.written = written;
        zone.state = state;
        return HalResult.ok();
    }

    private static HalError metadataError(IOException e) {
        return new HalError(ErrorCategory.IO_ERROR, StorageErrors.ZONE_METADATA, "storing the zone metadata failed: "
                + e);
    }

    private HalResult<Zone> zoneStartingAt(long startLba) {
        long size = zones.get(0).size;
        if (startLba < 0 || startLba % size != 0 || startLba / size >= zones.size()) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.ZONE_INVALID_START, "LBA "
                    + startLba + " is not the start of a zone: zones start at multiples of " + size + " up to LBA "
                    + (zones.size() - 1) * size));
        }
        return HalResult.ok(zones.get((int) (startLba / size)));
    }

    private HalResult<Zone> zoneSpanning(long lba, long blocks) {
        Zone zone = zones.get((int) (lba / zones.get(0).size));
        if (!zone.spans(lba, blocks)) {
            return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.ZONE_BOUNDARY, "write of "
                    + blocks + " block(s) at LBA " + lba + " crosses the end of zone " + zone.index + " at LBA "
                    + (zone.start + zone.size)));
        }
        return HalResult.ok(zone);
    }

    @Override
    public void close() throws IOException {
        metadata.close();
    }
}
