package io.sandkernel.kernel.fd;

import static io.sandkernel.api.fs.OpenFlags.AT_EMPTY_PATH;
import static io.sandkernel.api.fs.OpenFlags.AT_FDCWD;
import static io.sandkernel.api.fs.OpenFlags.AT_REMOVEDIR;
import static io.sandkernel.api.fs.OpenFlags.AT_SYMLINK_FOLLOW;
import static io.sandkernel.api.fs.OpenFlags.AT_SYMLINK_NOFOLLOW;
import static io.sandkernel.api.fs.OpenFlags.O_CLOEXEC;
import static io.sandkernel.api.fs.OpenFlags.O_NONBLOCK;
import static io.sandkernel.api.fs.OpenFlags.O_PATH;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.OpenResult;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.TimeUpdate;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The files of one process, like Linux's {@code files_struct} and {@code fs_struct} together: its
 * descriptor table, working directory and file mode creation mask, and the file and descriptor
 * system calls on them, with Linux's semantics and errno values. It acts on signals in no way:
 * the system-call object around it does.
 */
public final class ProcessFiles {
    /** Makes pipes, counted against the kernel's limit. */
    @FunctionalInterface
    public interface Pipes {
        /**
         * A new pipe owned by {@code uid}/{@code gid}.
         *
         * @throws KernelException EAGAIN at the limit
         */
        Pipe create(int uid, int gid);
    }

    private static final int AT_EACCESS = 0x200;

    private final Vfs vfs;
    private final FdTable fds;
    private final int pid;
    private final ProcessIdentity identity;
    private final Pipes pipes;
    private final Runnable onBrokenPipe;
    private volatile Caller caller;
    private volatile Resolved cwd;

    /**
     * @param fds          the descriptor table, taken over
     * @param cwd          the working directory
     * @param onBrokenPipe raises SIGPIPE for the process when a write finds no reader
     */
    public ProcessFiles(Vfs vfs, FdTable fds, int pid, ProcessIdentity identity, int umask, Resolved cwd,
                        Pipes pipes, Runnable onBrokenPipe) {
        this.vfs = vfs;
        this.fds = fds;
        this.pid = pid;
        this.identity = identity;
        this.pipes = pipes;
        this.onBrokenPipe = onBrokenPipe;
        this.caller = new Caller(pid, identity, umask & 0777);
        this.cwd = cwd;
    }

    /** The descriptor table. */
    public FdTable fds() {
        return fds;
    }

    /** The VFS. */
    public Vfs vfs() {
        return vfs;
    }

    /** Who the process is to permission checks. */
    public Caller caller() {
        return caller;
    }

    /** Sets the umask of files created from now on; returns the previous one. */
    public int umask(int mask) {
        Caller previous = caller;
        caller = new Caller(pid, identity, mask & 0777);
        return previous.umask();
    }

    /** The working directory as a file. */
    public Resolved cwdFile() {
        return cwd;
    }

    /** {@code getcwd(3)}. @throws KernelException ENOENT when the directory was removed */
    public String cwd() {
        return cwd.path();
    }

    /** {@code chdir(2)}. @throws KernelException ENOENT, ENOTDIR, EACCES */
    public void chdir(String path) {
        cwd = vfs.resolveDirectory(caller, cwd, path);
    }

    /** {@code fchdir(2)}. @throws KernelException EBADF, ENOTDIR, EACCES */
    public void fchdir(int fd) {
        Resolved file = fds.get(fd).file();
        if (file == null || !file.isDirectory()) {
            throw new KernelException(Errno.ENOTDIR, "descriptor " + fd + " is not a directory");
        }
        cwd = vfs.resolveDirectory(caller, file, ".");
    }

    // ------------------------------------------------------------------ open and descriptors

    /** {@code openat(2)}. */
    public int openat(int dirFd, String path, int flags, int mode) {
        OpenFile file = open(dirFd, path, flags, mode);
        return fds.install(file, (flags & O_CLOEXEC) != 0);
    }

    /** Opens {@code path} as {@code openat} does and returns the new description (one reference). */
    public OpenFile open(int dirFd, String path, int flags, int mode) {
        checkPath(path);
        return open(vfs, caller, base(dirFd, path), path, flags, mode);
    }

