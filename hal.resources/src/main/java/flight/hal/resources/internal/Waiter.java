package flight.hal.resources.internal;

import flight.hal.resources.ResourcePriority;

/** An acquisition waiting in a {@link WaitQueue}. Its state is written under the queue's lock. */
final class Waiter {
    enum State { WAITING, GRANTED, TIMED_OUT, INTERRUPTED, CANCELLED }

    final BundleAccount owner;
    final long bytes;
    final ResourcePriority priority;
    final Thread thread = Thread.currentThread();
    volatile State state = State.WAITING;

    Waiter(BundleAccount owner, long bytes, ResourcePriority priority) {
        this.owner = owner;
        this.bytes = bytes;
        this.priority = priority;
    }
}
