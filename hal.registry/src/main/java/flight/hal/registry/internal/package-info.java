/**
 * The driver registry behind {@link flight.hal.registry.HalRegistry}: driver tracking, selection per interface
 * and per role on a serial worker, leases and their striped counters, activations and hand-over, pins and
 * settings, the Event Admin bridge and the {@code hal:} shell commands.
 *
 * <p>Private to the registry bundle; its jcstress tests and JMH benchmark live beside it, in the test sources.
 */
package flight.hal.registry.internal;
