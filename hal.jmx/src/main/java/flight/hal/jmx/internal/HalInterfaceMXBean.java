package flight.hal.jmx.internal;

/** A HAL interface's selection: {@code flight.hal:type=Interface,name=<interface class name>}. */
public interface HalInterfaceMXBean {

    /** The interface's class name. */
    String getInterfaceName();

    /** The selected driver's name; empty when none is (always for a non-exclusive interface such as storage). */
    String getSelectedDriver();

    /** The driver the interface is pinned to; empty when it is not pinned. */
    String getPinnedDriver();

    /** Why the selection is what it is when that is not plain ranking; else empty. */
    String getNote();

    /** Every candidate in selection order. */
    CandidateInfo[] getCandidates();

    /**
     * Pins the interface to {@code driverName}: it is selected whenever it is available, whatever its rank.
     *
     * @return what was done, or {@code error: } and the registry's error (a blank name, say); never throws for those
     */
    String pin(String driverName);

    /**
     * Removes the pin, so the best-ranked available driver is selected again.
     *
     * @return what was done, or {@code error: } and the registry's error (not pinned)
     */
    String unpin();
}
