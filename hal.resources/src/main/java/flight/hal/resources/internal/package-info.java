/**
 * The resource manager behind {@link flight.hal.resources.ResourceManager}: the ledger of budgets per type and
 * per bundle (lock-free counters), pressure and reclamation, block pools and their free lists, sharing, leak
 * tracking and the {@code hal:resources}/{@code hal:pools} commands.
 *
 * <p>Private to the resources bundle; its jcstress tests and JMH benchmarks live beside it, in the test sources.
 */
package flight.hal.resources.internal;
