/**
 * The Flight HAL pages of the Felix Web Console (Drivers, Resources, Devices: DS components registering jakarta
 * servlets the console frames) with their renderers and models, and the console's credentials: generated on first
 * start, stored hashed in the console's configuration. Private: nothing here is API.
 */
package flight.hal.console.internal;
