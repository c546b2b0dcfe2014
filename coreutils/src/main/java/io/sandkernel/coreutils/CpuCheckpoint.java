package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.api.ProcessApi;
import java.util.Comparator;

/**
 * {@link Checkpoints} bound to one process, for the text commands, which compute without kernel
 * calls for long stretches (a sed loop on one line, an awk {@code while}, a backtracking regular
 * expression, a sort): SIGKILL, SIGTERM, SIGINT and SIGSTOP take effect promptly and a killed
 * process stops burning the CPU.
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

    /** {@code text} for a {@link java.util.regex.Matcher}: see {@link Checkpoints#text}. */
    CharSequence watch(CharSequence text) {
        return Checkpoints.text(text, process);
    }

    /** {@code order} polling as it compares: see {@link Checkpoints#comparator}. */
    <T> Comparator<T> watch(Comparator<T> order) {
        return Checkpoints.comparator(order, process);
    }
}
