package io.sandkernel.api;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The system calls of one running virtual process: what a program executed by the JVM driver
 * calls instead of the JDK's process, file and environment APIs. Every call is a point where the
 * kernel acts on signals: a process told to stop is suspended inside the call until SIGCONT, and
 * one killed by a signal leaves the call with {@link ProcessTermination}, which programs must let
 * pass. Calls act only within the process's own kernel.
 *
 * <p>Failures are {@link io.sandkernel.KernelException}s carrying Linux errno values.
 */
public interface ProcessApi {
    /** This process's id. */
    int pid();

    /** The parent's id. */
    int ppid();

    /** The command name this process was started as. */
    String command();

    /** The arguments after the command name. */
    List<String> args();

    /** The credentials this process runs with. */
    ProcessIdentity identity();

    /** The environment; a live, mutable view owned by this process. */
    Map<String, String> env();

    /** {@code getcwd(3)}: the working directory, absolute and canonical. */
    String cwd();

    /**
     * {@code chdir(2)}: changes the working directory.
     *
     * @throws io.sandkernel.KernelException ENOENT when it does not exist, ENOTDIR when not a
     *         directory, EACCES without search permission
     */
    void chdir(String path);

    /** Standard input (descriptor 0). */
    InputStream stdin();

    /** Standard output (descriptor 1). Writing with no reader left raises SIGPIPE. */
    PrintStream stdout();

    /** Standard error (descriptor 2). */
    PrintStream stderr();

    /**
     * Starts a child process (like {@code posix_spawn}).
     *
     * @return the child's pid
     * @throws io.sandkernel.KernelException ENOENT for an unknown command, EAGAIN at the process limit,
     *                                       E2BIG when argv and env are too large
     */
    int spawn(SpawnRequest request);

    /**
     * Starts a child process that runs {@code program}, an object of this process's own runtime,
     * instead of a command looked up by name: what {@code fork} without {@code exec} gives a
     * shell, so that a subshell or a pipeline element that is a builtin is a copy of the shell's
     * state held in memory rather than a command line. {@code request.argv()} only names the
     * process (its command and arguments in listings); its environment, working directory,
     * descriptors, group and session are set up as for {@link #spawn(SpawnRequest)}. Nothing is
     * executed, so the size of argv and env is not bounded (no E2BIG).
     *
     * @return the child's pid
     * @throws io.sandkernel.KernelException ENOSYS when this process's runtime cannot run program
     *                                       objects, EAGAIN at the process limit
     */
    default int spawn(SpawnRequest request, Program program) {
        throw new KernelException(Errno.ENOSYS, "spawn of a program object: not supported by this runtime");
    }

    /**
     * {@code waitpid(2)} for this process's children.
     *
     * @throws io.sandkernel.KernelException ECHILD when no child matches; EINTR when a signal handler ran
     */
    Optional<WaitResult> waitpid(int pid, WaitOption... options);

    /**
     * {@code kill(2)}: pid &gt; 0 a process, 0 this process's group, -1 every process it may signal,
     * &lt; -1 group {@code -pid}.
     *
     * @throws io.sandkernel.KernelException ESRCH, EPERM (another user's process), EINVAL
     */
    void kill(int pid, int signal);

    /** {@code setpgid(2)}; pid 0 means this process. EPERM unless itself or its own child in its session. */
    void setpgid(int pid, int pgid);

    /** {@code getpgid(2)}; pid 0 means this process. */
    int getpgid(int pid);

    /** {@code setsid(2)}. */
    int setsid();

    /** {@code getsid(2)}; pid 0 means this process. */
    int getsid(int pid);

    /** {@code sigprocmask(2)}; returns the previous mask. */
    SignalSet sigprocmask(SigmaskHow how, SignalSet set);

    /** {@code sigpending(2)}. */
    SignalSet sigpending();

    /**
     * Installs {@code handler} for {@code signal}, or restores the default action for null;
     * {@link SignalHandler#IGNORE} ignores it. SIGKILL and SIGSTOP cannot be caught (EINVAL).
     *
     * @return the previous handler, null for the default action
     */
    SignalHandler signal(int signal, SignalHandler handler);

    /** {@code umask(2)}: sets the mask and returns the previous one. */
    int umask(int mask);

