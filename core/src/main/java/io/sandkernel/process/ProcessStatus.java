package io.sandkernel.process;

/** The run state of a process in the table. */
public enum ProcessStatus {
    /** Runnable or running. */
    RUNNING,
    /** Stopped (SIGSTOP or SIGTSTP through the table, or as a driver reports) until SIGCONT. */
    STOPPED,
    /** Exited: a zombie until its parent (or the reaper) collects it. */
    EXITED
}
