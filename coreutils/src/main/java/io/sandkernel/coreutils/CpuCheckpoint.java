package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;

/**
 * Signal checkpoints for the text commands, which compute without kernel calls for long
 * stretches (a sed loop on one line, an awk {@code while}, a backtracking regular expression):
 * {@link Checkpoints#poll} bound to the process, and character sequences for regex matching that
 * poll now and then, so SIGTERM, SIGINT and SIGSTOP take effect promptly and a killed process
 * stops burning the CPU.
 */
final class CpuCheckpoint {
    private final ProcessApi process;

    CpuCheckpoint(ProcessApi process) {
        this.process = process;
    }

    /** Acts on pending signals if the driver flagged any; may end the process. */
    void poll() {
        Checkpoints.poll(process);
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
