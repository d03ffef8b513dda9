package flight.hal.resources.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import flight.hal.resources.Reclaimer;
import flight.hal.resources.ResourceType;

/** The reclaimer whiteboard, highest {@code service.ranking} first (then lowest {@code service.id}). */
final class Reclaimers {
    private static final Logger LOG = LoggerFactory.getLogger(Reclaimers.class);

    private record Entry(Reclaimer reclaimer, int ranking, long serviceId, TypeFilter filter) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    /** Replaced whole on every change, so a reclamation iterates a stable list without locking. */
    private volatile List<Entry> entries = List.of();

    synchronized void add(Reclaimer reclaimer, Map<String, ?> properties) {
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
        long serviceId = properties.get(Constants.SERVICE_ID) instanceof Long value ? value : Long.MAX_VALUE;
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(reclaimer, ranking, serviceId, TypeFilter.of(properties)));
        next.sort(ORDER);
        entries = List.copyOf(next);
    }

    synchronized void remove(Reclaimer reclaimer) {
        entries = entries.stream().filter(entry -> entry.reclaimer() != reclaimer).toList();
    }

    /**
     * Asks the reclaimers of {@code type}, in order, until {@code missingBytes} are freed.
     *
     * @return the bytes they report freed
     */
    long reclaim(ResourceType type, long missingBytes) {
        long freed = 0;
        for (Entry entry : entries) {
            if (freed >= missingBytes) {
                break;
            }
            if (entry.filter().accepts(type)) {
                try {
                    long reported = entry.reclaimer().reclaim(type, missingBytes - freed);
                    freed = ByteSums.saturatedSum(freed, Math.max(0, reported));
                } catch (RuntimeException e) {
                    LOG.warn("reclaimer {} threw when asked for {} bytes of {}", entry.reclaimer(),
                            missingBytes - freed, type, e);
                }
            }
        }
        return freed;
    }
}
