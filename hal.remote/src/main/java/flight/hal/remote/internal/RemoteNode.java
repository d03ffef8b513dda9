package flight.hal.remote.internal;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import flight.hal.ErrorCategory;
import flight.hal.HalCapability;
import flight.hal.HalError;
import flight.hal.PerformanceTier;
import flight.hal.LiveObjects;
import flight.hal.PlatformInfo;
import flight.hal.registry.DriverDescription;
import flight.hal.registry.DriverState;
import flight.hal.registry.InterfaceStatus;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;
import flight.hal.storage.DeviceFeature;
import flight.hal.storage.DeviceStats;
import flight.hal.storage.IoOperation;
import flight.hal.storage.IoRequest;
import flight.hal.storage.ZoneInfo;
import flight.hal.storage.ZoneState;

/**
 * The wire form of a node: what a node exports through the HAL provider and the controller imports. It answers the
 * controller's heartbeat, shows the node's registry and serves its block devices. {@link BlockDevice} itself cannot
 * cross the wire (it carries {@code ByteBuffer}s and {@code CompletionStage}s), so this private interface names a device
 * per call and moves data as {@code byte[]}; every argument and reply is a Serializable record of plain values and
 * enums. Errors travel as {@link Failure}s (category, code, message), so the controller returns exactly the error the
 * node's device gave.
 */
public interface RemoteNode {
    /** The node's answer to the controller's heartbeat: its name and the key of its device list now. */
    Heartbeat heartbeat();

    /** Every block device of the node, with its geometry and ranking. */
    List<Device> devices();

    /** The node's registry: every interface with its candidates, or a failure when the node runs no registry. */
    InterfacesReply interfaces();

    /** Runs {@code call} on the node's device {@code device}. */
    IoReply io(String device, IoCall call);

    /** {@link BlockDevice#reportZones()} of the device. */
    ZonesReply reportZones(String device);

    /** {@link BlockDevice#allocateZone()} of the device: its one zone in the reply. */
    ZonesReply allocateZone(String device);

    /** The device's counters; {@code null} stats with a failure when there is no such device. */
    StatsReply stats(String device);

    /** A {@link HalError} on the wire. */
    record Failure(ErrorCategory category, String code, String message) implements Serializable {
        static Failure of(HalError error) {
            return new Failure(error.category(), error.code(), error.message());
        }

        HalError toError() {
            return new HalError(category, code, message);
        }
    }

    /** A {@link PlatformInfo} on the wire. */
    record Platform(String platformName, String architecture, String osVersion, long machineMemoryBytes,
                    int memoryAlignment, long maxAllocationSize, int cpuCores, long pageSize) implements Serializable {
        static Platform of(PlatformInfo info) {
            return new Platform(info.platformName(), info.architecture(), info.osVersion(), info.machineMemoryBytes(),
                    info.memoryAlignment(), info.maxAllocationSize(), info.cpuCores(), info.pageSize());
        }

        PlatformInfo toPlatformInfo() {
            return new PlatformInfo(platformName, architecture, osVersion, machineMemoryBytes, memoryAlignment,
                    maxAllocationSize, cpuCores, pageSize);
        }
    }

    /** A {@link DeviceCapabilities} on the wire. */
    record Geometry(int logicalBlockSize, int physicalBlockSize, long capacityBlocks, int maxTransferBytes,
                    long zoneSizeBlocks, long zoneCapacityBlocks, int zoneCount, int queueDepth,
                    Set<DeviceFeature> features) implements Serializable {
        static Geometry of(DeviceCapabilities caps) {
            return new Geometry(caps.logicalBlockSize(), caps.physicalBlockSize(), caps.capacityBlocks(),
                    caps.maxTransferBytes(), caps.zoneSizeBlocks(), caps.zoneCapacityBlocks(), caps.zoneCount(),
                    caps.queueDepth(), copy(caps.features(), DeviceFeature.class));
        }

        DeviceCapabilities toCapabilities(Set<DeviceFeature> withoutFeatures) {
            Set<DeviceFeature> kept = copy(features, DeviceFeature.class);
            kept.removeAll(withoutFeatures);
            return new DeviceCapabilities(logicalBlockSize, physicalBlockSize, capacityBlocks, maxTransferBytes,
                    zoneSizeBlocks, zoneCapacityBlocks, zoneCount, queueDepth, kept);
        }
    }

    /** One device of the node as the node sees it, with its {@code service.ranking} there. */
    record Device(String name, String version, int ranking, boolean available, Set<HalCapability> capabilities,
                  PerformanceTier tier, Platform platform, Geometry geometry) implements Serializable {
        static Device of(BlockDevice device, int ranking) {
            return new Device(device.name(), device.version(), ranking, device.isAvailable(),
                    copy(device.capabilities(), HalCapability.class), device.performanceTier(),
                    Platform.of(device.platformInfo()), Geometry.of(device.deviceCapabilities()));
        }
    }

    /**
     * A heartbeat's answer: the node's name and a key of its devices (names, rankings, availability), cheap to make;
     * when the key changes, the controller asks for {@link #devices()} again, so it follows devices coming and going.
     */
    record Heartbeat(String node, String devicesKey) implements Serializable {
    }

