/** The driver's implementation: private to the bundle, registered as a DS component. */
package ${package}.internal;
