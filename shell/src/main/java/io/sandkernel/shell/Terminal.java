package io.sandkernel.shell;

/**
 * The shell's controlling terminal, for job control: which process group is in the foreground
 * (receives ^C and ^Z and may read). The terminal component is wired in later; until then
 * {@link #none()} does nothing.
 */
public interface Terminal {
    /** Whether the shell's input is a terminal (an interactive shell enables job control). */
    boolean isInteractive();

    /** Puts process group {@code pgid} in the foreground ({@code tcsetpgrp}). */
    void setForegroundGroup(int pgid);

    /** The foreground process group, or -1 when unknown. */
    int foregroundGroup();

    /** A terminal that is not there: not interactive, foreground changes ignored. */
    static Terminal none() {
        return NoTerminal.INSTANCE;
    }
}