    /**
     * Sleeps, as a kernel call: signals are acted on while sleeping.
     *
     * @throws io.sandkernel.KernelException EINTR when a signal handler ran
     */
    void sleep(Duration duration);

    /** A snapshot of the kernel's process table, for {@code ps}. */
    SortedMap<Integer, ProcessInfo> processes();

    /** Ends this process with {@code status} (0..255), as {@code exit(3)}. Does not return. */
    void exit(int status);

    /**
     * Opens {@code path} for reading and returns a stream that closes the descriptor when closed.
     *
     * @throws io.sandkernel.KernelException ENOENT, EISDIR, EACCES, EMFILE
     */
    default InputStream openRead(String path) {
        int fd = open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        try {
            if (fstat(fd).isDirectory()) {
                throw new KernelException(Errno.EISDIR, path + ": is a directory");
            }
        } catch (RuntimeException e) {
            close(fd);
            throw e;
        }
        return new DescriptorInputStream(this, fd, true);
    }

    /**
     * Opens {@code path} for writing, creating it (mode 0666 less the umask), truncating it or
     * appending, and returns a stream that closes the descriptor when closed.
     *
     * @throws io.sandkernel.KernelException ENOENT (missing parent), EISDIR, EACCES, ENOSPC, EMFILE
     */
    default OutputStream openWrite(String path, boolean append) {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_CLOEXEC
                | (append ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
        return new DescriptorOutputStream(this, open(path, flags, 0666), true);
    }

    /**
     * Whether the kernel has a command named {@code name} (what {@link #spawn} can start), for a
     * shell's {@code command -v} and {@code type}.
     */
    default boolean hasCommand(String name) {
        return false;
    }

    // ------------------------------------------------------------ descriptors

    /**
     * {@code openat(2)}: opens {@code path}, relative paths resolved against the directory open
     * at {@code dirFd} ({@link OpenFlags#AT_FDCWD} for the working directory), and returns the
     * lowest free descriptor. {@code flags} are {@link OpenFlags}' O_* values; {@code mode} (less
     * the umask) applies to a file created by {@link OpenFlags#O_CREAT}.
     *
     * @throws io.sandkernel.KernelException ENOENT, EEXIST (O_CREAT|O_EXCL), ENOTDIR, EISDIR (a
     *         directory opened for writing), EACCES, ELOOP (O_NOFOLLOW on a link, or too many
     *         links), ENAMETOOLONG, EROFS, ENOSPC, EMFILE, EBADF (a bad {@code dirFd})
     */
    int openat(int dirFd, String path, int flags, int mode);

    /** {@code open(2)}: {@link #openat} relative to the working directory. */
    default int open(String path, int flags, int mode) {
        return openat(OpenFlags.AT_FDCWD, path, flags, mode);
    }

    /**
     * {@code read(2)}: reads up to {@code length} bytes at the descriptor's offset. Blocks on an
     * empty pipe or terminal unless O_NONBLOCK (then EAGAIN). A signal whose handler runs restarts
     * the read, as with SA_RESTART.
     *
     * @return the number of bytes read, 0 at end of file (never -1)
     * @throws io.sandkernel.KernelException EBADF (not open for reading), EISDIR, EAGAIN, EINTR
     */
    int read(int fd, byte[] buffer, int offset, int length);

    /**
     * {@code write(2)}: writes at the descriptor's offset (at the end with O_APPEND). Blocks on a
     * full pipe unless O_NONBLOCK. Writing to a pipe with no reader raises SIGPIPE and fails with
     * EPIPE.
     *
     * @return the number of bytes written; fewer than asked only when the filesystem filled up
     * @throws io.sandkernel.KernelException EBADF, EPIPE, ENOSPC, EFBIG, EAGAIN, EINTR
     */
    int write(int fd, byte[] buffer, int offset, int length);

    /**
     * {@code pread(2)}: reads at {@code position} without moving the offset.
     *
     * @throws io.sandkernel.KernelException EBADF, ESPIPE (a pipe or terminal), EINVAL (negative position)
     */
    int pread(int fd, byte[] buffer, int offset, int length, long position);

    /**
     * {@code pwrite(2)}: writes at {@code position} without moving the offset.
     *
     * @throws io.sandkernel.KernelException EBADF, ESPIPE, EINVAL, ENOSPC
     */
    int pwrite(int fd, byte[] buffer, int offset, int length, long position);

    /**
     * {@code lseek(2)} with {@link OpenFlags#SEEK_SET}, {@code SEEK_CUR} or {@code SEEK_END}.
     *
     * @return the new offset
     * @throws io.sandkernel.KernelException EBADF, ESPIPE (pipe, terminal), EINVAL (bad whence or
     *         a negative result)
     */
    long lseek(int fd, long offset, int whence);

    /**
     * {@code close(2)}.
     *
     * @throws io.sandkernel.KernelException EBADF for a descriptor that is not open
     */
    void close(int fd);

    /**
     * {@code dup(2)}: the lowest free descriptor, sharing {@code fd}'s open file (offset and
     * status flags), without close-on-exec.
     *
     * @throws io.sandkernel.KernelException EBADF, EMFILE
     */
    int dup(int fd);

    /**
     * {@code dup2(2)}: makes {@code newFd} refer to what {@code oldFd} refers to, closing what
     * {@code newFd} referred to; nothing happens when they are equal and open.
     *
     * @return {@code newFd}
     * @throws io.sandkernel.KernelException EBADF for a descriptor that is not open or a
     *         {@code newFd} out of range
     */
    int dup2(int oldFd, int newFd);

    /**
     * {@code dup3(2)}: {@link #dup2} with {@code flags} ({@link OpenFlags#O_CLOEXEC} only).
     *
     * @throws io.sandkernel.KernelException EINVAL when the descriptors are equal or a flag is unknown, EBADF
     */
    int dup3(int oldFd, int newFd, int flags);

    /**
     * {@code fcntl(2)}: {@link OpenFlags#F_DUPFD}, {@code F_DUPFD_CLOEXEC}, {@code F_GETFD},
     * {@code F_SETFD}, {@code F_GETFL}, {@code F_SETFL} (O_APPEND and O_NONBLOCK).
     *
     * @throws io.sandkernel.KernelException EBADF, EINVAL (unknown command), EMFILE
     */
    int fcntl(int fd, int command, int argument);

    /**
     * {@code pipe2(2)}: creates a kernel pipe (64 KiB) and returns its descriptors, read end
     * first; {@code flags} may hold {@link OpenFlags#O_CLOEXEC} and {@link OpenFlags#O_NONBLOCK}.
     *
     * @throws io.sandkernel.KernelException EMFILE at the descriptor limit, EAGAIN at the pipe limit, EINVAL
     */
    int[] pipe2(int flags);

    /** {@code pipe(2)}: {@link #pipe2} without flags. */
    default int[] pipe() {
        return pipe2(0);
    }

    /**
     * {@code poll(2)}: waits until one of {@code fds} is ready or {@code timeout} passes
     * ({@link Duration#ZERO} does not wait; a negative duration waits without limit). Pipes,
     * terminals and files (always ready) can be polled.
     *
     * @return for each entry the events that occurred (0 when none), in order
     * @throws io.sandkernel.KernelException EINTR when a signal handler ran, EINVAL
     */
    int[] poll(List<PollFd> fds, Duration timeout);

    // ------------------------------------------------------------ file metadata

    /**
     * {@code fstatat(2)}: the status of {@code path} relative to {@code dirFd}; with
     * {@link OpenFlags#AT_SYMLINK_NOFOLLOW} a final symbolic link itself, with
     * {@link OpenFlags#AT_EMPTY_PATH} and an empty path the descriptor's file.
     *
     * @throws io.sandkernel.KernelException ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG, EBADF
     */
    Stat fstatat(int dirFd, String path, int flags);

    /** {@code stat(2)}: follows symbolic links. */
    default Stat stat(String path) {
        return fstatat(OpenFlags.AT_FDCWD, path, 0);
    }

    /** {@code lstat(2)}: a final symbolic link itself. */
    default Stat lstat(String path) {
        return fstatat(OpenFlags.AT_FDCWD, path, OpenFlags.AT_SYMLINK_NOFOLLOW);
    }

    /**
     * {@code fstat(2)}: the status of what {@code fd} refers to (a pipe is a FIFO, a terminal a
     * character device).
     *
     * @throws io.sandkernel.KernelException EBADF
     */
    Stat fstat(int fd);

    /**
     * {@code faccessat(2)}: whether the caller may access {@code path} as {@code mode}
     * ({@link OpenFlags#F_OK}, or R_OK | W_OK | X_OK), by its real ids as Linux does.
     *
     * @throws io.sandkernel.KernelException EACCES, ENOENT, ENOTDIR, EROFS (W_OK on a read-only mount), ELOOP
     */
    void faccessat(int dirFd, String path, int mode, int flags);

    /** {@code access(2)}. */
    default void access(String path, int mode) {
        faccessat(OpenFlags.AT_FDCWD, path, mode, 0);
    }

    /**
     * {@code getdents(2)}/{@code readdir(3)}: every entry of the directory open at {@code fd},
     * {@code "."} and {@code ".."} first, with inode numbers and types.
     *
     * @throws io.sandkernel.KernelException EBADF, ENOTDIR
     */
    List<DirEntry> readdir(int fd);

    /**
     * The entries of the directory {@code path}, without {@code "."} and {@code ".."}, sorted by
     * name: {@link #open} with O_DIRECTORY, {@link #readdir}, {@link #close}.
     *
     * @throws io.sandkernel.KernelException ENOENT, ENOTDIR, EACCES
     */
    default List<DirEntry> listDirectory(String path) {
        int fd = open(path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC, 0);
        try {
            return readdir(fd).stream()
                    .filter(entry -> !entry.name().equals(".") && !entry.name().equals(".."))
                    .sorted(java.util.Comparator.comparing(DirEntry::name))
                    .toList();
        } finally {
            close(fd);
        }
    }

    /**
     * {@code statfs(2)}: the filesystem holding {@code path}, its size and use.
     *
     * @throws io.sandkernel.KernelException ENOENT, EACCES
     */
    StatFs statfs(String path);

    /**
     * {@code fchmodat(2)}: sets the permission bits (07777) of {@code path}.
     *
     * @throws io.sandkernel.KernelException EPERM (not the owner nor root), ENOENT, EROFS
     */
    void fchmodat(int dirFd, String path, int mode, int flags);

    /** {@code chmod(2)}. */
    default void chmod(String path, int mode) {
        fchmodat(OpenFlags.AT_FDCWD, path, mode, 0);
    }

    /** {@code fchmod(2)}. */
    void fchmod(int fd, int mode);

    /**
     * {@code fchownat(2)}: sets the owner and group; -1 leaves one unchanged. Only root changes
     * the owner; an owner may change the group to one of its own groups.
     *
     * @throws io.sandkernel.KernelException EPERM, ENOENT, EROFS
     */
    void fchownat(int dirFd, String path, int uid, int gid, int flags);

    /** {@code chown(2)}. */
    default void chown(String path, int uid, int gid) {
        fchownat(OpenFlags.AT_FDCWD, path, uid, gid, 0);
    }

    /** {@code lchown(2)}: a final symbolic link itself. */
    default void lchown(String path, int uid, int gid) {
        fchownat(OpenFlags.AT_FDCWD, path, uid, gid, OpenFlags.AT_SYMLINK_NOFOLLOW);
    }

    /** {@code fchown(2)}. */
    void fchown(int fd, int uid, int gid);

    /**
     * {@code utimensat(2)}: sets the access and modification times, in nanoseconds since the
     * epoch, or {@link OpenFlags#UTIME_NOW} / {@link OpenFlags#UTIME_OMIT}.
     *
     * @throws io.sandkernel.KernelException EPERM/EACCES (not the owner; "now" needs write
     *         permission), ENOENT, EROFS
     */
    void utimensat(int dirFd, String path, long accessNanos, long modifyNanos, int flags);

    /** {@code futimens(3)}. */
    void futimens(int fd, long accessNanos, long modifyNanos);

    /**
     * {@code truncate(2)}: sets the size of the regular file {@code path}.
     *
     * @throws io.sandkernel.KernelException EISDIR, EACCES, ENOENT, EROFS, ENOSPC, EINVAL (negative)
     */
    void truncate(String path, long length);

    /**
     * {@code ftruncate(2)}.
     *
     * @throws io.sandkernel.KernelException EBADF, EINVAL (not a regular file open for writing)
     */
    void ftruncate(int fd, long length);

    /**
     * {@code fsync(2)}.
     *
     * @throws io.sandkernel.KernelException EBADF, EINVAL (a pipe or terminal)
     */
    void fsync(int fd);

    // ------------------------------------------------------------ the namespace

    /**
     * {@code mkdirat(2)}: creates a directory with {@code mode} less the umask.
     *
     * @throws io.sandkernel.KernelException EEXIST, ENOENT, ENOTDIR, EACCES, EROFS, ENOSPC
     */
    void mkdirat(int dirFd, String path, int mode);

    /** {@code mkdir(2)}. */
    default void mkdir(String path, int mode) {
        mkdirat(OpenFlags.AT_FDCWD, path, mode);
    }

    /**
     * {@code unlinkat(2)}: removes a name; with {@link OpenFlags#AT_REMOVEDIR} an empty directory.
     *
     * @throws io.sandkernel.KernelException ENOENT, EISDIR (a directory without AT_REMOVEDIR),
     *         ENOTDIR, ENOTEMPTY, EBUSY (a mount point), EACCES, EPERM (sticky directory), EROFS
     */
    void unlinkat(int dirFd, String path, int flags);

    /** {@code unlink(2)}. */
    default void unlink(String path) {
        unlinkat(OpenFlags.AT_FDCWD, path, 0);
    }

    /** {@code rmdir(2)}. */
    default void rmdir(String path) {
        unlinkat(OpenFlags.AT_FDCWD, path, OpenFlags.AT_REMOVEDIR);
    }

    /**
     * {@code renameat(2)}: moves a name, replacing the target as Linux does.
     *
     * @throws io.sandkernel.KernelException ENOENT, EXDEV (another mount), EISDIR, ENOTDIR,
     *         ENOTEMPTY, EINVAL (into its own subdirectory), EACCES, EPERM, EROFS, EBUSY
     */
    void renameat(int oldDirFd, String oldPath, int newDirFd, String newPath);

    /** {@code rename(2)}. */
    default void rename(String oldPath, String newPath) {
        renameat(OpenFlags.AT_FDCWD, oldPath, OpenFlags.AT_FDCWD, newPath);
    }

    /**
     * {@code linkat(2)}: a new hard link; with {@link OpenFlags#AT_SYMLINK_FOLLOW} a final
     * symbolic link of the source is followed.
     *
     * @throws io.sandkernel.KernelException EEXIST, ENOENT, EPERM (a directory), EXDEV, EACCES, EROFS, ENOSPC
     */
    void linkat(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags);

    /** {@code link(2)}. */
    default void link(String oldPath, String newPath) {
        linkat(OpenFlags.AT_FDCWD, oldPath, OpenFlags.AT_FDCWD, newPath, 0);
    }

    /**
     * {@code symlinkat(2)}: creates {@code linkPath} pointing to {@code target} (not checked).
     *
     * @throws io.sandkernel.KernelException EEXIST, ENOENT, EACCES, EROFS, ENOSPC
     */
    void symlinkat(String target, int newDirFd, String linkPath);

    /** {@code symlink(2)}. */
    default void symlink(String target, String linkPath) {
        symlinkat(target, OpenFlags.AT_FDCWD, linkPath);
    }

    /**
     * {@code readlinkat(2)}: the target of a symbolic link.
     *
     * @throws io.sandkernel.KernelException EINVAL (not a link), ENOENT, EACCES
     */
    String readlinkat(int dirFd, String path);

    /** {@code readlink(2)}. */
    default String readlink(String path) {
        return readlinkat(OpenFlags.AT_FDCWD, path);
    }

    /**
     * {@code fchdir(2)}: makes the directory open at {@code fd} the working directory.
     *
     * @throws io.sandkernel.KernelException EBADF, ENOTDIR, EACCES
     */
    void fchdir(int fd);

    // ------------------------------------------------------------ memory

    /**
     * Charges {@code bytes} that the program holds on the kernel's behalf (a shell's variables,
     * a command's buffers) to this process and its kernel. Charge in chunks, as
     * {@link MemoryReservation} does, not per byte. What a process still holds when it exits is
     * given back.
     *
     * @throws io.sandkernel.KernelException ENOMEM when the process's limit ({@link #memoryLimit})
     *                                       or the kernel's would be passed (nothing is charged);
     *                                       EINVAL for a negative count
     */
    void reserveMemory(long bytes);

    /** Gives back up to {@code bytes} of what {@link #reserveMemory} charged (never more than is held). */
    void releaseMemory(long bytes);

    /**
     * The process's own memory limit in bytes ({@code getrlimit(RLIMIT_AS)}), {@link Long#MAX_VALUE}
     * for none; children inherit it.
     */
    long memoryLimit();

    /**
     * Sets the process's own memory limit ({@code setrlimit(RLIMIT_AS)}), {@link Long#MAX_VALUE}
     * for none. It applies to later reservations, and children inherit it.
     *
     * @throws io.sandkernel.KernelException EINVAL for a negative limit, EPERM when a process that
     *                                       is not root raises it
     */
    void setMemoryLimit(long bytes);

    // ------------------------------------------------------------ resource usage

    /**
     * {@code getrusage(RUSAGE_SELF)}'s user time: the CPU time this process has used so far, in
     * nanoseconds, as the kernel measures it for CPU limits; 0 when its runtime measures none.
     */
    long cpuNanos();

    /**
     * {@code getrusage(RUSAGE_CHILDREN)}'s user time: the CPU time, in nanoseconds, of this
     * process's children that have exited, each with what its own exited children used (counted
     * at their exit, where Linux counts at their reaping).
     */
    long childrenCpuNanos();

    // ------------------------------------------------------------ resource limits

    /**
     * {@code getrlimit(2)}: the process's limits of {@code resource} ({@link ResourceLimit#UNLIMITED}
     * for none): CPU seconds as set by {@link #setrlimit} or inherited, open files and processes
     * as the kernel enforces them.
     */
    ResourceLimit getrlimit(Resource resource);

    /**
     * {@code setrlimit(2)}: sets the process's limits of {@code resource}; children started
     * afterwards inherit them. A CPU limit counts the CPU time already used, as on Linux.
     *
     * @throws io.sandkernel.KernelException EPERM when a process that is not root raises the hard
     *                                       limit; EINVAL for {@link Resource#NOFILE} and
     *                                       {@link Resource#NPROC}, which the kernel fixes
     *                                       ({@code KernelLimits}), unless unchanged
     */
    void setrlimit(Resource resource, ResourceLimit limit);

    // ------------------------------------------------------------ streams over descriptors

    /**
     * A stream reading descriptor {@code fd}; closing the stream does not close the descriptor.
     *
     * @throws io.sandkernel.KernelException EBADF
     */
    default InputStream input(int fd) {
        fstat(fd);
        return new DescriptorInputStream(this, fd, false);
    }

    /**
     * A stream writing descriptor {@code fd}; closing the stream does not close the descriptor.
     *
     * @throws io.sandkernel.KernelException EBADF
     */
    default OutputStream output(int fd) {
        fstat(fd);
        return new DescriptorOutputStream(this, fd, false);
    }

    // ------------------------------------------------------------ terminals

    /** {@code isatty(3)}: whether descriptor {@code fd} refers to a terminal. */
    default boolean isatty(int fd) {
        return false;
    }

    /**
     * {@code tcgetpgrp(3)}: the foreground process group of the terminal at {@code fd}.
     *
     * @throws io.sandkernel.KernelException ENOTTY when it is not this process's controlling terminal, EBADF
     */
    default int tcgetpgrp(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOTTY, "not a terminal");
    }

