/**
 * The HAL's MBeans: one per HAL interface, budget, pool and block device under the {@code flight.hal:} domain of the
 * platform MBean server, kept in line with the HAL by {@link flight.hal.jmx.internal.HalMBeanPublisher}.
 *
 * <p>Private to the JMX bundle. The MXBean interfaces are public because the MBean server introspects them.
 */
package flight.hal.jmx.internal;
