package io.sandkernel.kernel;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.spi.StandardStreams;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The kernel's implementation of {@link ProcessApi} for one process. It does what the kernel does
 * (table, descriptors, filesystem, permissions) and nothing a runtime does: signal handlers,
 * stopping at kernel calls and the like belong to the driver, which wraps this object. Blocking
 * calls interrupted by a thread interrupt fail with EINTR.
 */
final class Syscalls implements ProcessApi {
    private final Kernel kernel;
    private final Task task;
    private final OutputStream out;
    private final OutputStream err;
    // Created on first use: a PrintStream holds 16 KiB of encoder buffers, and most processes
    // (sleep, true) never print.
    private PrintStream stdout;
    private PrintStream stderr;
    private final InputStream stdin;

    Syscalls(Kernel kernel, Task task, StandardStreams stdio) {
        this.kernel = kernel;
        this.task = task;
        this.stdin = stdio.stdin();
        this.out = stdio.stdout();
        this.err = stdio.stderr();
    }

    private ProcessTable table() {
        return kernel.table();
    }

    @Override
    public int pid() {
        return task.pid;
    }

    @Override
    public int ppid() {
        return table().getppid(task.pid);
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
    public String cwd() {
        return task.cwd();
    }

    @Override
    public void chdir(String path) {
        String target = KernelFiles.normalize(task.cwd(), path);
        Path resolved = kernel.files().path(target);
        if (!Files.exists(resolved)) {
            throw new KernelException(Errno.ENOENT, "no such directory " + target);
        }
        if (!Files.isDirectory(resolved)) {
            throw new KernelException(Errno.ENOTDIR, "not a directory " + target);
        }
        task.cwd(target);
    }

    @Override
    public Path resolve(String path) {
        return kernel.files().resolve(task.cwd(), path);
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public boolean hasCommand(String name) {
        return kernel.hasCommand(name);
    }

    @Override
    public PrintStream stdout() {
        if (stdout == null) {
            stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        }
        return stdout;
    }

    @Override
    public PrintStream stderr() {
        if (stderr == null) {
            stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        }
        return stderr;
    }

    @Override
    public int spawn(SpawnRequest request) {
        return kernel.spawnChild(task, request);
    }

    @Override
    public Optional<WaitResult> waitpid(int pid, WaitOption... options) {
        try {
            return table().waitpid(task.pid, pid, options);
        } catch (InterruptedException e) {
            throw new KernelException(Errno.EINTR, "waitpid interrupted");
        }
    }

    @Override
    public void kill(int pid, int signal) {
        kernel.killFrom(task, pid, signal);
    }

    @Override
    public void setpgid(int pid, int pgid) {
        if (pid < 0 || pgid < 0) {
            throw new KernelException(Errno.EINVAL, "setpgid: negative argument");
        }
        int target = pid == 0 ? task.pid : pid;
        if (target != task.pid) {
            int parent;
            try {
                parent = table().getppid(target);
            } catch (KernelException e) {
                throw new KernelException(Errno.ESRCH, "no such child " + target);
            }
            if (parent != task.pid) {
                throw new KernelException(Errno.ESRCH, "process " + target + " is not a child of " + task.pid);
            }
            if (table().getsid(target) != table().getsid(task.pid)) {
                throw new KernelException(Errno.EPERM, "child " + target + " is in another session");
            }
        }
        table().setpgid(target, pgid == 0 ? target : pgid);
    }

    @Override
    public int getpgid(int pid) {
        return table().getpgid(self(pid));
    }

    @Override
    public int setsid() {
        return table().setsid(task.pid);
    }

    @Override
    public int getsid(int pid) {
        return table().getsid(self(pid));
    }

    private int self(int pid) {
        if (pid < 0) {
            throw new KernelException(Errno.EINVAL, "negative pid " + pid);
        }
        return pid == 0 ? task.pid : pid;
    }

    @Override
    public SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        return table().sigprocmask(task.pid, how, set);
    }

    @Override
    public SignalSet sigpending() {
        return table().sigpending(task.pid);
    }

    @Override
    public SignalHandler signal(int signal, SignalHandler handler) {
        throw new KernelException(Errno.ENOSYS, "this runtime does not run signal handlers");
    }

    @Override
    public int umask(int mask) {
        return table().setUmask(task.pid, mask);
    }

    @Override
    public void sleep(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new KernelException(Errno.EINVAL, "invalid sleep duration");
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new KernelException(Errno.EINTR, "sleep interrupted");
        }
    }

    @Override
    public SortedMap<Integer, ProcessInfo> processes() {
        return table().listProcesses();
    }

    @Override
    public void exit(int status) {
        throw new ProcessTermination(status & 0xFF);
    }

    @Override
    public InputStream openRead(String path) {
        int fd = task.fds.install(kernel.files().openRead(task.cwd(), path));
        return task.fds.input(fd, true);
    }

    @Override
    public OutputStream openWrite(String path, boolean append) {
        int umask = table().getUmask(task.pid);
        int fd = task.fds.install(kernel.files().openWrite(task.cwd(), path, append, umask));
        return task.fds.output(fd, true);
    }

    @Override
    public int[] pipe() {
        Pipe pipe = kernel.newPipe();
        OpenFile reader = pipe.newReader();
        OpenFile writer = pipe.newWriter();
        int readFd;
        try {
            readFd = task.fds.install(reader);
        } catch (KernelException e) {
            writer.release();
            throw e;
        }
        try {
            return new int[] {readFd, task.fds.install(writer)};
        } catch (KernelException e) {
            task.fds.close(readFd);
            throw e;
        }
    }

    @Override
    public void close(int fd) {
        task.fds.close(fd);
    }

    @Override
    public void dup2(int oldFd, int newFd) {
        task.fds.dup2(oldFd, newFd);
    }

    @Override
    public int open(String path, boolean write, boolean append) {
        OpenFile file = write
                ? kernel.files().openWrite(task.cwd(), path, append, table().getUmask(task.pid))
                : kernel.files().openRead(task.cwd(), path);
        return task.fds.install(file);
    }

    @Override
    public InputStream input(int fd) {
        return task.fds.input(fd, false);
    }

    @Override
    public OutputStream output(int fd) {
        return task.fds.output(fd, false);
    }

    // ------------------------------------------------------------ terminals

    private io.sandkernel.kernel.tty.PseudoTerminal terminal(int fd) {
        if (task.fds.get(fd) instanceof OpenFile.TerminalFile file) {
            return file.terminal;
        }
        throw new KernelException(Errno.ENOTTY, "descriptor " + fd + " is not a terminal");
    }

    @Override
    public boolean isatty(int fd) {
        try {
            return task.fds.get(fd) instanceof OpenFile.TerminalFile;
        } catch (KernelException e) {
            return false;
        }
    }

    @Override
    public int tcgetpgrp(int fd) {
        return terminal(fd).tcgetpgrp(task.pid);
    }

    @Override
    public void tcsetpgrp(int fd, int pgid) {
        terminal(fd).tcsetpgrp(task.pid, pgid);
    }

    @Override
    public io.sandkernel.api.tty.Termios tcgetattr(int fd) {
        return terminal(fd).termios();
    }

    @Override
    public void tcsetattr(int fd, io.sandkernel.api.tty.Termios termios) {
        if (termios == null) {
            throw new KernelException(Errno.EINVAL, "tcsetattr: null termios");
        }
        terminal(fd).setTermios(termios);
    }

    @Override
    public io.sandkernel.api.tty.TerminalSize terminalSize(int fd) {
        return terminal(fd).size();
    }
}
