package flight.hal.driver.storage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import flight.hal.ErrorCategory;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.platform.GpuRange;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.IoResult;
import flight.hal.storage.StorageErrors;
import flight.hal.storage.ZoneInfo;

/**
 * Executes checked requests against an open device, synchronously, on the calling thread: the medium, the discard
 * map of a FILE device, the zones of a ZONED one. Thread-safe.
 */
final class BlockEngine implements Closeable {
    private final DeviceConfig config;
    private final Medium medium;
    /** FILE devices only, else null. */
    private final DiscardMap discards;
    /** ZONED devices only, else null. */
    private final ZoneTable zones;
    private final DeviceCapabilities caps;
    /** Writes a zone's data; one object for every zoned write, not one per call. */
    private final ZoneTable.BlockWriter zoneWriter = this::writeAt;

    private BlockEngine(DeviceConfig config, Medium medium, DiscardMap discards, ZoneTable zones) {
        this.config = config;
        this.medium = medium;
        this.discards = discards;
        this.zones = zones;
        this.caps = capabilities(config, medium);
    }

    /** Opens the device {@code config} describes, recovering its discards or zones. */
    static HalResult<BlockEngine> open(DeviceConfig config) {
        HalResult<Medium> opened = config.kind() == DeviceKind.NVM ? MappedMedium.open(config)
                : ChannelMedium.open(config);
        return opened.flatMap(medium -> {
            HalResult<BlockEngine> engine = switch (config.kind()) {
                case ZONED -> ZoneTable.open(config).map(table -> new BlockEngine(config, medium, null, table));
                case FILE -> openDiscards(config).map(map -> new BlockEngine(config, medium, map, null));
                case NVM -> HalResult.ok(new BlockEngine(config, medium, null, null));
            };
            if (engine.isErr()) {
                BackingFile.closeQuietly(medium);
            }
            return engine;
        });
    }

    private static HalResult<DiscardMap> openDiscards(DeviceConfig config) {
        try {
            return HalResult.ok(DiscardMap.open(config.sidecar("discard"), config.capacityBlocks()));
        } catch (IOException e) {
            return HalResult.err(new HalError(ErrorCategory.IO_ERROR, StorageErrors.OPEN_FAILED,
                    "cannot open the discard map of " + config.path() + ": " + e));
        }
    }

    private static DeviceCapabilities capabilities(DeviceConfig config, Medium medium) {
        Set<DeviceFeature> features = EnumSet.of(DeviceFeature.FUA);
        features.addAll(medium.features());
        switch (config.kind()) {
            case FILE -> features.add(DeviceFeature.DISCARD);
            case ZONED -> features.addAll(Set.of(DeviceFeature.ZONED, DeviceFeature.PERSISTENT_WRITE_POINTERS));
            case NVM -> features.add(DeviceFeature.NVM);
        }
        ZoneGeometry zones = config.zones();
        return new DeviceCapabilities(config.blockSize(), Math.max(config.blockSize(), medium.storeBlockSize()),
                config.capacityBlocks(), config.maxTransferBytes(), zones.sizeBlocks(), zones.capacityBlocks(),
                zones.count(), config.queueDepth(), features);
    }

    DeviceCapabilities capabilities() {
        return caps;
    }

    /** The I/O path in use. */
    String description() {
        return medium.description();
    }

    /** Checks and executes {@code request}. */
    HalResult<IoResult> execute(IoRequest request) {
        HalError refusal = RequestCheck.refusal(request, caps);
        if (refusal != null) {
            return HalResult.err(refusal);
        }
        try {
            return switch (request.operation()) {
                case READ -> read(request);
                case WRITE, ZONE_APPEND -> write(request);
                case FLUSH -> flush();
                case DISCARD -> discard(request);
                case ZONE_RESET, ZONE_OPEN, ZONE_CLOSE, ZONE_FINISH -> zoned().flatMap(table ->
                        table.manage(request.operation(), request.lba(), this::zeroFill))
                        .map(zone -> new IoResult(request.operation(), zone.startLba(), 0));
            };
        } catch (IOException e) {
            return HalResult.err(ioError(request.operation(), request.lba(), e));
        }
    }

    private HalResult<IoResult> read(IoRequest request) throws IOException {
        long blocks = request.length() / config.blockSize();
        if (zones != null) {
            HalError offline = zones.refuseRead(request.lba(), blocks);
            if (offline != null) {
                return HalResult.err(offline);
            }
        }
        ByteBuffer data = request.buffer().duplicate();
        int start = data.position();
        medium.read(request.lba() * config.blockSize(), data);
        data.position(start);
        if (zones != null) {
            zones.zeroUnwritten(request.lba(), config.blockSize(), data);
        } else if (discards != null) {
            discards.zeroDiscarded(request.lba(), config.blockSize(), data);
        }
        return HalResult.ok(new IoResult(IoOperation.READ, request.lba(), blocks));
    }

