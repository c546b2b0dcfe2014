package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.tty.PseudoTerminal;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;

/**
 * An open description of the slave side of a {@link PseudoTerminal} ({@code /dev/pts/N}): reads
 * and writes on behalf of the calling process, which the terminal needs for job control.
 */
public final class TerminalDescription extends OpenFile {
    private final PseudoTerminal terminal;
    private final int index;
    private final int uid;
    private final int gid;
    private final WaitQueue pollers;
    private final Instant opened = Instant.now();

    /**
     * Opens the slave side of {@code terminal}, counted by the terminal until released.
     *
     * @param index   the N of {@code /dev/pts/N}
     * @param pollers the queue the terminal's {@link PseudoTerminal.Control#changed()} wakes
     * @param uid     the owner {@code fstat} reports
     * @param gid     the group {@code fstat} reports
     */
    public TerminalDescription(PseudoTerminal terminal, int index, WaitQueue pollers, int flags, int uid, int gid) {
        super(flags & ~OpenFlags.O_PATH);
        this.terminal = terminal;
        this.index = index;
        this.pollers = pollers;
        this.uid = uid;
        this.gid = gid;
        terminal.slaveOpened();
    }

    @Override
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        try {
            int n = terminal.read(pid, buffer, offset, length, nonBlocking());
            return Math.max(n, 0);
        } catch (InterruptedIOException e) {
            throw new KernelException(Errno.EINTR, "terminal read interrupted");
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, "terminal read failed", e);
        }
    }

    @Override
    protected int doWrite(int pid, byte[] buffer, int offset, int length) {
        try {
            terminal.write(pid, buffer, offset, length);
            return length;
        } catch (InterruptedIOException e) {
            throw new KernelException(Errno.EINTR, "terminal write interrupted");
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, "terminal hung up", e);
        }
    }

    @Override
    public OpenFile reopen(int flags) {
        return new TerminalDescription(terminal, index, pollers, flags, uid, gid);
    }

    @Override
    public int poll(int events) {
        return terminal.poll(events);
    }

    @Override
    public WaitQueue waitQueue() {
        return pollers;
    }

    @Override
    public void pollWaiting(int pid, int events, boolean waiting) {
        if ((events & PollFd.POLLIN) != 0) {
            terminal.readerWaiting(pid, waiting);
        }
    }

    @Override
    public int available() {
        return terminal.available();
    }

    @Override
    public Stat stat() {
        return DeviceNumbers.terminalStat(index, uid, gid, opened);
    }

    @Override
    public PseudoTerminal terminal() {
        return terminal;
    }

    /** The N of {@code /dev/pts/N}. */
    public int index() {
        return index;
    }

    @Override
    protected void closeResource() {
        terminal.slaveClosed();
    }

    @Override
    public String describe() {
        return "/dev/pts/" + index;
    }
}
