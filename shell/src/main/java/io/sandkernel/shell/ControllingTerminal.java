package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;

/**
 * The shell's {@link Terminal} backed by the process's controlling terminal: {@code isatty},
 * {@code tcgetpgrp} and {@code tcsetpgrp} on its standard input.
 */
public final class ControllingTerminal implements Terminal {
    private final ProcessApi process;
    private final int fd;

    private ControllingTerminal(ProcessApi process, int fd) {
        this.process = process;
        this.fd = fd;
    }

    /** The terminal on {@code process}'s standard input, or {@link Terminal#none()} when it has none. */
    public static Terminal of(ProcessApi process) {
        return process.isatty(0) ? new ControllingTerminal(process, 0) : Terminal.none();
    }

    @Override
    public boolean isInteractive() {
        return process.isatty(fd) && process.isatty(2);
    }

    @Override
    public void setForegroundGroup(int pgid) {
        try {
            process.tcsetpgrp(fd, pgid);
        } catch (KernelException e) {
            // not our controlling terminal, or the group is gone
        }
    }

    @Override
    public int foregroundGroup() {
        try {
            return process.tcgetpgrp(fd);
        } catch (KernelException e) {
            return -1;
        }
    }
}
