package io.sandkernel.kernel.fd;

import java.time.Duration;

/** Waiting for a thread to block, without sleeping. */
final class Threads {
    private Threads() {}

    /** Whether {@code thread} is parked or waiting within {@code timeout}. */
    static boolean awaitBlocked(Thread thread, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return true;
            }
            if (state == Thread.State.TERMINATED) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return false;
    }
}
