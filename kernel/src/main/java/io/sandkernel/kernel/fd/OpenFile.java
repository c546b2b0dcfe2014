package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.Resolved;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file description, like Linux's {@code struct file}: what {@code open} or {@code pipe}
 * created and every descriptor refers to after {@code dup} or inheritance. It holds the status
 * flags (access mode, {@code O_APPEND}, {@code O_NONBLOCK}) and, for seekable files, the offset,
 * both shared by all those descriptors. Reference counted: the resource (a pipe end, a file
 * handle) is released when the last reference goes.
 *
 * <p>Every operation reports failure as a {@link KernelException} with Linux's errno; the defaults
 * are those of a file that does not support the operation. Blocking operations (pipes, terminals)
 * fail with EINTR when the calling thread is interrupted before anything was transferred.
 */
public abstract class OpenFile {
    /** The status flags {@code F_SETFL} may change. */
    public static final int SETTABLE_FLAGS = OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK;
    /** Flags that act at open time only and are not kept in the description. */
    private static final int OPEN_ONLY_FLAGS = OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_NOCTTY
            | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC;

    private final AtomicInteger refs = new AtomicInteger(1);
    private volatile int flags;

    /** A description with one reference, opened with {@code flags} (open-time flags are dropped). */
    protected OpenFile(int flags) {
        this.flags = flags & ~OPEN_ONLY_FLAGS;
    }

    // ------------------------------------------------------------------ references

    /**
     * Adds a reference (a new descriptor, an inheriting child).
     *
     * @throws KernelException EBADF when the description was already released
     */
    public final OpenFile retain() {
        int current;
        do {
            current = refs.get();
            if (current <= 0) {
                throw new KernelException(Errno.EBADF, "open file already closed");
            }
        } while (!refs.compareAndSet(current, current + 1));
        return this;
    }

    /** Drops a reference, releasing the resource with the last one. */
    public final void release() {
        if (refs.decrementAndGet() == 0) {
            closeResource();
        }
    }

    /** Whether some reference is left. */
    public final boolean isOpen() {
        return refs.get() > 0;
    }

    /** Releases the resource; called once, when the last reference goes. */
    protected abstract void closeResource();

    // ------------------------------------------------------------------ flags

    /** The status flags: access mode, {@code O_APPEND}, {@code O_NONBLOCK}, {@code O_PATH}... */
    public final int flags() {
        return flags;
    }

    /** {@code F_SETFL}: changes {@code O_APPEND} and {@code O_NONBLOCK}; other bits are ignored. */
    public final void setFlags(int requested) {
        synchronized (refs) {
            flags = (flags & ~SETTABLE_FLAGS) | (requested & SETTABLE_FLAGS);
        }
    }

    /** Whether reads and writes that would block fail with EAGAIN. */
    public final boolean nonBlocking() {
        return (flags & OpenFlags.O_NONBLOCK) != 0;
    }

    /** Whether every write goes to the end. */
    public final boolean appending() {
        return (flags & OpenFlags.O_APPEND) != 0;
    }

    /** Whether the description was opened for reading. */
    public final boolean canRead() {
        int f = flags;
        return (f & OpenFlags.O_PATH) == 0 && (f & OpenFlags.O_ACCMODE) != OpenFlags.O_WRONLY;
    }

    /** Whether the description was opened for writing. */
    public final boolean canWrite() {
        int f = flags;
        int mode = f & OpenFlags.O_ACCMODE;
        return (f & OpenFlags.O_PATH) == 0 && (mode == OpenFlags.O_WRONLY || mode == OpenFlags.O_RDWR);
    }

    // ------------------------------------------------------------------ I/O

    /**
     * {@code read(2)} by process {@code pid} (a terminal needs to know who reads).
     *
     * @return the bytes read, 0 at end of file
     * @throws KernelException EBADF when not open for reading; as {@link #doRead}
     */
    public final int read(int pid, byte[] buffer, int offset, int length) {
        if (!canRead()) {
            throw new KernelException(Errno.EBADF, "descriptor not open for reading");
        }
        return doRead(pid, buffer, offset, length);
    }

    /**
     * {@code write(2)} by process {@code pid}.
     *
     * @return the bytes written
     * @throws KernelException EBADF when not open for writing; EPIPE (a pipe without reader: the caller raises SIGPIPE); as {@link #doWrite}
     */
    public final int write(int pid, byte[] buffer, int offset, int length) {
        if (!canWrite()) {
            throw new KernelException(Errno.EBADF, "descriptor not open for writing");
        }
        return doWrite(pid, buffer, offset, length);
    }

