/**
 * The first-start defaults: the runtime's default configurations ({@code defaults/*.config} in this bundle),
 * handed to Config Admin once per framework storage, and the record of which were applied (PID
 * {@code flight.hal.defaults}).
 *
 * <p>Private to the defaults bundle.
 */
package flight.hal.defaults.internal;
