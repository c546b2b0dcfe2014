package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.FileHandle;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One of the kernel's pseudo-terminals as a device: {@code /dev/pts/N}.
 *
 * @param index    N
 * @param terminal the terminal
 * @param pollers  the queue its {@link PseudoTerminal.Control#changed()} wakes
 * @param uid      its owner (the user of the session it was opened for)
 * @param gid      its group
 * @param created  when it was created
 */
public record TerminalDevice(int index, PseudoTerminal terminal, WaitQueue pollers, int uid, int gid,
                             Instant created) {
    /** A new open description of the slave side, with status flags {@code flags}. */
    public OpenFile open(int flags) {
        return new TerminalDescription(terminal, index, pollers, flags, uid, gid);
    }

    /** What {@code stat /dev/pts/N} reports. */
    public Stat stat() {
        return DeviceNumbers.terminalStat(index, uid, gid, created);
    }

    /** A {@link FileHandle} standing for this terminal, as a filesystem's {@code open} returns it. */
    public FileHandle handle() {
        return new Handle(this);
    }

    /**
     * What a filesystem hands the descriptor layer for a terminal device: the layer recognises it
     * and opens the terminal itself, since terminal I/O needs the calling process.
     *
     * @param device the terminal
     */
    public record Handle(TerminalDevice device) implements FileHandle {
        @Override
        public int read(ByteBuffer dst, long position) {
            throw new KernelException(Errno.EINVAL, "terminal handles are opened by the descriptor layer");
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new KernelException(Errno.EINVAL, "terminal handles are opened by the descriptor layer");
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public void truncate(long size) {
            throw new KernelException(Errno.EINVAL, "not a regular file");
        }

        @Override
        public void sync() {}

        @Override
        public boolean seekable() {
            return false;
        }

        @Override
        public void close() {}
    }
}