    /** {@code pread(2)}. @throws KernelException EBADF, ESPIPE (not seekable), EINVAL (negative position) */
    public final int pread(byte[] buffer, int offset, int length, long position) {
        if (!canRead()) {
            throw new KernelException(Errno.EBADF, "descriptor not open for reading");
        }
        if (position < 0 && seekable()) {
            throw new KernelException(Errno.EINVAL, "negative position " + position);
        }
        return doPread(buffer, offset, length, position);
    }

    /** {@code pwrite(2)}. @throws KernelException EBADF, ESPIPE, EINVAL, ENOSPC */
    public final int pwrite(byte[] buffer, int offset, int length, long position) {
        if (!canWrite()) {
            throw new KernelException(Errno.EBADF, "descriptor not open for writing");
        }
        if (position < 0 && seekable()) {
            throw new KernelException(Errno.EINVAL, "negative position " + position);
        }
        return doPwrite(buffer, offset, length, position);
    }

    /** Reads for {@link #read}; the default fails with EINVAL. */
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        throw new KernelException(Errno.EINVAL, "this file cannot be read");
    }

    /** Writes for {@link #write}; the default fails with EINVAL. */
    protected int doWrite(int pid, byte[] buffer, int offset, int length) {
        throw new KernelException(Errno.EINVAL, "this file cannot be written");
    }

    /** Reads for {@link #pread}; the default fails with ESPIPE. */
    protected int doPread(byte[] buffer, int offset, int length, long position) {
        throw new KernelException(Errno.ESPIPE, "illegal seek");
    }

    /** Writes for {@link #pwrite}; the default fails with ESPIPE. */
    protected int doPwrite(byte[] buffer, int offset, int length, long position) {
        throw new KernelException(Errno.ESPIPE, "illegal seek");
    }

    /** Whether {@code lseek}, {@code pread} and {@code pwrite} work. */
    public boolean seekable() {
        return false;
    }

    /**
     * {@code lseek(2)}.
     *
     * @throws KernelException ESPIPE (pipe, terminal), EINVAL (bad whence, negative result)
     */
    public long seek(long offset, int whence) {
        throw new KernelException(Errno.ESPIPE, "illegal seek");
    }

    /**
     * Whatever of {@code events} ({@link PollFd#POLLIN}, {@link PollFd#POLLOUT}) is ready now,
     * plus {@link PollFd#POLLHUP} and {@link PollFd#POLLERR} when they apply. The default, right
     * for regular files and devices, reports reading and writing as always ready.
     */
    public int poll(int events) {
        return events & (PollFd.POLLIN | PollFd.POLLOUT);
    }

    /** Where a poller waits for {@link #poll} to change; null when it never changes. */
    public WaitQueue waitQueue() {
        return null;
    }

    /**
     * Process {@code pid} starts ({@code waiting}) or stops waiting in {@code poll(2)} for
     * {@code events} of this description. A terminal counts a process waiting for input as one
     * blocked reading it, as a host's line editor needs to know (nothing for other files).
     */
    public void pollWaiting(int pid, int events, boolean waiting) {}

    /** What {@code fstat} reports. */
    public abstract Stat stat();

    /** {@code ftruncate(2)}. @throws KernelException EINVAL unless a regular file open for writing */
    public void truncate(long length) {
        throw new KernelException(Errno.EINVAL, "not a regular file");
    }

    /** {@code fsync(2)}. @throws KernelException EINVAL for pipes and terminals */
    public void sync() {
        throw new KernelException(Errno.EINVAL, "cannot sync this file");
    }

    /** {@code getdents(2)}: the entries with {@code "."} and {@code ".."} first. @throws KernelException ENOTDIR */
    public List<DirEntry> readdir(io.sandkernel.kernel.vfs.Caller caller) {
        throw new KernelException(Errno.ENOTDIR, "not a directory");
    }

    /** The file of the namespace this description was opened on; null for pipes and the like. */
    public Resolved file() {
        return null;
    }

    /**
     * What opening {@code /proc/PID/fd/N} of this description with {@code flags} gives, when it is
     * not a file of the namespace (those are opened again by path): a new description of the same
     * pipe or terminal. The default shares this description (one more reference).
     *
     * @throws KernelException EACCES when the object cannot be opened that way
     */
    public OpenFile reopen(int flags) {
        return retain();
    }

    /** The pipe this description is an end of, or null. */
    public Pipe pipe() {
        return null;
    }

    /** Bytes a read would get without blocking, as far as known (for {@code InputStream.available}). */
    public int available() {
        return 0;
    }

    /** The terminal this description is on, or null. */
    public PseudoTerminal terminal() {
        return null;
    }

    /** Whether this is {@code /dev/null}, which some drivers connect to the real null device. */
    public boolean isNullDevice() {
        return false;
    }

    /**
     * What {@code readlink /proc/PID/fd/N} shows: a path, {@code pipe:[ino]}, {@code /dev/pts/0}.
     */
    public abstract String describe();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describe() + "]";
    }
}
