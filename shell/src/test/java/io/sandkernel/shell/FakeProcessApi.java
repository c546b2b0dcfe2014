package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.FakeKernel.OpenFile;
import io.sandkernel.user.ProcessIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A fake {@link ProcessApi}: one process of a {@link FakeKernel}, running on its own thread. */
final class FakeProcessApi implements ProcessApi {
    private final FakeKernel kernel;
    private final int pid;
    private final int ppid;
    volatile int pgid;
    private final List<String> argv;
    private final Map<String, String> env;
    private String cwd;
    private final TreeMap<Integer, OpenFile> fds = new TreeMap<>();
    private final Map<Integer, SignalHandler> handlers = new HashMap<>();
    private final ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private int umask = 022;

    // state, guarded by this
    private boolean exited;
    private boolean reaped;
    private int status;
    private boolean stopped;
    private boolean stopReported = true;
    private int stopSignal;
    private boolean continuedPending;
    volatile int terminatedBy;

    private FakeProcessApi(FakeKernel kernel, int pid, int ppid, int pgid, List<String> argv, Map<String, String> env,
                           String cwd) {
        this.kernel = kernel;
        this.pid = pid;
        this.ppid = ppid;
        this.pgid = pgid;
        this.argv = List.copyOf(argv);
        this.env = new HashMap<>(env);
        this.cwd = cwd;
    }

    static FakeProcessApi start(FakeKernel kernel, int ppid, List<String> argv, Map<String, String> env, String cwd,
                                OpenFile[] stdio, int pgid) {
        FakeKernel.Command command = kernel.commands.get(argv.get(0));
        if (command == null) {
            for (OpenFile file : stdio) {
                file.release();
            }
            throw new KernelException(Errno.ENOENT, argv.get(0) + ": command not found");
        }
        int pid = kernel.nextPid.incrementAndGet();
        FakeProcessApi process = new FakeProcessApi(kernel, pid, ppid, pgid == 0 ? pid : pgid, argv, env, cwd);
        for (int i = 0; i < 3; i++) {
            process.fds.put(i, stdio[i]);
        }
        kernel.processes.put(pid, process);
        kernel.log.add(pid + " " + String.join(" ", argv));
        process.thread = Thread.ofVirtual().name("fake-" + pid).unstarted(() -> process.main(command));
        process.thread.start();
        return process;
    }

    private void main(FakeKernel.Command command) {
        int result;
        try {
            result = command.run(this);
        } catch (ProcessTermination t) {
            result = t.status();
        } catch (Throwable t) {
            try {
                stderr().println(argv.get(0) + ": " + t);
            } catch (RuntimeException ignored) {
                // no stderr
            }
            result = 1;
        }
        List<OpenFile> open;
        synchronized (fds) {
            open = new ArrayList<>(fds.values());
            fds.clear();
        }
        for (OpenFile file : open) {
            file.release();
        }
        synchronized (this) {
            exited = true;
            status = result;
            notifyAll();
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!exited) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("process " + argv + " did not exit in " + timeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return status;
        }
    }

    /** Acts on signals at a kernel call: termination, and handlers on the process's own thread. */
    private void checkpoint() {
        if (terminatedBy != 0 && Thread.currentThread() == thread) {
            throw new ProcessTermination(128 + terminatedBy);
        }
        if (Thread.currentThread() == thread) {
            runHandlers();
        }
    }

    private boolean runHandlers() {
        boolean ran = false;
        Integer signal;
        while ((signal = pending.poll()) != null) {
            SignalHandler handler = handlers.get(signal);
            if (handler != null) {
                handler.handle(signal);
                ran = true;
            }
        }
        return ran;
    }

