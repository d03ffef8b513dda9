/**
 * A memory driver over a fixed off-heap region cut into partitions, for platform profiles, and what every memory
 * driver shares: the checks of adopting another driver's allocations and reallocation with undo.
 *
 * <p>A partition is a typed part of a platform's memory (main RAM, a scratch area, the Media Engine's RAM) from which
 * blocks of any size are cut first fit. It is not a pool: in the HAL API a pool ({@code flight.hal.resources}) is a set
 * of fixed-size blocks. 2.0 renamed what 1.x called pools ({@code PooledMemoryDriver}, {@code PoolSpec},
 * {@code MemoryLayout.pools()}) for what they are.
 */
@Export
@Version("2.0.0")
package flight.hal.driver.support.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
