package flight.hal.driver.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.RegisterHalDriver;
import flight.hal.driver.support.DriverBase;
import flight.hal.driver.support.PlatformProfile;
import flight.hal.platform.GpuBinding;
import flight.hal.platform.GpuRange;
import flight.hal.platform.GpuTopology;

/**
 * The GPU topology from configuration (PID {@value #PID}): {@code gpus} lists entries {@code id:weight:lbaStart:lbaLength}.
 * Without entries, the GPUs the kernel shows under {@code /sys/class/drm/card<N>} are listed with weight 1 and equal
 * shares of {@code detected.lba.span} blocks (0 by default: no ranges, so no bias). Bindings are per thread; the
 * component is immediate, so they live as long as the bundle, not only while someone holds the service. Ranked low
 * (0): a vendor's topology driver, where one exists, wins the selection.
 */
@Designate(ocd = GpuTopologyMetatype.class)
@Component(service = GpuTopology.class, configurationPid = ConfiguredGpuTopology.PID, immediate = true)
@RegisterHalDriver(hal_interface = GpuTopology.class, hal_driver_name = ConfiguredGpuTopology.NAME)
public class ConfiguredGpuTopology extends DriverBase<List<GpuRange>> implements GpuTopology {
    static final String PID = "flight.hal.gpu.topology";
    static final String NAME = "host.gpu.topology";
    static final String GPUS = "gpus";
    static final String DRM_ROOT = "drm.root";
    static final String DETECTED_SPAN = "detected.lba.span";
    private static final Pattern CARD = Pattern.compile("card(\\d+)");
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredGpuTopology.class);

    /** Per thread, its open bindings, innermost last; absent while the thread has none. */
    private final ThreadLocal<Deque<Binding>> bound = new ThreadLocal<>();
    private final PlatformProfile platform = HostProfile.current();
    private volatile List<GpuRange> ranges = List.of();

    public ConfiguredGpuTopology() {
        super(NAME);
    }

    @Override
    protected PlatformProfile platform() {
        return platform;
    }

    /** Nothing to acquire: the ranges are read from configuration, and bindings are the calling threads'. */
    @Override
    protected HalResult<List<GpuRange>> open() {
        return HalResult.ok(ranges);
    }

    @Override
    protected void close(List<GpuRange> closing) {
        // nothing was acquired
    }

    /** The ranking (the base's) and the ranges: a Config Admin change modifies the component. */
    @Override
    @Activate
    @Modified
    protected void configure(Map<String, Object> properties) {
        super.configure(properties);
        List<GpuRange> configured = parse(properties.get(GPUS));
        if (configured.isEmpty()) {
            Object drm = properties.get(DRM_ROOT);
            configured = detect(Path.of(drm == null ? "/sys/class/drm" : String.valueOf(drm)),
                    span(properties.get(DETECTED_SPAN)));
        }
        ranges = configured.stream().sorted(Comparator.comparingInt(GpuRange::gpuId)).toList();
        LOG.debug("GPU topology: {}", ranges);
    }

    private static long span(Object value) {
        try {
            long span = value == null ? 0 : Long.parseLong(String.valueOf(value).trim());
            if (span >= 0) {
                return span;
            }
        } catch (NumberFormatException e) {
            LOG.debug("{} is not a number", value, e);
        }
        LOG.warn("ignoring {}={}: expected a non-negative number of blocks", DETECTED_SPAN, value);
        return 0;
    }

    private static List<GpuRange> parse(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> entries = value instanceof Object[] array ? Arrays.stream(array).map(String::valueOf).toList()
                : Arrays.asList(String.valueOf(value).split(","));
        List<GpuRange> parsed = new ArrayList<>();
        for (String entry : entries) {
            String[] fields = entry.trim().split(":");
            try {
                if (fields.length != 4) {
                    throw new NumberFormatException("4 fields expected");
                }
                GpuRange range = new GpuRange(Integer.parseInt(fields[0].trim()), Integer.parseInt(fields[1].trim()),
                        Long.parseLong(fields[2].trim()), Long.parseLong(fields[3].trim()));
                if (range.gpuId() < 0 || range.weight() < 0 || range.lbaStart() < 0 || range.lbaLength() < 0) {
                    throw new NumberFormatException("negative value");
                }
                if (range.lbaLength() > Long.MAX_VALUE - range.lbaStart()) {
                    throw new NumberFormatException("the range ends past LBA " + Long.MAX_VALUE);
                }
                if (parsed.stream().anyMatch(other -> other.gpuId() == range.gpuId())) {
                    throw new NumberFormatException("GPU " + range.gpuId() + " is listed already");
                }
                parsed.add(range);
            } catch (NumberFormatException e) {
                LOG.warn("ignoring GPU topology entry '{}': expected id:weight:lbaStart:lbaLength, non-negative ({})",
                        entry, e.getMessage());
            }
        }
        return parsed;
    }

    /** GPUs found as {@code card<N>} under {@code drm}, sharing {@code span} blocks equally. */
    static List<GpuRange> detect(Path drm, long span) {
        List<Integer> cards;
        try (Stream<Path> entries = Files.list(drm)) {
            cards = entries.map(path -> CARD.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches).map(card -> Integer.parseInt(card.group(1))).sorted().toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        long share = cards.isEmpty() ? 0 : span / cards.size();
        List<GpuRange> detected = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            detected.add(new GpuRange(cards.get(i), 1, i * share, share));
        }
        return detected;
    }

    @Override
    public List<GpuRange> ranges() {
        return ranges;
    }

    @Override
    public HalResult<GpuBinding> bind(int gpuId) {
        if (ranges.stream().noneMatch(range -> range.gpuId() == gpuId)) {
            return HalResult.err(HalError.notFound("GPU " + gpuId + " is not in the topology: "
                    + ranges.stream().map(GpuRange::gpuId).toList()));
        }
        Deque<Binding> bindings = bound.get();
        if (bindings == null) {
            bindings = new ArrayDeque<>();
            bound.set(bindings);
        }
        Binding binding = new Binding(gpuId, Thread.currentThread(), bindings);
        bindings.addLast(binding);
        return HalResult.ok(binding);
    }

    /** A binding of its thread, in that thread's stack of bindings until closed. */
    private final class Binding implements GpuBinding {
        private final int gpuId;
        private final Thread owner;
        private final Deque<Binding> bindings;

        Binding(int gpuId, Thread owner, Deque<Binding> bindings) {
            this.gpuId = gpuId;
            this.owner = owner;
            this.bindings = bindings;
        }

        @Override
        public int gpuId() {
            return gpuId;
        }

        /** Leaves the stack wherever it is, so an outer binding closed first never comes back in force. */
        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a GPU binding must be closed by the thread that made it");
            }
            if (bindings.removeLastOccurrence(this) && bindings.isEmpty()) {
                bound.remove();
            }
        }
    }

    @Override
    public OptionalInt callingGpu() {
        Deque<Binding> bindings = bound.get();
        return bindings == null || bindings.isEmpty() ? OptionalInt.empty() : OptionalInt.of(bindings.getLast().gpuId);
    }
}
