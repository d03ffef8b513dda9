/** The HAL's Aries RSA distribution provider (config type {@code flight.hal}); private to this bundle. */
package flight.hal.remote.internal;
