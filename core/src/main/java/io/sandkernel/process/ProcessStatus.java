package io.sandkernel.process;

/** The run state of a process in the table. */
public enum ProcessStatus {
    /** Runnable or running. */
    RUNNING,
    /** Stopped by SIGSTOP, SIGTSTP, SIGTTIN or SIGTTOU until SIGCONT. */
    STOPPED,
    /** Exited: a zombie until its parent (or the reaper) collects it. */
    EXITED
}
