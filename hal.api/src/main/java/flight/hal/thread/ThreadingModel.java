package flight.hal.thread;

/** How a platform runs work in parallel. */
public enum ThreadingModel {
    /** One processor, no threads: tasks run one after another (Dreamcast). */
    SINGLE_THREAD,
    /** Two cores: a main processor and a second one for offloaded work (PSP main CPU and Media Engine). */
    DUAL_CORE,
    /** A pool of equal workers (desktop thread pools, browser web workers). */
    WORKER_POOL
}