    /**
     * {@code tcsetpgrp(3)}: puts process group {@code pgid} in the foreground of the terminal at
     * {@code fd}.
     *
     * @throws io.sandkernel.KernelException ENOTTY when it is not this process's controlling terminal,
     *                                       EPERM when {@code pgid} is not a group of the session, EBADF
     */
    default void tcsetpgrp(int fd, int pgid) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOTTY, "not a terminal");
    }

    /**
     * {@code tcgetattr(3)}: the modes of the terminal at {@code fd}.
     *
     * @throws io.sandkernel.KernelException ENOTTY, EBADF
     */
    default io.sandkernel.api.tty.Termios tcgetattr(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOTTY, "not a terminal");
    }

    /**
     * {@code tcsetattr(3)}: changes the modes of the terminal at {@code fd}.
     *
     * @throws io.sandkernel.KernelException ENOTTY, EBADF
     */
    default void tcsetattr(int fd, io.sandkernel.api.tty.Termios termios) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOTTY, "not a terminal");
    }

    /**
     * {@code ioctl(TIOCGWINSZ)}: the window size of the terminal at {@code fd}.
     *
     * @throws io.sandkernel.KernelException ENOTTY, EBADF
     */
    default io.sandkernel.api.tty.TerminalSize terminalSize(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOTTY, "not a terminal");
    }
}
