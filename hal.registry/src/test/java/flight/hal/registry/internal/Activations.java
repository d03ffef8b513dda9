package flight.hal.registry.internal;


/** Registry activations for the lease tests, with no OSGi around them. */
final class Activations {
    private Activations() {
    }

    /**
     * An activation of a driverless candidate: leasing reads only the activation's own state (the candidate's service
     * reference and driver matter to selection, not to leases).
     */
    static Activation of(Runnable retiringReleased) {
        return new Activation(new Candidate("stress.Driver", null, null), null, retiringReleased);
    }
}