    /** Delivers a signal to this process. */
    void deliver(int signal) {
        if (signal == 0) {
            return;
        }
        SignalHandler handler;
        synchronized (this) {
            if (exited) {
                return;
            }
            handler = handlers.get(signal);
            if (signal == Signals.SIGCONT) {
                if (stopped) {
                    stopped = false;
                    continuedPending = true;
                    notifyAll();
                }
                if (handler == null) {
                    return;
                }
            }
            if (signal == Signals.SIGSTOP || (handler == null && (signal == Signals.SIGTSTP
                    || signal == Signals.SIGTTIN || signal == Signals.SIGTTOU))) {
                stopped = true;
                stopReported = false;
                stopSignal = signal;
                notifyAll();
                return;
            }
        }
        if (handler == SignalHandler.IGNORE) {
            return;
        }
        if (handler != null) {
            pending.add(signal);
            return;
        }
        if (signal == Signals.SIGCHLD || signal == Signals.SIGWINCH || signal == Signals.SIGURG) {
            return;
        }
        terminatedBy = signal;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Blocks while stopped; for fake commands. */
    void pauseWhileStopped() {
        synchronized (this) {
            while (stopped && terminatedBy == 0) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        checkpoint();
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int ppid() {
        return ppid;
    }

    @Override
    public String command() {
        return argv.get(0);
    }

    @Override
    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    @Override
    public ProcessIdentity identity() {
        return ProcessIdentity.defaults();
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String cwd() {
        return cwd;
    }

    @Override
    public void chdir(String path) {
        checkpoint();
        Path target = resolve(path);
        if (!Files.exists(target)) {
            throw new KernelException(Errno.ENOENT, path);
        }
        if (!Files.isDirectory(target)) {
            throw new KernelException(Errno.ENOTDIR, path);
        }
        cwd = target.toString();
    }

    @Override
    public Path resolve(String path) {
        return kernel.fs.getPath(cwd).resolve(path).normalize();
    }

    private OpenFile file(int fd) {
        synchronized (fds) {
            OpenFile file = fds.get(fd);
            if (file == null) {
                throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
            }
            return file;
        }
    }

    @Override
    public InputStream stdin() {
        return input(0);
    }

    @Override
    public PrintStream stdout() {
        return new PrintStream(output(1), true, StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream stderr() {
        return new PrintStream(output(2), true, StandardCharsets.UTF_8);
    }

    @Override
    public int spawn(SpawnRequest request) {
        checkpoint();
        OpenFile[] stdio = new OpenFile[3];
        Redirect[] redirects = {request.stdin(), request.stdout(), request.stderr()};
        for (int i = 0; i < 3; i++) {
            stdio[i] = switch (redirects[i]) {
                case Redirect.Inherit inherit -> file(i).retain();
                case Redirect.Descriptor d -> file(d.fd()).retain();
                case Redirect.Null n -> FakeKernel.nullFile();
                case Redirect.File f -> i == 0 ? FakeKernel.fileRead(openIn(f.path()))
                        : FakeKernel.fileWrite(openOut(f.path(), f.append()));
                case Redirect.Pipe p -> throw new KernelException(Errno.EINVAL, "host pipe");
            };
        }
        int group = request.pgid() < 0 ? pgid : request.pgid();
        String childCwd = resolve(request.cwd()).toString();
        return start(kernel, pid, request.argv(), request.env(), childCwd, stdio, group).pid;
    }

    @Override
    public Optional<WaitResult> waitpid(int target, WaitOption... options) {
        checkpoint();
        List<WaitOption> opts = List.of(options);
        long deadline = System.nanoTime() + FakeKernel.TIMEOUT.toNanos();
        while (true) {
            if (!opts.contains(WaitOption.WNOHANG) && !pending.isEmpty() && Thread.currentThread() == thread
                    && runHandlers()) {
                throw new KernelException(Errno.EINTR, "interrupted");
            }
            List<FakeProcessApi> children = new ArrayList<>();
            for (FakeProcessApi p : kernel.processes.values()) {
                if (p.ppid == pid && !p.reaped && (target == -1 || p.pid == target || (target < -1 && p.pgid == -target)
                        || (target == 0 && p.pgid == pgid))) {
                    children.add(p);
                }
            }
            if (children.isEmpty()) {
                throw new KernelException(Errno.ECHILD, "no child " + target);
            }
            for (FakeProcessApi child : children) {
                synchronized (child) {
                    if (child.exited) {
                        child.reaped = true;
                        kernel.processes.remove(child.pid);
                        return Optional.of(new WaitResult(child.pid, child.status, WaitEvent.EXITED));
                    }
                    if (opts.contains(WaitOption.WUNTRACED) && child.stopped && !child.stopReported) {
                        child.stopReported = true;
                        return Optional.of(new WaitResult(child.pid, child.stopSignal, WaitEvent.STOPPED));
                    }
                    if (opts.contains(WaitOption.WCONTINUED) && child.continuedPending) {
                        child.continuedPending = false;
                        return Optional.of(new WaitResult(child.pid, Signals.SIGCONT, WaitEvent.CONTINUED));
                    }
                }
            }
            if (opts.contains(WaitOption.WNOHANG)) {
                return Optional.empty();
            }
            if (terminatedBy != 0) {
                throw new ProcessTermination(128 + terminatedBy);
            }
            if (!pending.isEmpty() && runHandlers()) {
                throw new KernelException(Errno.EINTR, "interrupted");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waitpid(" + target + ") timed out in " + argv);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KernelException(Errno.EINTR, "interrupted");
            }
        }
    }

    @Override
    public void kill(int target, int signal) {
        checkpoint();
        List<FakeProcessApi> targets = new ArrayList<>();
        for (FakeProcessApi p : kernel.processes.values()) {
            if ((target > 0 && p.pid == target) || (target == 0 && p.pgid == pgid) || (target < -1 && p.pgid == -target)
                    || target == -1) {
                targets.add(p);
            }
        }
        if (targets.isEmpty()) {
            throw new KernelException(Errno.ESRCH, "no such process " + target);
        }
        for (FakeProcessApi p : targets) {
            p.deliver(signal);
        }
        checkpoint();
    }

    @Override
    public void setpgid(int target, int group) {
        FakeProcessApi p = target == 0 ? this : kernel.processes.get(target);
        if (p == null) {
            throw new KernelException(Errno.ESRCH, "no such process");
        }
        p.pgid = group == 0 ? p.pid : group;
    }

    @Override
    public int getpgid(int target) {
        FakeProcessApi p = target == 0 ? this : kernel.processes.get(target);
        if (p == null) {
            throw new KernelException(Errno.ESRCH, "no such process");
        }
        return p.pgid;
    }

    @Override
    public int setsid() {
        pgid = pid;
        return pid;
    }

    @Override
    public int getsid(int target) {
        return 1;
    }

    @Override
    public SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignalSet sigpending() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignalHandler signal(int signal, SignalHandler handler) {
        if (signal == Signals.SIGKILL || signal == Signals.SIGSTOP) {
            throw new KernelException(Errno.EINVAL, "cannot catch " + signal);
        }
        return handler == null ? handlers.remove(signal) : handlers.put(signal, handler);
    }

    @Override
    public int umask(int mask) {
        int old = umask;
        umask = mask;
        return old;
    }

    @Override
    public void sleep(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            pauseWhileStopped();
            if (!pending.isEmpty() && runHandlers()) {
                throw new KernelException(Errno.EINTR, "interrupted");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        checkpoint();
    }

    @Override
    public SortedMap<Integer, ProcessInfo> processes() {
        return new TreeMap<>();
    }

    @Override
    public void exit(int code) {
        throw new ProcessTermination(code);
    }

    private InputStream openIn(String path) {
        try {
            Path resolved = resolve(path);
            if (Files.isDirectory(resolved)) {
                throw new KernelException(Errno.EISDIR, path);
            }
            return Files.newInputStream(resolved);
        } catch (NoSuchFileException e) {
            throw new KernelException(Errno.ENOENT, path);
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, e.toString());
        }
    }

    private OutputStream openOut(String path, boolean append) {
        try {
            Path resolved = resolve(path);
            if (Files.isDirectory(resolved)) {
                throw new KernelException(Errno.EISDIR, path);
            }
            return append ? Files.newOutputStream(resolved, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(resolved);
        } catch (NoSuchFileException e) {
            throw new KernelException(Errno.ENOENT, path);
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, e.toString());
        }
    }

    @Override
    public InputStream openRead(String path) {
        checkpoint();
        return openIn(path);
    }

    @Override
    public OutputStream openWrite(String path, boolean append) {
        checkpoint();
        return openOut(path, append);
    }

    private int install(OpenFile file) {
        synchronized (fds) {
            int fd = 0;
            while (fds.containsKey(fd)) {
                fd++;
            }
            fds.put(fd, file);
            return fd;
        }
    }

    @Override
    public int[] pipe() {
        checkpoint();
        FakeKernel.Pipe pipe = new FakeKernel.Pipe();
        int read = install(pipe.readEnd());
        int write = install(pipe.writeEnd());
        return new int[] {read, write};
    }

    @Override
    public void close(int fd) {
        OpenFile file;
        synchronized (fds) {
            file = fds.remove(fd);
        }
        if (file == null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
        file.release();
    }

    @Override
    public void dup2(int oldFd, int newFd) {
        OpenFile file = file(oldFd).retain();
        OpenFile previous;
        synchronized (fds) {
            previous = fds.put(newFd, file);
        }
        if (previous != null) {
            previous.release();
        }
    }

    @Override
    public int open(String path, boolean write, boolean append) {
        checkpoint();
        return install(write ? FakeKernel.fileWrite(openOut(path, append)) : FakeKernel.fileRead(openIn(path)));
    }

    @Override
    public InputStream input(int fd) {
        checkpoint();
        InputStream in = file(fd).in();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                checkpoint();
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int c = read();
                if (c < 0) {
                    return -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        };
    }

    @Override
    public OutputStream output(int fd) {
        checkpoint();
        OutputStream out = file(fd).out();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkpoint();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }
}