    /**
     * Opens {@code path} for {@code caller}, relative to {@code base}, and returns the new open
     * file description (one reference): what {@code open} does before a descriptor is chosen.
     *
     * @throws KernelException as {@link Vfs#open}
     */
    public static OpenFile open(Vfs vfs, Caller caller, Resolved base, String path, int flags, int mode) {
        checkPath(path);
        return describe(vfs, vfs.open(caller, base, path, flags, mode));
    }

    /** The open file description for what the VFS opened. */
    private static OpenFile describe(Vfs vfs, OpenResult opened) {
        int flags = opened.flags();
        if (opened.isForeign()) {
            if (opened.foreign() instanceof OpenFile target) {
                return target.reopen(flags);
            }
            throw new KernelException(Errno.ENODEV, "cannot open this object");
        }
        if ((flags & O_PATH) != 0) {
            return new PathDescription(vfs, opened.file(), flags);
        }
        if (opened.handle() == null) {
            return new DirectoryDescription(vfs, opened.file(), flags);
        }
        if (opened.handle() instanceof TerminalDevice.Handle terminal) {
            return terminal.device().open(flags);
        }
        return new FileDescription(vfs, opened.file(), opened.handle(), flags);
    }

    /** {@code read(2)}; raises nothing. */
    public int read(int fd, byte[] buffer, int offset, int length) {
        return fds.get(fd).read(pid, buffer, offset, length);
    }

    /** {@code write(2)}; a write to a pipe without reader raises SIGPIPE, then fails with EPIPE. */
    public int write(int fd, byte[] buffer, int offset, int length) {
        try {
            return fds.get(fd).write(pid, buffer, offset, length);
        } catch (KernelException e) {
            if (e.errno() == Errno.EPIPE) {
                onBrokenPipe.run();
            }
            throw e;
        }
    }

    /** {@code pread(2)}. */
    public int pread(int fd, byte[] buffer, int offset, int length, long position) {
        return fds.get(fd).pread(buffer, offset, length, position);
    }

    /** {@code pwrite(2)}. */
    public int pwrite(int fd, byte[] buffer, int offset, int length, long position) {
        return fds.get(fd).pwrite(buffer, offset, length, position);
    }

    /** {@code lseek(2)}. */
    public long lseek(int fd, long offset, int whence) {
        return fds.get(fd).seek(offset, whence);
    }

    /** {@code close(2)}. */
    public void close(int fd) {
        fds.close(fd);
    }

    /** {@code dup(2)}. */
    public int dup(int fd) {
        return fds.dup(fd, 0, false);
    }

    /** {@code dup2(2)}. */
    public int dup2(int oldFd, int newFd) {
        return fds.dup2(oldFd, newFd, false);
    }

    /** {@code dup3(2)}. */
    public int dup3(int oldFd, int newFd, int flags) {
        if (oldFd == newFd || (flags & ~O_CLOEXEC) != 0) {
            throw new KernelException(Errno.EINVAL, "dup3: equal descriptors or unknown flags");
        }
        return fds.dup2(oldFd, newFd, (flags & O_CLOEXEC) != 0);
    }

    /** {@code fcntl(2)}. */
    public int fcntl(int fd, int command, int argument) {
        return switch (command) {
            case OpenFlags.F_DUPFD -> fds.dup(fd, argument, false);
            case OpenFlags.F_DUPFD_CLOEXEC -> fds.dup(fd, argument, true);
            case OpenFlags.F_GETFD -> fds.closeOnExec(fd) ? OpenFlags.FD_CLOEXEC : 0;
            case OpenFlags.F_SETFD -> {
                fds.closeOnExec(fd, (argument & OpenFlags.FD_CLOEXEC) != 0);
                yield 0;
            }
            case OpenFlags.F_GETFL -> fds.get(fd).flags();
            case OpenFlags.F_SETFL -> {
                OpenFile file = fds.get(fd);
                if ((file.flags() & O_PATH) != 0) {
                    throw new KernelException(Errno.EBADF, "descriptor " + fd + " is O_PATH");
                }
                file.setFlags(argument);
                yield 0;
            }
            default -> {
                fds.get(fd);
                throw new KernelException(Errno.EINVAL, "unknown fcntl command " + command);
            }
        };
    }

