package io.sandkernel.process;

/** What a {@link WaitResult} reports. */
public enum WaitEvent {
    /** The child exited and has been reaped; the status is its exit code. */
    EXITED,
    /** The child stopped; the status is the stopping signal. */
    STOPPED,
    /** The child continued; the status is SIGCONT. */
    CONTINUED
}