    private HalResult<IoResult> write(IoRequest request) throws IOException {
        long blocks = request.length() / config.blockSize();
        if (zones == null) {
            if (request.operation() == IoOperation.ZONE_APPEND) {
                return notZoned(request.operation());
            }
            HalResult<Void> written = writeAt(request.lba(), request);
            if (written.isErr()) {
                return HalResult.err(written.errorOrNull());
            }
            if (discards != null) {
                discards.written(request.lba(), blocks);
                if (request.fua()) {
                    discards.persist();
                }
            }
            return HalResult.ok(new IoResult(IoOperation.WRITE, request.lba(), blocks));
        }
        HalResult<IoResult> written = zones.write(request, blocks, zoneWriter);
        if (written.isOk() && request.fua()) {
            HalResult<Void> forced = zones.force();
            if (forced.isErr()) {
                return HalResult.err(forced.errorOrNull());
            }
        }
        return written;
    }

    /** Writes the request's data at {@code lba}, forced when the request asks for FUA. */
    private HalResult<Void> writeAt(long lba, IoRequest request) {
        long offset = lba * config.blockSize();
        try {
            medium.write(offset, request.buffer().duplicate());
            if (request.fua()) {
                medium.force(offset, request.length());
            }
            return HalResult.ok();
        } catch (IOException e) {
            return HalResult.err(ioError(request.operation(), lba, e));
        }
    }

    /** Writes zeros to blocks {@code [lba, lba + blocks)}, a transfer at a time, and forces them. */
    private HalResult<Void> zeroFill(long lba, long blocks) {
        long offset = lba * config.blockSize();
        long length = blocks * config.blockSize();
        ByteBuffer zeros = ByteBuffer.allocateDirect((int) Math.min(length, config.maxTransferBytes()));
        try {
            for (long done = 0; done < length; done += zeros.capacity()) {
                medium.write(offset + done, zeros.clear().limit((int) Math.min(zeros.capacity(), length - done)));
            }
            medium.force(offset, length);
            return HalResult.ok();
        } catch (IOException e) {
            return HalResult.err(ioError(IoOperation.ZONE_FINISH, lba, e));
        }
    }

    private HalResult<IoResult> flush() throws IOException {
        medium.force(0, caps.capacityBytes());
        if (discards != null) {
            discards.persist();
        }
        HalResult<Void> zonesForced = zones == null ? HalResult.ok() : zones.force();
        return zonesForced.map(ok -> new IoResult(IoOperation.FLUSH, 0, 0));
    }

    private HalResult<IoResult> discard(IoRequest request) throws IOException {
        if (discards == null) {
            return HalResult.err(HalError.unsupportedCapability("device " + config.name() + " (" + config.kind()
                    + ") does not discard" + (zones != null ? "; reset the zone instead" : "")));
        }
        discards.discard(request.lba(), request.blocks());
        return HalResult.ok(new IoResult(IoOperation.DISCARD, request.lba(), request.blocks()));
    }

    HalResult<List<ZoneInfo>> reportZones() {
        return zoned().map(ZoneTable::report);
    }

    HalResult<ZoneInfo> allocateZone(Optional<GpuRange> preferred) {
        return zoned().flatMap(table -> table.allocate(preferred));
    }

    /** Forces bytes {@code [offset, offset + length)} of an NVM device's mapping. */
    HalResult<Void> persist(long offset, long length) {
        return mapped().flatMap(mapped -> {
            if (offset < 0 || length <= 0 || offset > caps.capacityBytes() - length) {
                return HalResult.err(new HalError(ErrorCategory.INVALID_PARAMETER, StorageErrors.NVM_OUT_OF_RANGE,
                        "persist of "
                        + length + " bytes at offset " + offset + " does not fit the device's "
                        + caps.capacityBytes() + " bytes"));
            }
            mapped.force(offset, length);
            return HalResult.ok();
        });
    }

    HalResult<ByteBuffer> mapping() {
        return mapped().map(MappedMedium::view);
    }

    private HalResult<MappedMedium> mapped() {
        return medium instanceof MappedMedium mapped ? HalResult.ok(mapped)
                : HalResult.err(HalError.unsupportedCapability("device " + config.name() + " (" + config.kind()
                        + ") is not NVM: it has no mapping to persist"));
    }

    private HalResult<ZoneTable> zoned() {
        return zones != null ? HalResult.ok(zones) : notZoned("zone operations");
    }

    private <T> HalResult<T> notZoned(Object what) {
        return HalResult.err(new HalError(ErrorCategory.UNSUPPORTED_CAPABILITY, StorageErrors.NOT_ZONED, what
                + " need a zoned device; " + config.name() + " is " + config.kind()));
    }

    private static HalError ioError(IoOperation operation, long lba, IOException e) {
        return new HalError(ErrorCategory.IO_ERROR, StorageErrors.IO_FAILED, operation + " at LBA " + lba
                + " failed: " + e);
    }

    @Override
    public void close() throws IOException {
        try (Medium closingMedium = medium) {
            if (zones != null) {
                zones.close();
            }
            if (discards != null) {
                discards.close();
            }
        }
    }
}
