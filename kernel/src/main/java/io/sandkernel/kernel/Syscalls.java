package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.DescriptorInputStream;
import io.sandkernel.api.DescriptorOutputStream;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.Resource;
import io.sandkernel.api.ResourceLimit;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.api.spi.Checkpoint;
import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.api.tty.Termios;
import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The kernel's implementation of {@link ProcessApi} for one process, made for its driver with the
 * driver's {@link Checkpoint} (see {@code ProcessLaunch.syscalls}). Every call checks in with the
 * checkpoint when it begins and ends, so a driver acts on signals at each call without wrapping
 * it. A blocking call interrupted by the driver (a signal) checks in again, then a read or write
 * restarts (as with {@code SA_RESTART}) while {@code sleep}, {@code waitpid} and {@code poll} fail
 * with EINTR if a handler ran and go on otherwise. With {@link Checkpoint#NONE} an interrupted
 * blocking call fails with EINTR.
 *
 * <p>The work is done by {@link ProcessFiles} (files and descriptors) and {@link ProcessCalls}
 * (processes, signals, terminals); this class only adds the checkpoints.
 */
final class Syscalls implements ProcessApi {
    private final Task task;
    private final ProcessFiles files;
    private final ProcessCalls process;
    private final Checkpoint checkpoint;
    private final boolean restarts;
    // Created on first use: a PrintStream holds 16 KiB of encoder buffers, and most processes
    // (sleep, true) never print.
    private InputStream stdin;
    private PrintStream stdout;
    private PrintStream stderr;

    Syscalls(Kernel kernel, Task task, Checkpoint checkpoint) {
        this.task = task;
        this.files = task.files;
        this.process = new ProcessCalls(kernel, task);
        this.checkpoint = checkpoint;
        this.restarts = checkpoint != Checkpoint.NONE;
    }

    // ------------------------------------------------------------------ checkpoint helpers

    private <T> T call(Supplier<T> operation) {
        checkpoint.check();
        try {
            return operation.get();
        } finally {
            checkpoint.check();
        }
    }

    private void run(Runnable operation) {
        checkpoint.check();
        try {
            operation.run();
        } finally {
            checkpoint.check();
        }
    }

    /** After EINTR from a read or write: acts on the signal; whether to restart the call. */
    private boolean restart(KernelException e) {
        if (e.errno() != Errno.EINTR || !restarts) {
            return false;
        }
        checkpoint.check();
        return true;
    }

    /** After EINTR from sleep, waitpid or poll: acts on the signal; whether to go on waiting. */
    private boolean resume(KernelException e) {
        return e.errno() == Errno.EINTR && restarts && !checkpoint.check();
    }

    private static void checkBuffer(byte[] buffer, int offset, int length) {
        if (buffer == null || offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new KernelException(Errno.EFAULT, "buffer out of bounds");
        }
    }

    // ------------------------------------------------------------------ identity (no checkpoint)

    @Override
    public int pid() {
        return task.pid;
    }

    @Override
    public int ppid() {
        return call(process::ppid);
    }

    @Override
    public String command() {
        return task.command;
    }

    @Override
    public List<String> args() {
        return task.args;
    }

    @Override
    public ProcessIdentity identity() {
        return task.identity;
    }

    @Override
    public Map<String, String> env() {
        return task.env;
    }

    @Override
    public boolean hasCommand(String name) {
        return process.hasCommand(name);
    }

    // ------------------------------------------------------------------ standard streams

    @Override
    public InputStream stdin() {
        if (stdin == null) {
            stdin = new DescriptorInputStream(this, 0, false);
        }
        return stdin;
    }

    @Override
    public PrintStream stdout() {
        if (stdout == null) {
            stdout = new PrintStream(new DescriptorOutputStream(this, 1, false), true, StandardCharsets.UTF_8);
        }
        return stdout;
    }

    @Override
    public PrintStream stderr() {
        if (stderr == null) {
            stderr = new PrintStream(new DescriptorOutputStream(this, 2, false), true, StandardCharsets.UTF_8);
        }
        return stderr;
    }

    // ------------------------------------------------------------------ processes and signals

    @Override
    public int spawn(SpawnRequest request) {
        return call(() -> process.spawn(request));
    }

    @Override
    public int spawn(SpawnRequest request, io.sandkernel.api.Program program) {
        return call(() -> process.spawn(request, program));
    }

    @Override
    public Optional<WaitResult> waitpid(int pid, WaitOption... options) {
        checkpoint.check();
        try {
            while (true) {
                try {
                    return process.waitpid(pid, options);
                } catch (KernelException e) {
                    if (!resume(e)) {
                        throw e;
                    }
                }
            }
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public void kill(int pid, int signal) {
        run(() -> process.kill(pid, signal));
    }

    @Override
    public void setpgid(int pid, int pgid) {
        run(() -> process.setpgid(pid, pgid));
    }

    @Override
    public int getpgid(int pid) {
        return call(() -> process.getpgid(pid));
    }

    @Override
    public int setsid() {
        return call(process::setsid);
    }

    @Override
    public int getsid(int pid) {
        return call(() -> process.getsid(pid));
    }

    @Override
    public SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        return call(() -> process.sigprocmask(how, set));
    }

    @Override
    public SignalSet sigpending() {
        return call(process::sigpending);
    }

    @Override
    public SignalHandler signal(int signal, SignalHandler handler) {
        return call(() -> checkpoint.handle(signal, handler));
    }

    @Override
    public int umask(int mask) {
        return call(() -> process.umask(mask));
    }

    // ------------------------------------------------------------------ memory (no checkpoint: hot paths call these)

    @Override
    public void reserveMemory(long bytes) {
        task.memory.reserve(bytes);
    }

    @Override
    public void releaseMemory(long bytes) {
        task.memory.release(bytes);
    }

    @Override
    public long memoryLimit() {
        return task.memory.limit();
    }

    @Override
    public long cpuNanos() {
        return Math.max(0, task.cpuNanos());
    }

    @Override
    public long childrenCpuNanos() {
        return task.childrenCpu.get();
    }

    @Override
    public void setMemoryLimit(long bytes) {
        task.memory.setLimit(bytes, task.identity.isRoot());
    }

    // ------------------------------------------------------------------ resource limits

    @Override
    public ResourceLimit getrlimit(Resource resource) {
        return process.getrlimit(resource);
    }

    @Override
    public void setrlimit(Resource resource, ResourceLimit limit) {
        process.setrlimit(resource, limit);
    }

    @Override
    public void sleep(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new KernelException(Errno.EINVAL, "invalid sleep duration");
        }
        checkpoint.check();
        try {
            long deadline = System.nanoTime() + ProcessCalls.saturatedNanos(duration);
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(remaining));
                } catch (InterruptedException e) {
                    KernelException eintr = new KernelException(Errno.EINTR, "sleep interrupted");
                    if (!resume(eintr)) {
                        throw eintr;
                    }
                }
            }
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public SortedMap<Integer, ProcessInfo> processes() {
        return call(process::processes);
    }

    @Override
    public void exit(int status) {
        throw new ProcessTermination(status & 0xFF);
    }

    // ------------------------------------------------------------------ working directory

    @Override
    public String cwd() {
        return files.cwd();
    }

    @Override
    public void chdir(String path) {
        run(() -> files.chdir(path));
    }

    @Override
    public void fchdir(int fd) {
        run(() -> files.fchdir(fd));
    }

    // ------------------------------------------------------------------ descriptors (hot paths written out)

    @Override
    public int openat(int dirFd, String path, int flags, int mode) {
        checkpoint.check();
        try {
            return files.openat(dirFd, path, flags, mode);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public int read(int fd, byte[] buffer, int offset, int length) {
        checkBuffer(buffer, offset, length);
        checkpoint.check();
        try {
            while (true) {
                try {
                    return files.read(fd, buffer, offset, length);
                } catch (KernelException e) {
                    if (!restart(e)) {
                        throw e;
                    }
                }
            }
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public int write(int fd, byte[] buffer, int offset, int length) {
        checkBuffer(buffer, offset, length);
        checkpoint.check();
        try {
            while (true) {
                try {
                    return files.write(fd, buffer, offset, length);
                } catch (KernelException e) {
                    if (!restart(e)) {
                        throw e;
                    }
                }
            }
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public int pread(int fd, byte[] buffer, int offset, int length, long position) {
        checkBuffer(buffer, offset, length);
        checkpoint.check();
        try {
            return files.pread(fd, buffer, offset, length, position);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public int pwrite(int fd, byte[] buffer, int offset, int length, long position) {
        checkBuffer(buffer, offset, length);
        checkpoint.check();
        try {
            return files.pwrite(fd, buffer, offset, length, position);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        checkpoint.check();
        try {
            return files.lseek(fd, offset, whence);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public void close(int fd) {
        checkpoint.check();
        try {
            files.close(fd);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public int dup(int fd) {
        return call(() -> files.dup(fd));
    }

    @Override
    public int dup2(int oldFd, int newFd) {
        return call(() -> files.dup2(oldFd, newFd));
    }

    @Override
    public int dup3(int oldFd, int newFd, int flags) {
        return call(() -> files.dup3(oldFd, newFd, flags));
    }

    @Override
    public int fcntl(int fd, int command, int argument) {
        return call(() -> files.fcntl(fd, command, argument));
    }

    @Override
    public int[] pipe2(int flags) {
        return call(() -> files.pipe2(flags));
    }

    @Override
    public int[] poll(List<PollFd> fds, Duration timeout) {
        if (timeout == null) {
            throw new KernelException(Errno.EINVAL, "poll: null timeout");
        }
        checkpoint.check();
        try {
            long deadline = timeout.isNegative() || timeout.isZero() ? 0
                    : System.nanoTime() + ProcessCalls.saturatedNanos(timeout);
            Duration left = timeout;
            while (true) {
                try {
                    return files.poll(fds, left);
                } catch (KernelException e) {
                    if (!resume(e)) {
                        throw e;
                    }
                    if (deadline != 0) {
                        left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                    }
                }
            }
        } finally {
            checkpoint.check();
        }
    }

    // ------------------------------------------------------------------ metadata

    @Override
    public Stat fstatat(int dirFd, String path, int flags) {
        checkpoint.check();
        try {
            return files.fstatat(dirFd, path, flags);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public Stat fstat(int fd) {
        checkpoint.check();
        try {
            return files.fstat(fd);
        } finally {
            checkpoint.check();
        }
    }

    @Override
    public void faccessat(int dirFd, String path, int mode, int flags) {
        run(() -> files.faccessat(dirFd, path, mode, flags));
    }

    @Override
    public List<DirEntry> readdir(int fd) {
        return call(() -> files.readdir(fd));
    }

    @Override
    public StatFs statfs(String path) {
        return call(() -> files.statfs(path));
    }

    @Override
    public void fchmodat(int dirFd, String path, int mode, int flags) {
        run(() -> files.fchmodat(dirFd, path, mode, flags));
    }

    @Override
    public void fchmod(int fd, int mode) {
        run(() -> files.fchmod(fd, mode));
    }

    @Override
    public void fchownat(int dirFd, String path, int uid, int gid, int flags) {
        run(() -> files.fchownat(dirFd, path, uid, gid, flags));
    }

    @Override
    public void fchown(int fd, int uid, int gid) {
        run(() -> files.fchown(fd, uid, gid));
    }

    @Override
    public void utimensat(int dirFd, String path, long accessNanos, long modifyNanos, int flags) {
        run(() -> files.utimensat(dirFd, path, accessNanos, modifyNanos, flags));
    }

    @Override
    public void futimens(int fd, long accessNanos, long modifyNanos) {
        run(() -> files.futimens(fd, accessNanos, modifyNanos));
    }

    @Override
    public void truncate(String path, long length) {
        run(() -> files.truncate(path, length));
    }

    @Override
    public void ftruncate(int fd, long length) {
        run(() -> files.ftruncate(fd, length));
    }

    @Override
    public void fsync(int fd) {
        run(() -> files.fsync(fd));
    }

    // ------------------------------------------------------------------ names

    @Override
    public void mkdirat(int dirFd, String path, int mode) {
        run(() -> files.mkdirat(dirFd, path, mode));
    }

    @Override
    public void unlinkat(int dirFd, String path, int flags) {
        run(() -> files.unlinkat(dirFd, path, flags));
    }

    @Override
    public void renameat(int oldDirFd, String oldPath, int newDirFd, String newPath) {
        run(() -> files.renameat(oldDirFd, oldPath, newDirFd, newPath));
    }

    @Override
    public void linkat(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) {
        run(() -> files.linkat(oldDirFd, oldPath, newDirFd, newPath, flags));
    }

    @Override
    public void symlinkat(String target, int newDirFd, String linkPath) {
        run(() -> files.symlinkat(target, newDirFd, linkPath));
    }

    @Override
    public String readlinkat(int dirFd, String path) {
        return call(() -> files.readlinkat(dirFd, path));
    }

    // ------------------------------------------------------------------ terminals

    @Override
    public boolean isatty(int fd) {
        return files.isatty(fd);
    }

    @Override
    public int tcgetpgrp(int fd) {
        return call(() -> files.terminal(fd).tcgetpgrp(task.pid));
    }

    @Override
    public void tcsetpgrp(int fd, int pgid) {
        run(() -> files.terminal(fd).tcsetpgrp(task.pid, pgid));
    }

    @Override
    public Termios tcgetattr(int fd) {
        return call(() -> files.terminal(fd).termios());
    }

    @Override
    public void tcsetattr(int fd, Termios termios) {
        if (termios == null) {
            throw new KernelException(Errno.EINVAL, "tcsetattr: null termios");
        }
        run(() -> files.terminal(fd).setTermios(termios));
    }

    @Override
    public TerminalSize terminalSize(int fd) {
        return call(() -> files.terminal(fd).size());
    }

    @Override
    public String toString() {
        return "Syscalls[pid=" + task.pid + ", " + task.command + "]";
    }
}