    /** {@code pipe2(2)}. */
    public int[] pipe2(int flags) {
        if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) != 0) {
            throw new KernelException(Errno.EINVAL, "pipe2: unknown flags");
        }
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        Pipe pipe = pipes.create(identity.euid(), identity.egid());
        OpenFile reader = pipe.newReader(flags);
        OpenFile writer = pipe.newWriter(flags);
        int readFd;
        try {
            readFd = fds.install(reader, cloexec);
        } catch (KernelException e) {
            writer.release();
            throw e;
        }
        try {
            return new int[] {readFd, fds.install(writer, cloexec)};
        } catch (KernelException e) {
            fds.close(readFd);
            throw e;
        }
    }

    /** {@code poll(2)}. */
    public int[] poll(List<PollFd> entries, Duration timeout) {
        return Poller.poll(fds, pid, entries, timeout);
    }

    // ------------------------------------------------------------------ metadata

    /** {@code fstatat(2)}. */
    public Stat fstatat(int dirFd, String path, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) {
            throw new KernelException(Errno.EINVAL, "fstatat: unknown flags");
        }
        if (path != null && path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            return dirFd == AT_FDCWD ? vfs.stat(cwd) : fstat(dirFd);
        }
        checkPath(path);
        return vfs.stat(caller, base(dirFd, path), path, (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** {@code fstat(2)}. */
    public Stat fstat(int fd) {
        return fds.get(fd).stat();
    }

    /** {@code faccessat(2)}. */
    public void faccessat(int dirFd, String path, int mode, int flags) {
        if ((mode & ~(OpenFlags.R_OK | OpenFlags.W_OK | OpenFlags.X_OK)) != 0
                || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)) != 0) {
            throw new KernelException(Errno.EINVAL, "faccessat: bad mode or flags");
        }
        checkPath(path);
        vfs.access(caller, base(dirFd, path), path, mode, (flags & AT_EACCESS) != 0,
                (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** {@code getdents(2)}. */
    public List<DirEntry> readdir(int fd) {
        OpenFile file = fds.get(fd);
        if ((file.flags() & O_PATH) != 0) {
            throw new KernelException(Errno.EBADF, "descriptor " + fd + " is O_PATH");
        }
        return file.readdir(caller);
    }

    /** {@code statfs(2)}. */
    public StatFs statfs(String path) {
        checkPath(path);
        return vfs.statfs(caller, cwd, path);
    }

    /** {@code fchmodat(2)}. */
    public void fchmodat(int dirFd, String path, int mode, int flags) {
        checkAtFlags(flags, AT_SYMLINK_NOFOLLOW);
        checkPath(path);
        vfs.chmod(caller, base(dirFd, path), path, mode, (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** {@code fchmod(2)}. */
    public void fchmod(int fd, int mode) {
        vfs.chmod(caller, fileOf(fd), mode);
    }

    /** {@code fchownat(2)}. */
    public void fchownat(int dirFd, String path, int uid, int gid, int flags) {
        checkAtFlags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH);
        if (path != null && path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            vfs.chown(caller, dirFd == AT_FDCWD ? cwd : fileOf(dirFd, true), uid, gid);
            return;
        }
        checkPath(path);
        vfs.chown(caller, base(dirFd, path), path, uid, gid, (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** {@code fchown(2)}. */
    public void fchown(int fd, int uid, int gid) {
        vfs.chown(caller, fileOf(fd), uid, gid);
    }

    /** {@code utimensat(2)}; a null path means the file at {@code dirFd}, as Linux allows. */
    public void utimensat(int dirFd, String path, long accessNanos, long modifyNanos, int flags) {
        checkAtFlags(flags, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH);
        TimeUpdate atime = time(accessNanos);
        TimeUpdate mtime = time(modifyNanos);
        if (path == null || (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0)) {
            vfs.utimens(caller, dirFd == AT_FDCWD ? cwd : fileOf(dirFd, true), atime, mtime);
            return;
        }
        checkPath(path);
        vfs.utimens(caller, base(dirFd, path), path, atime, mtime, (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    /** {@code futimens(3)}. */
    public void futimens(int fd, long accessNanos, long modifyNanos) {
        vfs.utimens(caller, fileOf(fd), time(accessNanos), time(modifyNanos));
    }

    /** {@code truncate(2)}. */
    public void truncate(String path, long length) {
        checkPath(path);
        if (length < 0) {
            throw new KernelException(Errno.EINVAL, "negative length " + length);
        }
        vfs.truncate(caller, cwd, path, length);
    }

    /** {@code ftruncate(2)}. */
    public void ftruncate(int fd, long length) {
        fds.get(fd).truncate(length);
    }

    /** {@code fsync(2)}. */
    public void fsync(int fd) {
        fds.get(fd).sync();
    }

    // ------------------------------------------------------------------ names

    /** {@code mkdirat(2)}. */
    public void mkdirat(int dirFd, String path, int mode) {
        checkPath(path);
        vfs.mkdir(caller, base(dirFd, path), path, mode);
    }

    /** {@code unlinkat(2)}. */
    public void unlinkat(int dirFd, String path, int flags) {
        checkAtFlags(flags, AT_REMOVEDIR);
        checkPath(path);
        if ((flags & AT_REMOVEDIR) != 0) {
            vfs.rmdir(caller, base(dirFd, path), path);
        } else {
            vfs.unlink(caller, base(dirFd, path), path);
        }
    }

    /** {@code renameat(2)}. */
    public void renameat(int oldDirFd, String oldPath, int newDirFd, String newPath) {
        checkPath(oldPath);
        checkPath(newPath);
        vfs.rename(caller, base(oldDirFd, oldPath), oldPath, base(newDirFd, newPath), newPath);
    }

    /** {@code linkat(2)}. */
    public void linkat(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) {
        checkAtFlags(flags, AT_SYMLINK_FOLLOW);
        checkPath(oldPath);
        checkPath(newPath);
        vfs.link(caller, base(oldDirFd, oldPath), oldPath, base(newDirFd, newPath), newPath,
                (flags & AT_SYMLINK_FOLLOW) != 0);
    }

    /** {@code symlinkat(2)}. */
    public void symlinkat(String target, int newDirFd, String linkPath) {
        checkPath(target);
        checkPath(linkPath);
        vfs.symlink(caller, target, base(newDirFd, linkPath), linkPath);
    }

    /** {@code readlinkat(2)}. */
    public String readlinkat(int dirFd, String path) {
        checkPath(path);
        return vfs.readlink(caller, base(dirFd, path), path);
    }

    // ------------------------------------------------------------------ terminals

    /** The terminal {@code fd} is open on. @throws KernelException EBADF, ENOTTY */
    public PseudoTerminal terminal(int fd) {
        PseudoTerminal terminal = fds.get(fd).terminal();
        if (terminal == null) {
            throw new KernelException(Errno.ENOTTY, "descriptor " + fd + " is not a terminal");
        }
        return terminal;
    }

    /** {@code isatty(3)}. */
    public boolean isatty(int fd) {
        OpenFile file = fds.find(fd);
        return file != null && file.terminal() != null;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The base directory of a relative {@code path} for the {@code *at} calls: the working
     * directory for {@code AT_FDCWD}, else the directory open at {@code dirFd}. Absolute paths
     * ignore {@code dirFd}, as Linux does.
     */
    private Resolved base(int dirFd, String path) {
        if (dirFd == AT_FDCWD || path.startsWith("/")) {
            return cwd;
        }
        Resolved dir = fds.get(dirFd).file();
        if (dir == null || !dir.isDirectory()) {
            throw new KernelException(Errno.ENOTDIR, "descriptor " + dirFd + " is not a directory");
        }
        return dir;
    }

    private Resolved fileOf(int fd) {
        return fileOf(fd, false);
    }

    /** The file {@code fd} is open on; an O_PATH descriptor only when {@code pathAllowed}. */
    private Resolved fileOf(int fd, boolean pathAllowed) {
        OpenFile file = fds.get(fd);
        Resolved resolved = file.file();
        if (resolved == null || (!pathAllowed && (file.flags() & O_PATH) != 0)) {
            throw new KernelException(resolved == null ? Errno.EINVAL : Errno.EBADF,
                    "descriptor " + fd + " is not open on a file of the namespace");
        }
        return resolved;
    }

    private static void checkPath(String path) {
        if (path == null) {
            throw new KernelException(Errno.EFAULT, "null path");
        }
    }

    private static void checkAtFlags(int flags, int allowed) {
        if ((flags & ~allowed) != 0) {
            throw new KernelException(Errno.EINVAL, "unknown flags 0x" + Integer.toHexString(flags));
        }
    }

    private static TimeUpdate time(long nanos) {
        if (nanos == OpenFlags.UTIME_NOW) {
            return TimeUpdate.now();
        }
        if (nanos == OpenFlags.UTIME_OMIT) {
            return TimeUpdate.omit();
        }
        return TimeUpdate.at(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)));
    }
}
