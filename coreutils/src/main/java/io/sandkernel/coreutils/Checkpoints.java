package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;

/**
 * Signal checkpoints for loops that make no kernel call of their own (matching names in a large
 * in-memory list, formatting many lines before a flush). The JVM driver interrupts a program's
 * thread when a signal needs attention and acts on it at the program's next system call; a loop
 * calls {@link #poll} now and then, which makes that call only when the thread was interrupted,
 * so a stop or a kill takes effect without a system call per iteration.
 */
final class Checkpoints {
    private Checkpoints() {}

    /** Enters the kernel (a cheap {@code sigpending}) when a signal is waiting to be acted on. */
    static void poll(ProcessApi process) {
        if (Thread.currentThread().isInterrupted()) {
            process.sigpending();
        }
    }
}
