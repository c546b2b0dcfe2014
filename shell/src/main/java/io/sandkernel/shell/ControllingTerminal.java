package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;

/**
 * The shell's {@link Terminal} backed by the process's controlling terminal: {@code isatty},
 * {@code tcgetpgrp} and {@code tcsetpgrp} on the terminal found on its standard input.
 */
public final class ControllingTerminal implements Terminal {
    private final ProcessApi process;
    private final int fd;

    private ControllingTerminal(ProcessApi process, int fd) {
        this.process = process;
        this.fd = fd;
    }

    /**
     * The terminal on {@code process}'s standard input, or {@link Terminal#none()} when it has none.
     * The shell keeps its own close-on-exec copy of it at descriptor 10 or above, as dash keeps
     * its {@code ttyfd}: job control must still reach the terminal while redirections have moved
     * descriptors 0 to 2 elsewhere ({@code while read f; do vi "$f"; done <list}).
     */
    public static Terminal of(ProcessApi process) {
        if (!process.isatty(0)) {
            return Terminal.none();
        }
        int fd;
        try {
            fd = process.fcntl(0, OpenFlags.F_DUPFD_CLOEXEC, Io.FIRST_PRIVATE);
        } catch (KernelException e) {
            fd = 0; // out of descriptors: standard input will do while it is not redirected
        }
        return new ControllingTerminal(process, fd);
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
