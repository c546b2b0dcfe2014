package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;

/**
 * Signal checkpoints for commands that compute without kernel calls for a long time (a sed loop
 * on one line, an awk {@code while}, a backtracking regular expression). The JVM driver tells a
 * program's thread that a signal needs attention by interrupting it; nothing acts on the signal
 * until the program's next kernel call. {@link #poll} makes that call (a cheap one, {@code
 * getppid}) as soon as the interrupt flag is up, so SIGTERM, SIGINT and SIGSTOP take effect within
 * microseconds and a killed process stops burning the CPU. Checking the flag costs a field read.
 */
final class CpuCheckpoint {
    private final ProcessApi process;

    CpuCheckpoint(ProcessApi process) {
        this.process = process;
    }

    /** Acts on pending signals if the driver flagged any; may end the process. */
    void poll() {
        if (Thread.currentThread().isInterrupted()) {
            process.ppid(); // any kernel call runs the driver's checkpoint, which clears the flag
        }
    }

    /**
     * {@code text} as a sequence for {@link java.util.regex.Matcher}s that polls every 64K
     * character reads, so that catastrophic backtracking on a short line is still interruptible.
     */
    CharSequence watch(String text) {
        return new Watched(text, this);
    }

    /** A string whose reads poll the checkpoint now and then. */
    private static final class Watched implements CharSequence {
        private final String text;
        private final CpuCheckpoint checkpoint;
        private int reads;

        Watched(String text, CpuCheckpoint checkpoint) {
            this.text = text;
            this.checkpoint = checkpoint;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0) {
                checkpoint.poll();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
