package flight.hal.driver.support;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

import flight.hal.HalCapability;
import flight.hal.HalDriver;
import flight.hal.HalError;
import flight.hal.HalResult;
import flight.hal.HandleIssuer;
import flight.hal.PerformanceTier;
import flight.hal.PlatformInfo;

/**
 * Identity, lifecycle and component wiring shared by the drivers built on this library: the name, and the driver's
 * state, which {@link #initialize()} opens, {@link #shutdown()} (or deactivation of the component) closes, and every
 * call needs, with the issuer of the handles that state hands out.
 *
 * <p>The component lifecycle is declared here and only here: driver bundles build their components' metadata with
 * bnd's {@code -dsannotations-options: inherit}, so {@link #configure(Map)} is every driver's activate and modified
 * method and {@link #deactivate()} its deactivate method. A subclass that reads properties overrides
 * {@link #configure(Map)} without annotating it again. The priority is the registration's {@code service.ranking}
 * ({@code @RegisterHalDriver}); the driver does not read it.
 *
 * @param <S> what one initialization holds: a memory region, graphics objects, worker threads
 */
public abstract class DriverBase<S> implements HalDriver {
    private static final String VERSION = "1.0.0";

    private final String name;
    private volatile S state;
    /** Issues the handles of each initialization's objects. */
    private final InitializationIssuer handles;

    protected DriverBase(String name) {
        this.name = name;
        this.handles = new InitializationIssuer(name);
    }

    /**
     * Reads the component properties; nothing here, subclasses with properties override it. Also the modified
     * method, so that a Config Admin change (a new ranking, a limit) changes the registration in place instead of
     * re-activating the component, which would shut the driver down and lose its objects.
     */
    @Activate
    @Modified
    protected void configure(Map<String, Object> properties) {
        // no properties of its own
    }

    @Deactivate
    protected void deactivate() {
        shutdown();
    }

    /** The platform this driver runs on or emulates. */
    protected abstract PlatformProfile platform();

    /** Acquires what one initialization holds, or says why it cannot. */
    protected abstract HalResult<S> open();

    /** Releases what {@link #open()} acquired. */
    protected abstract void close(S closing);

    @Override
    public final synchronized HalResult<Void> initialize() {
        if (state == null) {
            HalResult<S> opened = open();
            if (opened.isErr()) {
                return HalResult.err(opened.errorOrNull());
            }
            handles.beginInitialization();
            state = opened.valueOrNull();
        }
        return HalResult.ok();
    }

    @Override
    public final synchronized HalResult<Void> shutdown() {
        S closing = state;
        state = null;
        if (closing != null) {
            close(closing);
        }
        return HalResult.ok();
    }

    @Override
    public final boolean isActive() {
        return state != null;
    }

    /** The current initialization's state, or null while not initialized. */
    protected final S current() {
        return state;
    }

    /** The current initialization's state, or the error of a call made while not initialized. */
    protected final HalResult<S> state() {
        S current = state;
        return current != null ? HalResult.ok(current)
                : HalResult.err(HalError.invalidState("driver " + name + " is not initialized"));
    }

    /**
     * The issuer of the handles of this initialization's objects: a new one per initialization, so that handles of an
     * earlier one are foreign. After shutdown the last initialization's; never null.
     */
    public final HandleIssuer handles() {
        return handles.current();
    }

    /** The error for a handle that names no live object of this driver: null, another driver's, or released. */
    protected final <T> HalResult<T> refuse(long handle, String verb) {
        return HalResult.err(handles().refuse(handle, verb));
    }

    /** An {@code INVALID_PARAMETER} error whose message starts with the driver's name. */
    protected final <T> HalResult<T> invalid(String message) {
        return HalResult.err(HalError.invalidParameter(name + ": " + message));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Set<HalCapability> capabilities() {
        return platform().capabilities();
    }

    @Override
    public PerformanceTier performanceTier() {
        return platform().tier();
    }

    @Override
    public PlatformInfo platformInfo() {
        return platform().info();
    }
}
