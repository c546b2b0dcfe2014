package io.sandkernel.kernel;

/**
 * The outcome of {@link Kernel#exec}.
 *
 * <p>At most 16 MiB of each output stream is kept; the rest is read (so the process never blocks
 * on a full pipe) and dropped.
 *
 * @param exitCode the exit status, 0..255; 128 + signal when a signal ended the process
 * @param stdout   everything written to standard output, decoded as UTF-8
 * @param stderr   everything written to standard error, decoded as UTF-8
 * @param timedOut whether the timeout ran out (ETIMEDOUT): the process was then sent SIGTERM and,
 *                 after the grace period, SIGKILL, and {@code exitCode} tells which ended it
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {
    /** Whether the process exited with status 0 and did not time out. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
