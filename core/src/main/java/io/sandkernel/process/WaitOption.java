package io.sandkernel.process;

/** Options of {@link ProcessTable#waitpid}, as {@code man 2 waitpid} names them. */
public enum WaitOption {
    /** Return at once, with an empty result, when no matching child has anything to report. */
    WNOHANG,
    /** Also report children that stopped. */
    WUNTRACED,
    /** Also report stopped children that were continued by SIGCONT. */
    WCONTINUED
}
