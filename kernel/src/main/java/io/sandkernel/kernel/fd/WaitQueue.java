package io.sandkernel.kernel.fd;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads waiting in {@code poll} for something to happen on one object (a pipe, a terminal),
 * like a Linux {@code wait_queue_head}. The object calls {@link #wakeAll()} whenever its readiness
 * may have changed; that costs one volatile read while nobody polls, so pipes pay nothing for
 * poll support in the common case.
 *
 * <p>Waking only unparks threads: it is safe to call with the object's own lock held.
 */
public final class WaitQueue {
    private static final Thread[] NONE = new Thread[0];

    /** The parked pollers; replaced as a whole under this queue's monitor (copy on write). */
    private volatile Thread[] waiters = NONE;

    /** Adds {@code thread}; it is unparked by every {@link #wakeAll()} until {@link #remove}d. */
    public synchronized void add(Thread thread) {
        Thread[] current = waiters;
        Thread[] next = java.util.Arrays.copyOf(current, current.length + 1);
        next[current.length] = thread;
        waiters = next;
    }

    /** Removes one registration of {@code thread}. */
    public synchronized void remove(Thread thread) {
        Thread[] current = waiters;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == thread) {
                Thread[] next = new Thread[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                waiters = next.length == 0 ? NONE : next;
                return;
            }
        }
    }

    /** Unparks every registered thread; they look at the object's state again. */
    public void wakeAll() {
        Thread[] current = waiters;
        for (Thread thread : current) {
            LockSupport.unpark(thread);
        }
    }
}
