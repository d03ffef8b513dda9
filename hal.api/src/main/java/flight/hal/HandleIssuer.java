package flight.hal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Issues the handles of one driver instance and tells its own handles from everybody else's.
 *
 * <p>A handle is a positive {@code long} whose high bits name the issuer: bits 62..43 hold the issuer's id (1 to
 * 2<sup>20</sup>-1), bits 42..0 a sequence number starting at 1. So a handle can never be mistaken for another
 * driver's, even though every driver numbers its objects from 1, and an error can name the driver that issued it.
 * Handles below 2<sup>43</sup> carry issuer 0: a driver that does not use this class.
 *
 * <p>A driver that takes over another's objects ({@link ObjectOwner#adoptObjects}) {@linkplain #adopt adopts} its
 * issuer: from then on it {@linkplain #owns owns} the predecessor's handles as well as its own.
 *
 * <p>Issuer ids are unique within the framework and never reused; they are drawn from a counter in this bundle, the one
 * place every driver shares, and their driver names are kept (at most 2<sup>20</sup> of them) so that a handle names
 * its issuer for as long as anybody holds it. Instances are thread-safe.
 *
 * @since 1.1
 */
public final class HandleIssuer {
    /** The {@link HalError#code()} of a handle another driver issued: category {@code INVALID_PARAMETER}. */
    public static final String FOREIGN_HANDLE = "foreign_handle";
    /** The largest sequence number of one issuer; {@link #issue()} returns 0 after it. */
    public static final long MAX_SEQUENCE = (1L << 43) - 1;
    /** The largest issuer id. */
    public static final int MAX_ISSUER = (1 << 20) - 1;

    private static final int SEQUENCE_BITS = 43;
    private static final int NAME_CHUNK = 1024;
    private static final AtomicInteger LAST_ISSUER = new AtomicInteger();
    /** Driver names by issuer id, in chunks made on first use so the table costs nothing until issuers exist. */
    private static final AtomicReferenceArray<AtomicReferenceArray<String>> NAMES =
            new AtomicReferenceArray<>((MAX_ISSUER + 1) / NAME_CHUNK);

    private final int id;
    private final String driverName;
    private final AtomicLong lastSequence = new AtomicLong();
    /** Ids of the issuers whose objects this one adopted, sorted; replaced whole on adoption. */
    private volatile int[] adopted = new int[0];

    private HandleIssuer(int id, String driverName) {
        this.id = id;
        this.driverName = driverName;
    }

    /**
     * A new issuer for one instance of the driver named {@code driverName}.
     *
     * @throws NullPointerException  when {@code driverName} is null
     * @throws IllegalStateException when the framework has made {@value #MAX_ISSUER} issuers already
     */
    public static HandleIssuer forDriver(String driverName) {
        if (driverName == null) {
            throw new NullPointerException("driverName");
        }
        int id = LAST_ISSUER.incrementAndGet();
        if (id > MAX_ISSUER) {
            LAST_ISSUER.set(MAX_ISSUER);
            throw new IllegalStateException("all " + MAX_ISSUER + " handle issuers of this framework are in use");
        }
        AtomicReferenceArray<String> chunk = NAMES.get(id / NAME_CHUNK);
        if (chunk == null) {
            NAMES.compareAndSet(id / NAME_CHUNK, null, new AtomicReferenceArray<>(NAME_CHUNK));
            chunk = NAMES.get(id / NAME_CHUNK);
        }
        chunk.set(id % NAME_CHUNK, driverName);
        return new HandleIssuer(id, driverName);
    }

    /** The issuer id in {@code handle}'s high bits; 0 for a handle no {@code HandleIssuer} made (or 0 itself). */
    public static int issuerOf(long handle) {
        return handle <= 0 ? 0 : (int) (handle >>> SEQUENCE_BITS);
    }

    /** The name of the driver that issued {@code handle}, or {@code "an unknown driver"}. */
    public static String issuerName(long handle) {
        int issuer = issuerOf(handle);
        AtomicReferenceArray<String> chunk = issuer == 0 ? null : NAMES.get(issuer / NAME_CHUNK);
        String name = chunk == null ? null : chunk.get(issuer % NAME_CHUNK);
        return name == null ? "an unknown driver" : name + "#" + issuer;
    }

    /** This issuer's id, unique within the framework. */
    public int id() {
        return id;
    }

    /** The driver this issuer belongs to. */
    public String driverName() {
        return driverName;
    }

    /** A new handle, never issued before and never 0; 0 once {@value #MAX_SEQUENCE} handles have been issued. */
    public long issue() {
        long sequence = lastSequence.incrementAndGet();
        return sequence > MAX_SEQUENCE ? 0 : ((long) id << SEQUENCE_BITS) | sequence;
    }

    /** Whether this issuer made {@code handle}. */
    public boolean issued(long handle) {
        return handle > 0 && issuerOf(handle) == id;
    }

    /** Whether {@code handle} is this driver's to act on: issued by it, or by an issuer it adopted. */
    public boolean owns(long handle) {
        if (issued(handle)) {
            return true;
        }
        int issuer = issuerOf(handle);
        return issuer != 0 && Arrays.binarySearch(adopted, issuer) >= 0;
    }

    /**
     * Takes over the handles of {@code predecessor} and of every issuer it had adopted, after this driver adopted its
     * objects.
     *
     * @throws NullPointerException when {@code predecessor} is null
     */
    public synchronized void adopt(HandleIssuer predecessor) {
        int[] theirs = predecessor.adopted;
        int[] merged = Arrays.copyOf(adopted, adopted.length + theirs.length + 1);
        System.arraycopy(theirs, 0, merged, adopted.length, theirs.length);
        merged[merged.length - 1] = predecessor.id;
        adopted = Arrays.stream(merged).filter(issuer -> issuer != id).distinct().sorted().toArray();
    }

    /**
     * The error for a call on {@code handle} that names no live object of this driver: {@code INVALID_PARAMETER} for
     * the null handle, {@code INVALID_PARAMETER}/{@value #FOREIGN_HANDLE} naming both drivers for a handle another
     * driver issued, {@code NOT_FOUND} for one of its own that was released.
     *
     * @param verb what the call would have done, e.g. {@code "release"}
     */
    public HalError refuse(long handle, String verb) {
        if (handle == 0) {
            return HalError.invalidParameter(driverName + ": cannot " + verb + " the null handle");
        }
        if (!owns(handle)) {
            return new HalError(ErrorCategory.INVALID_PARAMETER, FOREIGN_HANDLE, driverName + "#" + id
                    + ": cannot " + verb + " handle " + handle + ": it was issued by " + issuerName(handle)
                    + ", not by this driver; nothing was changed");
        }
        return HalError.notFound(driverName + ": cannot " + verb + " handle " + handle
                + ": it was already released");
    }

    @Override
    public String toString() {
        return driverName + "#" + id;
    }
}
