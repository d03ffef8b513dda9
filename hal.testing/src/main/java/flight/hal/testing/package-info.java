/**
 * Testing with the HAL runtime in Pax Exam: {@link flight.hal.testing.HalRuntime} provisions it,
 * {@link flight.hal.testing.HalHarness} waits for selections, swaps and pins drivers, injects faults and asserts
 * compliance, {@link flight.hal.testing.ComplianceRunner} runs the compliance kit on a bundle jar as a build step.
 */
@Export
@Version("1.0.0")
package flight.hal.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
