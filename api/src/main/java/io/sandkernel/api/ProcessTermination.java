package io.sandkernel.api;

/**
 * Thrown out of a kernel call when the calling process must end: it called {@link
 * ProcessApi#exit} or a signal's default action terminates it. It is an {@link Error} so that
 * programs catching {@link Exception} still end; programs must not catch it.
 */
public final class ProcessTermination extends Error {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** @param status the exit status the process ends with (128 + signal for a signal) */
    public ProcessTermination(int status) {
        super("process terminated with status " + status, null, false, false);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }
}