    /** A {@link DriverDescription} on the wire, without the platform and the live objects. */
    record NodeDriver(String interfaceName, String name, String version, String bundle, long bundleId,
                      long serviceId, int ranking, DriverState state, Failure failure,
                      Set<HalCapability> capabilities, PerformanceTier tier) implements Serializable {
        static NodeDriver of(DriverDescription driver) {
            return new NodeDriver(driver.interfaceName(), driver.name(), driver.version(),
                    driver.bundleSymbolicName(), driver.bundleId(), driver.serviceId(), driver.ranking(),
                    driver.state(), driver.failure() == null ? null : Failure.of(driver.failure()),
                    copy(driver.capabilities(), HalCapability.class), driver.performanceTier());
        }

        DriverDescription toDescription() {
            return new DriverDescription(interfaceName, name, version, bundle, bundleId, serviceId, ranking, state,
                    failure == null ? null : failure.toError(), capabilities, tier, null, LiveObjects.NONE);
        }
    }

    /** An {@link InterfaceStatus} on the wire, without the roles. */
    record NodeInterface(String interfaceName, String selected, String pin, String note,
                         Set<HalCapability> required, List<NodeDriver> candidates) implements Serializable {
        static NodeInterface of(InterfaceStatus status) {
            return new NodeInterface(status.interfaceName(), status.selected(), status.pin(), status.note(),
                    copy(status.required(), HalCapability.class),
                    status.candidates().stream().map(NodeDriver::of).toList());
        }

        InterfaceStatus toStatus() {
            return new InterfaceStatus(interfaceName, selected, pin, note, required,
                    candidates.stream().map(NodeDriver::toDescription).toList(), List.of());
        }
    }

    /** The node registry's interfaces, or a failure. */
    record InterfacesReply(List<NodeInterface> interfaces, Failure failure) implements Serializable {
        static InterfacesReply failed(HalError error) {
            return new InterfacesReply(List.of(), Failure.of(error));
        }
    }

    /** What the request's buffer was: the node rebuilds one of the same kind, so its device judges it. */
    enum BufferKind { NONE, WRITABLE, READ_ONLY }

    /**
     * An {@link IoRequest} on the wire: {@code data} holds the bytes to write or append, {@code length} the bytes to
     * read; {@code large} runs it through {@link BlockDevice#transferLarge(IoRequest)}.
     */
    record IoCall(IoOperation operation, long lba, long blocks, byte[] data, int length, BufferKind buffer,
                  boolean fua, boolean large) implements Serializable {
        static IoCall of(IoRequest request, boolean large) {
            ByteBuffer buffer = request.buffer();
            BufferKind kind = buffer == null ? BufferKind.NONE
                    : buffer.isReadOnly() ? BufferKind.READ_ONLY : BufferKind.WRITABLE;
            byte[] data = null;
            if (buffer != null && request.operation() != IoOperation.READ) {
                data = new byte[buffer.remaining()];
                buffer.duplicate().get(data); // the caller's position stays where it was
            }
            return new IoCall(request.operation(), request.lba(), request.blocks(), data, request.length(), kind,
                    request.fua(), large);
        }

        /** The request as the node's device gets it. */
        IoRequest toRequest() {
            ByteBuffer rebuilt = switch (buffer) {
                case NONE -> null;
                case WRITABLE -> data != null ? ByteBuffer.wrap(data) : ByteBuffer.allocate(length);
                case READ_ONLY -> (data != null ? ByteBuffer.wrap(data) : ByteBuffer.allocate(length))
                        .asReadOnlyBuffer();
            };
            return new IoRequest(operation, lba, blocks, rebuilt, fua);
        }
    }

    /** An {@code IoResult} or a failure; {@code data} holds the bytes a successful read returned. */
    record IoReply(IoOperation operation, long lba, long blocks, byte[] data, Failure failure)
            implements Serializable {
        static IoReply failed(HalError error) {
            return new IoReply(null, 0, 0, null, Failure.of(error));
        }
    }

    /** A {@link ZoneInfo} on the wire. */
    record Zone(int index, long startLba, long sizeBlocks, long capacityBlocks, long writePointer, ZoneState state)
            implements Serializable {
        static Zone of(ZoneInfo zone) {
            return new Zone(zone.index(), zone.startLba(), zone.sizeBlocks(), zone.capacityBlocks(),
                    zone.writePointer(), zone.state());
        }

        ZoneInfo toZoneInfo() {
            return new ZoneInfo(index, startLba, sizeBlocks, capacityBlocks, writePointer, state);
        }
    }

    /** Zones or a failure. */
    record ZonesReply(List<Zone> zones, Failure failure) implements Serializable {
        static ZonesReply failed(HalError error) {
            return new ZonesReply(List.of(), Failure.of(error));
        }
    }

    /** {@link DeviceStats} or a failure. */
    record StatsReply(long submitted, long completed, long failed, long rejected, long throttled, long bytesRead,
                      long bytesWritten, Failure failure) implements Serializable {
        static StatsReply of(DeviceStats stats) {
            return new StatsReply(stats.submitted(), stats.completed(), stats.failed(), stats.rejected(),
                    stats.throttled(), stats.bytesRead(), stats.bytesWritten(), null);
        }

        DeviceStats toStats() {
            return new DeviceStats(submitted, completed, failed, rejected, throttled, bytesRead, bytesWritten);
        }
    }

    /** A modifiable, Serializable copy of {@code values} (an {@link EnumSet}). */
    static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
