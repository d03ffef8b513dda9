/** The fault-injecting memory driver. */
package flight.hal.testing.internal;
