package flight.hal;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The driver pattern every HAL driver follows: identity, lifecycle, and what it can do.
 *
 * <p>A driver is an OSGi service registered under its HAL interface (a sub-interface of this one) with the properties
 * {@value #INTERFACE_PROPERTY} (the interface's class name), {@value #NAME_PROPERTY} and {@code service.ranking} (its
 * priority); {@link RegisterHalDriver} sets all three. The registration is the one source of a driver's priority: the
 * registry orders drivers by their {@code service.ranking} alone, which Config Admin may change at run time, so the
 * driver object has no priority of its own (a {@code priority()} method was removed in 2.0). The registry selects the
 * best available driver per interface, calls {@link #initialize()} before routing calls to it and {@link #shutdown()}
 * when it moves away from it.
 */
@ProviderType
public interface HalDriver {

    /** Service property: the class name of the HAL interface a driver implements. */
    String INTERFACE_PROPERTY = "hal.interface";
    /** Service property: the driver's name, unique per interface. */
    String NAME_PROPERTY = "hal.driver.name";
    /** Service property set on the registry's republication of the selected driver of an interface. */
    String SELECTED_PROPERTY = "hal.selected";

    /** The driver's name, as in its {@value #NAME_PROPERTY} property. */
    String name();

    /** The driver's version, e.g. {@code "1.0.0"}. */
    String version();

    /** Brings the driver up; called by the registry before any other call is routed to it. */
    HalResult<Void> initialize();

    /** Releases what {@link #initialize()} acquired; called when the registry moves away from this driver. */
    HalResult<Void> shutdown();

    /** {@code true} between a successful {@link #initialize()} and {@link #shutdown()}. */
    boolean isActive();

    /** {@code true} when the hardware or platform this driver needs is present and usable now. */
    boolean isAvailable();

    /** What this driver can do. */
    Set<HalCapability> capabilities();

    /** Whether this driver has {@code capability}. */
    default boolean supports(HalCapability capability) {
        return capabilities().contains(capability);
    }

    /** {@link #capabilities()} as a bit mask ({@link HalCapability#bit()}). */
    default long capabilityMask() {
        return HalCapability.maskOf(capabilities());
    }

    /** The platform's performance tier. */
    PerformanceTier performanceTier();

    /** What the driver knows of its platform. */
    PlatformInfo platformInfo();
}
