package io.sandkernel.api;

import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
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

    /** The working directory, absolute. */
    String cwd();

    /**
     * Changes the working directory.
     *
     * @throws io.sandkernel.KernelException ENOENT when it does not exist, ENOTDIR when not a directory
     */
    void chdir(String path);

    /** Resolves {@code path} against the working directory, in the kernel's filesystem. */
    Path resolve(String path);

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
     * Opens an input stream on {@code path} in the kernel filesystem (resolved against the cwd).
     *
     * @throws io.sandkernel.KernelException ENOENT, EISDIR, EACCES, EMFILE
     */
    InputStream openRead(String path);

    /**
     * Opens an output stream on {@code path}, creating it (honouring the umask), truncating it or
     * appending.
     *
     * @throws io.sandkernel.KernelException ENOENT (missing parent), EISDIR, EACCES, ENOSPC, EMFILE
     */
    OutputStream openWrite(String path, boolean append);

    /**
     * Whether the kernel has a command named {@code name} (what {@link #spawn} can start), for a
     * shell's {@code command -v} and {@code type}.
     */
    default boolean hasCommand(String name) {
        return false;
    }

    // ------------------------------------------------------------ descriptors (for the shell)

    /**
     * {@code pipe(2)}: creates a kernel pipe and returns its descriptors, read end first.
     *
     * @throws io.sandkernel.KernelException EMFILE at the descriptor limit, EAGAIN at the pipe limit
     */
    default int[] pipe() {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "pipe is not supported here");
    }

    /**
     * {@code close(2)}.
     *
     * @throws io.sandkernel.KernelException EBADF for a descriptor that is not open
     */
    default void close(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "close is not supported here");
    }

    /**
     * {@code dup2(2)}: makes {@code newFd} refer to what {@code oldFd} refers to.
     *
     * @throws io.sandkernel.KernelException EBADF for a descriptor that is not open
     */
    default void dup2(int oldFd, int newFd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "dup2 is not supported here");
    }

    /**
     * {@code open(2)} for the shell's redirections: opens {@code path} for reading, or for writing
     * (creating it, truncating unless {@code append}) and returns the new descriptor.
     *
     * @throws io.sandkernel.KernelException ENOENT, EISDIR, EACCES, EMFILE, ENOSPC
     */
    default int open(String path, boolean write, boolean append) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "open is not supported here");
    }

    /**
     * A stream reading descriptor {@code fd}; closing the stream does not close the descriptor.
     *
     * @throws io.sandkernel.KernelException EBADF
     */
    default InputStream input(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "descriptors are not supported here");
    }

    /**
     * A stream writing descriptor {@code fd}; closing the stream does not close the descriptor.
     *
     * @throws io.sandkernel.KernelException EBADF
     */
    default OutputStream output(int fd) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, "descriptors are not supported here");
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
