package flight.hal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional SPI of a driver that hands out objects by handle (allocations, buffers, render targets): it lets the
 * registry keep those objects alive across a hot swap.
 *
 * <p>When the registry moves away from such a driver while it still {@linkplain #liveObjects() holds objects}, it
 * offers them to the successor: it stops routing calls to this driver, calls {@link #exportObjects()}, and hands the
 * result to the successor's {@link #adoptObjects}. When the successor adopts them, objects keep their handles and
 * contents and this driver is told {@link #exportCompleted()} and shut down. When the successor refuses, this driver
 * keeps serving calls on its objects as a {@code RETIRING} driver and is shut down when the last one is released. Its
 * handles must come from {@link #handles()}, so that the registry can route a call on an object to its owner.
 *
 * <p>Every method is called by the registry while no other call is in flight on this driver, except
 * {@link #liveObjects()}, which may be called at any time.
 *
 * @param <S> what the driver's objects are exported as: {@link flight.hal.memory.MemoryHandOver} for memory
 *            drivers, {@link flight.hal.graphics.GraphicsHandOver} for graphics drivers
 *
 * @since 1.1
 */
@ConsumerType
public interface ObjectOwner<S> {

    /** The issuer of this driver instance's handles. Never null. */
    HandleIssuer handles();

    /** What this driver holds for its clients right now. Never null. */
    LiveObjects liveObjects();

    /**
     * Every live object, as the successor needs it to take them over; this driver keeps them until
     * {@link #exportCompleted()}. An error when they cannot be exported: the driver then keeps serving them.
     */
    HalResult<S> exportObjects();

    /**
     * Takes over a predecessor's objects, all or none: on success their handles (which {@code from} issued or
     * adopted) name them in this driver and their memory and contents are the same; on error nothing was adopted and
     * nothing changed. Refuse, with an error that says why, what this driver cannot hold (its capacity, formats, sizes).
     *
     * @param objects what the predecessor exported
     * @param from    the predecessor's issuer, to be {@linkplain HandleIssuer#adopt adopted}
     * @return what was adopted
     */
    HalResult<LiveObjects> adoptObjects(S objects, HandleIssuer from);

    /** The successor adopted what {@link #exportObjects()} returned: forget those objects without freeing them. */
    void exportCompleted();

    /** Forced retirement: release every live object now (their handles become invalid) and say what was dropped. */
    LiveObjects dropObjects();
}
