package flight.hal.defaults.internal;

import java.io.IOException;
import java.util.Set;

/** Where defaults go, and the record of those applied: Config Admin in the runtime, a map in the tests. */
interface ConfigurationStore {

    /** The ids of the defaults applied so far in this framework storage. */
    Set<String> applied() throws IOException;

    /** Replaces the record of the applied defaults. */
    void recordApplied(Set<String> ids) throws IOException;

    /** Whether a configuration with the default's id (its PID) exists, made by anybody. */
    boolean exists(DefaultConfiguration configuration) throws IOException;

    /** Creates the configuration with the default's properties. */
    void create(DefaultConfiguration configuration) throws IOException;
}
