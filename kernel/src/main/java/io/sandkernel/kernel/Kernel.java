package io.sandkernel.kernel;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.api.spi.StandardStreams;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitOption;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * A userspace process kernel: one process table, a filesystem, users, limits and mounted runtime
 * drivers. The host talks to it like {@link java.lang.Process}: {@link #spawn} returns a {@link
 * KernelProcess} handle, {@link #exec} runs a command to completion. Programs inside talk to it
 * through {@link ProcessApi}.
 *
 * <p>Everything is denied unless granted: programs see only the kernel's filesystem, its
 * processes and its users, within {@link KernelLimits}. After {@link #close()} every method fails
 * with {@link KernelException} {@link Errno#EBADF} ("kernel is closed"), as a call on a closed
 * descriptor does.
 */
public final class Kernel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());

    private final ProcessTable table;
    private final KernelFiles files;
    private final KernelLimits limits;
    private final UserAccount guest;
    private final List<UserAccount> users;
    private final Map<String, String> defaultEnv;
    private final Object lock = new Object();
    private final List<RuntimeDriver> drivers = new ArrayList<>();
    private final Map<String, RuntimeDriver> registry = new LinkedHashMap<>();
    private final ProcessQuota quota;
    private final Set<Pipe> pipes = ConcurrentHashMap.newKeySet();
    private final Set<Task> liveTasks = ConcurrentHashMap.newKeySet();
    private final Set<PseudoTerminal> terminals = ConcurrentHashMap.newKeySet();
    private final int initPid;
    private volatile boolean closed;

    private Kernel(Builder builder) {
        this.limits = builder.limits;
        this.guest = builder.user;
        this.users = guest.uid() == 0 ? List.of(guest) : List.of(UserAccount.root(), guest);
        ProcessTable.Builder tableBuilder = ProcessTable.builder().maxPid(builder.maxPid);
        if (builder.zombieTtl != null) {
            tableBuilder.zombieTtl(builder.zombieTtl);
        }
        this.table = tableBuilder.build();
        if (builder.hostDirectory != null) {
            this.files = KernelFiles.hostDirectory(builder.hostDirectory, limits.maxInodes());
        } else if (builder.fileSystem != null) {
            this.files = KernelFiles.of(builder.fileSystem, limits.maxInodes());
        } else {
            this.files = KernelFiles.inMemory(limits.maxFilesystemBytes(), limits.maxInodes());
            files.createLayout(users, builder.hostname);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", guest.home());
        env.put("USER", guest.name());
        env.put("LOGNAME", guest.name());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("SHELL", guest.shell());
        env.put("TERM", "xterm-256color");
        env.put("HOSTNAME", builder.hostname);
        env.put("PWD", guest.home());
        env.put("LANG", "C.UTF-8");
        env.putAll(builder.env);
        this.defaultEnv = Map.copyOf(env);
        this.quota = new ProcessQuota(limits);
        this.initPid = table.allocatePid();
        table.register(initPid, "kernel", "init", List.of(), ProcessContext.defaults().withEnv(defaultEnv)
                .withIdentity(ProcessIdentity.root()), new InitProcess(() -> closed));
    }

    /** A builder with the defaults: in-memory filesystem, guest user, default limits, the JVM driver. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ drivers

    /**
     * Mounts {@code driver}: its commands now run on it, replacing earlier drivers' commands of
     * the same name. Drivers are closed in reverse mount order by {@link #close()}.
     */
    public void mount(RuntimeDriver driver) {
        Objects.requireNonNull(driver, "driver");
        Set<String> commands = driver.commands();
        synchronized (lock) {
            ensureOpen();
            drivers.add(driver);
            for (String command : commands) {
                registry.remove(command);
                registry.put(command, driver);
            }
        }
    }

    /** Whether some mounted driver offers {@code command}. */
    boolean hasCommand(String command) {
        synchronized (lock) {
            return registry.containsKey(command);
        }
    }

    /** Every command the kernel can run, mapped to the name of the driver that runs it; sorted. */
    public SortedMap<String, String> commands() {
        SortedMap<String, String> commands = new TreeMap<>();
        synchronized (lock) {
            ensureOpen();
            registry.forEach((command, driver) -> commands.put(command, driver.name()));
        }
        return java.util.Collections.unmodifiableSortedMap(commands);
    }

    // ------------------------------------------------------------------ host API

    /**
     * Starts {@code command} with {@code args} as a new session leader (ppid 0).
     *
     * @throws KernelException ENOENT for an unknown command or cwd, EAGAIN at the process or pipe
     *                         limit, E2BIG when argv and env are too large, EINVAL for a
     *                         {@link Redirect.Descriptor}, EBADF after close
     */
    public KernelProcess spawn(String command, List<String> args, SpawnOptions options) {
        if (command == null || args == null || options == null || args.stream().anyMatch(Objects::isNull)) {
            throw new KernelException(Errno.EINVAL, "spawn: command, arguments and options must not be null");
        }
        ensureOpen();
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(args);
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.putAll(options.env());
        String cwd = KernelFiles.normalize("/", options.cwd() != null ? options.cwd()
                : Files.isDirectory(files.path(guest.home())) ? guest.home() : "/");
        env.put("PWD", cwd);
        ProcessIdentity identity = options.identity() == null ? guest.identity() : options.identity();
        List<OpenFile> hostEnds = new ArrayList<>(List.of(new OpenFile.NullFile(), new OpenFile.NullFile(),
                new OpenFile.NullFile()));
        OpenFile[] stdio = new OpenFile[3];
        try {
            stdio[0] = Wiring.host(this, options.stdin(), cwd, true, options.hostStdin(), null, hostEnds, 0);
            stdio[1] = Wiring.host(this, options.stdout(), cwd, false, null, options.hostStdout(), hostEnds, 1);
            stdio[2] = Wiring.host(this, options.stderr(), cwd, false, null, options.hostStderr(), hostEnds, 2);
        } catch (RuntimeException e) {
            Wiring.releaseAll(stdio);
            Wiring.releaseAll(hostEnds.toArray(OpenFile[]::new));
            throw e;
        }
        Task task;
        try {
            task = start(0, argv, env, cwd, identity, stdio, -1, false, SignalSet.empty(), 0022);
        } catch (RuntimeException e) {
            Wiring.releaseAll(hostEnds.toArray(OpenFile[]::new));
            throw e;
        }
        return new KernelProcess(this, task, hostEnds.get(0), hostEnds.get(1), hostEnds.get(2));
    }

    /**
     * Runs {@code argv} to completion and collects its output. With a timeout, a process still
     * running when it runs out gets SIGTERM, then SIGKILL after {@link KernelLimits#killGrace()};
     * the result then has {@link ExecResult#timedOut()} set (the ETIMEDOUT case) and never hangs.
     * Output is collected until the process exits and its pipes reach EOF, or for at most the kill
     * grace after the exit when descendants keep them open.
     *
     * @throws KernelException as {@link #spawn}; EINTR when the calling thread is interrupted
     *                         (the process is then killed)
     */
    public ExecResult exec(List<String> argv, ExecOptions options) {
        if (argv == null || argv.isEmpty()) {
            throw new KernelException(Errno.EINVAL, "exec: empty argv");
        }
        SpawnOptions spawnOptions = SpawnOptions.defaults().withEnv(options.env()).withCwd(options.cwd())
                .withIdentity(options.identity());
        KernelProcess process = spawn(argv.get(0), argv.subList(1, argv.size()), spawnOptions);
        return Exec.run(process, options.stdin().getBytes(StandardCharsets.UTF_8), options.timeout(),
                limits.killGrace());
    }

    /**
     * Runs {@code script} with the shell, as {@code sh -c script}, and collects its exit code,
     * output and error output as {@link #exec(List, ExecOptions)} does.
     *
     * @throws KernelException ENOENT when no {@code sh} is mounted; as {@link #exec(List, ExecOptions)}
     */
    public ExecResult exec(String script, ExecOptions options) {
        if (script == null || options == null) {
            throw new KernelException(Errno.EINVAL, "exec: script and options must not be null");
        }
        return exec(List.of("sh", "-c", script), options);
    }

    /**
     * Starts an interactive shell ({@code sh -i}) on a new {@link PseudoTerminal}, as its session
     * leader and the terminal's controlling process: the host types into {@link
     * ShellSession#input()} and reads the screen from {@link ShellSession#output()}. ^C, ^Z and ^\
     * typed reach the foreground job through the terminal's line discipline.
     *
     * @throws KernelException ENOENT when no {@code sh} is mounted or the cwd does not exist,
     *                         EAGAIN at the process limit, EBADF after close
     */
    public ShellSession openShell(ShellOptions options) {
        Objects.requireNonNull(options, "options");
        ensureOpen();
        PseudoTerminal terminal = new PseudoTerminal(options.size(), new TerminalControl());
        List<String> argv = new ArrayList<>();
        argv.add("sh");
        argv.add("-i");
        argv.addAll(options.args());
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.put("PS1", ShellOptions.DEFAULT_PROMPT);
        env.put("COLUMNS", Integer.toString(options.size().columns()));
        env.put("LINES", Integer.toString(options.size().rows()));
        env.putAll(options.env());
        String cwd = KernelFiles.normalize("/", options.cwd() != null ? options.cwd()
                : Files.isDirectory(files.path(guest.home())) ? guest.home() : "/");
        env.put("PWD", cwd);
        ProcessIdentity identity = options.identity() == null ? guest.identity() : options.identity();
        OpenFile[] stdio = {new OpenFile.TerminalFile(terminal), new OpenFile.TerminalFile(terminal),
            new OpenFile.TerminalFile(terminal)};
        Task task = start(0, argv, env, cwd, identity, stdio, -1, false, SignalSet.empty(), 0022,
                pid -> terminal.attach(table.getsid(pid)));
        terminals.add(terminal);
        task.exit.whenComplete((status, failure) -> terminals.remove(terminal));
        return new ShellSession(new KernelProcess(this, task, new OpenFile.NullFile(), new OpenFile.NullFile(),
                new OpenFile.NullFile()), terminal);
    }

    /** How a terminal of this kernel reaches the process table. */
    private final class TerminalControl implements PseudoTerminal.Control {
        @Override
        public void signalGroup(int pgid, int signal) {
            try {
                table.kill(-pgid, signal);
            } catch (KernelException e) {
                // the group is gone
            }
        }

        @Override
        public int pgidOf(int pid) {
            try {
                return table.getpgid(pid);
            } catch (KernelException e) {
                return -1;
            }
        }

        @Override
        public int sidOf(int pid) {
            try {
                return table.getsid(pid);
            } catch (KernelException e) {
                return -1;
            }
        }

        @Override
        public boolean groupInSession(int pgid, int sid) {
            // every member of a group shares its session: the first live member tells
            List<ProcessInfo> members = pgid > 0 ? table.processGroupMembers(pgid) : List.of();
            return !members.isEmpty() && members.get(0).sid() == sid;
        }

        @Override
        public List<Integer> groupsOfSession(int sid) {
            java.util.SortedSet<Integer> groups = new java.util.TreeSet<>();
            for (ProcessInfo info : table.listProcesses().values()) {
                if (info.sid() == sid && info.status() != io.sandkernel.process.ProcessStatus.EXITED) {
                    groups.add(info.pgid());
                }
            }
            return List.copyOf(groups);
        }
    }

    /** {@link #exec(List, ExecOptions)} with default options. */
    public ExecResult exec(String... argv) {
        return exec(List.of(argv), ExecOptions.defaults());
    }

    /**
     * Sends {@code signal} from the host to process {@code pid}, or to process group {@code -pid}
     * when negative. The host may signal every process of its kernel; prefer {@link
     * KernelProcess#kill}, which never hits a newer process that reuses the pid.
     *
     * @throws KernelException ESRCH for no such process or group, EINVAL for a bad signal, EBADF after close
     */
    public void kill(int pid, int signal) {
        ensureOpen();
        table.kill(pid, signal);
    }

    /** A snapshot of the process table, zombies included, by pid. */
    public SortedMap<Integer, ProcessInfo> processes() {
        ensureOpen();
        return table.listProcesses();
    }

    /**
     * The host path of the kernel path {@code absolutePath}, to read or prepare files from the
     * host. Confined to the kernel's root.
     */
    public Path path(String absolutePath) {
        ensureOpen();
        return files.path(KernelFiles.normalize("/", absolutePath));
    }

    /** The user processes run as by default. */
    public UserAccount guest() {
        return guest;
    }

    /** The account of {@code uid}. @throws KernelException ENOENT for an unknown uid */
    public UserAccount user(int uid) {
        for (UserAccount user : users) {
            if (user.uid() == uid) {
                return user;
            }
        }
        throw new KernelException(Errno.ENOENT, "no user with uid " + uid);
    }

    /** The name of group {@code gid}. @throws KernelException ENOENT for an unknown gid */
    public String groupName(int gid) {
        for (UserAccount user : users) {
            if (user.gid() == gid) {
                return user.uid() == 0 ? "root" : user.name();
            }
        }
        throw new KernelException(Errno.ENOENT, "no group with gid " + gid);
    }

    /** The limits this kernel enforces. */
    public KernelLimits limits() {
        return limits;
    }

    /** The environment host-spawned processes start with (before per-call additions). */
    public Map<String, String> defaultEnv() {
        return defaultEnv;
    }

    /**
     * Ends every process (SIGTERM, up to 1 s, SIGKILL), closes the drivers in reverse mount order,
     * destroys every pipe, stops the table's timers and closes the in-memory filesystem.
     * Idempotent.
     */
    @Override
    public void close() {
        List<RuntimeDriver> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(drivers);
        }
        for (PseudoTerminal terminal : List.copyOf(terminals)) {
            terminal.hangup();
        }
        table.terminateAll();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "driver " + toClose.get(i).name() + " failed to close", e);
            }
        }
        for (Task task : List.copyOf(liveTasks)) {
            // a driver that never reported this exit: count it as killed so no handle waits forever
            task.exited(128 + Signals.SIGKILL);
        }
        for (Pipe pipe : List.copyOf(pipes)) {
            pipe.destroy();
        }
        table.close();
        files.close();
    }

    // ------------------------------------------------------------------ internals for Syscalls and handles

    ProcessTable table() {
        return table;
    }

    KernelFiles files() {
        return files;
    }

    void ensureOpen() {
        if (closed) {
            throw new KernelException(Errno.EBADF, "kernel is closed");
        }
    }

    /** A new pipe, counted against the limit until both ends are closed. */
    Pipe newPipe() {
        ensureOpen();
        Pipe[] holder = new Pipe[1];
        Pipe pipe = new Pipe(() -> pipes.remove(holder[0]));
        holder[0] = pipe;
        synchronized (lock) {
            if (pipes.size() >= limits.maxPipes()) {
                throw new KernelException(Errno.EAGAIN, "too many pipes (limit " + limits.maxPipes() + ")");
            }
            pipes.add(pipe);
        }
        return pipe;
    }

    /** {@link ProcessApi#spawn} for {@code parent}. */
    int spawnChild(Task parent, SpawnRequest request) {
        String cwd = KernelFiles.normalize(parent.cwd(), request.cwd());
        OpenFile[] stdio = new OpenFile[3];
        try {
            stdio[0] = Wiring.child(this, parent, request.stdin(), 0, cwd, true);
            stdio[1] = Wiring.child(this, parent, request.stdout(), 1, cwd, false);
            stdio[2] = Wiring.child(this, parent, request.stderr(), 2, cwd, false);
        } catch (RuntimeException e) {
            Wiring.releaseAll(stdio);
            throw e;
        }
        SignalSet mask = table.sigprocmask(parent.pid, SigmaskHow.BLOCK, SignalSet.empty());
        int umask = table.getUmask(parent.pid);
        IntConsumer beforeRun = request.foreground() ? child -> giveTerminal(parent, child) : null;
        return start(parent.pid, request.argv(), request.env(), cwd, parent.identity, stdio, request.pgid(),
                request.newSession(), mask, umask, beforeRun).pid;
    }

    /** Makes {@code child}'s group the foreground of {@code parent}'s terminal, if it has one. */
    private void giveTerminal(Task parent, int child) {
        for (int fd = 0; fd < 3; fd++) {
            try {
                if (parent.fds.get(fd) instanceof OpenFile.TerminalFile file) {
                    file.terminal.tcsetpgrp(parent.pid, table.getpgid(child));
                    return;
                }
            } catch (KernelException e) {
                return; // not its controlling terminal, or the descriptor is closed: as tcsetpgrp failing
            }
        }
    }

    /**
     * Starts a process. Takes over the three references in {@code stdio}, releasing them on
     * failure.
     */
    private Task start(int ppid, List<String> argv, Map<String, String> env, String cwd, ProcessIdentity identity,
                       OpenFile[] stdio, int pgid, boolean newSession, SignalSet mask, int umask) {
        return start(ppid, argv, env, cwd, identity, stdio, pgid, newSession, mask, umask, null);
    }

    /** As above; {@code registered} runs once the process is in the table, before it runs. */
    private Task start(int ppid, List<String> argv, Map<String, String> env, String cwd, ProcessIdentity identity,
                       OpenFile[] stdio, int pgid, boolean newSession, SignalSet mask, int umask,
                       IntConsumer registered) {
        RuntimeDriver driver;
        boolean reserved = false;
        try {
            if (argv.isEmpty()) {
                throw new KernelException(Errno.EINVAL, "empty argv");
            }
            quota.checkArgSize(argv, env);
            String command = argv.get(0);
            synchronized (lock) {
                ensureOpen();
                driver = registry.get(command);
                if (driver == null) {
                    throw new KernelException(Errno.ENOENT, command + ": command not found");
                }
                quota.reserve(identity.uid());
                reserved = true;
            }
            if (!java.nio.file.Files.isDirectory(files.path(cwd))) {
                throw new KernelException(Errno.ENOENT, "no such directory " + cwd);
            }
        } catch (RuntimeException e) {
            Wiring.releaseAll(stdio);
            if (reserved) {
                quota.release(identity.uid());
            }
            throw e;
        }
        return launch(driver, ppid, argv, env, cwd, identity, stdio, pgid, newSession, mask, umask, registered);
    }

    private Task launch(RuntimeDriver driver, int ppid, List<String> argv, Map<String, String> env, String cwd,
                        ProcessIdentity identity, OpenFile[] stdio, int pgid, boolean newSession, SignalSet mask,
                        int umask, IntConsumer registered) {
        Task task;
        int[] pidHolder = new int[1];
        try {
            int pid = table.allocatePid();
            pidHolder[0] = pid;
            FdTable fds = new FdTable(limits.maxOpenFiles(), pid, () -> raiseSigpipe(pidHolder[0]));
            for (int fd = 0; fd < 3; fd++) {
                fds.installAt(fd, stdio[fd]);
                stdio[fd] = null;
            }
            task = new Task(pid, ppid, argv.get(0), argv.subList(1, argv.size()), identity, driver.name(), env, cwd,
                    fds);
        } catch (RuntimeException e) {
            Wiring.releaseAll(stdio);
            quota.release(identity.uid());
            throw e;
        }
        boolean nullable = driver.fixedStandardStreams();
        StandardStreams streams = new StandardStreams(
                nullable && task.fds.isNullDevice(0) ? StandardStreams.NULL_INPUT : task.fds.input(0, true),
                nullable && task.fds.isNullDevice(1) ? StandardStreams.NULL_OUTPUT : task.fds.output(1, true),
                nullable && task.fds.isNullDevice(2) ? StandardStreams.NULL_OUTPUT : task.fds.output(2, true));
        ProcessLaunch launch = new ProcessLaunch(task.pid, task.command, task.args, env, cwd, streams,
                new Syscalls(this, task, streams));
        try {
            task.attach(driver.start(launch));
        } catch (RuntimeException e) {
            task.fds.closeAll();
            quota.release(identity.uid());
            throw e;
        }
        ProcessContext context = ProcessContext.ofParent(ppid).withEnv(env).withCwd(cwd).withIdentity(identity)
                .withUmask(umask).withBlockedSignals(mask);
        try {
            table.register(task.pid, driver.name(), task.command, task.args, context, task);
            if (newSession) {
                table.setsid(task.pid);
            } else if (pgid == 0 && table.getpgid(task.pid) != task.pid) {
                table.setpgid(task.pid, task.pid);
            } else if (pgid > 0) {
                table.setpgid(task.pid, pgid);
            }
            if (registered != null) {
                registered.accept(task.pid);
            }
        } catch (RuntimeException e) {
            task.activate(this::onExit);
            task.kill(Signals.SIGKILL);
            throw e;
        }
        liveTasks.add(task);
        task.activate(this::onExit);
        if (closed) {
            task.kill(Signals.SIGKILL);
        }
        return task;
    }

    /** Runs when an execution ends: descriptors first, then the table, then the handle's future. */
    private void onExit(Task task, int status, IntConsumer tableHook) {
        liveTasks.remove(task);
        task.fds.closeAll();
        quota.release(task.identity.uid());
        if (tableHook != null) {
            tableHook.accept(status);
        }
        if (task.ppid == 0) {
            try {
                // Nobody can waitpid for a host-spawned process: its handle holds the status.
                table.awaitExit(task.pid, Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (KernelException e) {
                // already reaped
            }
        }
        reapOrphans();
        task.exit.complete(status);
    }

    /** Init's job: reaps the zombies it adopted. */
    private void reapOrphans() {
        try {
            while (table.hasChildren(initPid) && table.waitpid(initPid, -1, WaitOption.WNOHANG).isPresent()) {
                // reaped one
            }
        } catch (KernelException e) {
            // ECHILD: init has no children
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void raiseSigpipe(int pid) {
        try {
            table.kill(pid, Signals.SIGPIPE);
        } catch (KernelException e) {
            // the writer is gone already
        }
    }

    /** {@link ProcessApi#kill} with Linux's permission rules. */
    void killFrom(Task sender, int pid, int signal) {
        KillRules.kill(table, initPid, sender, pid, signal);
    }

    /** Host-side kill through a handle: no permission checks, never a stale pid. */
    void killTask(Task task, int signal) {
        ensureOpen();
        if (signal < 0 || signal > Signals.MAX_SIGNAL) {
            throw new KernelException(Errno.EINVAL, "invalid signal " + signal);
        }
        if (task.hasExited()) {
            throw new KernelException(Errno.ESRCH, "process " + task.pid + " has exited");
        }
        table.kill(task.pid, signal);
    }

    /**
     * Builds a {@link Kernel}. The kernel runs only what its mounted drivers offer; a kernel with
     * the usual userland (shell, coreutils) comes from the {@code io.sandkernel.userland} module's
     * {@code Sandkernel} front door.
     */
    public static final class Builder {
        private UserAccount user = UserAccount.guest();
        private String hostname = "sandkernel";
        private KernelLimits limits = KernelLimits.defaults();
        private FileSystem fileSystem;
        private Path hostDirectory;
        private boolean hostAccessGranted;
        private int maxPid = 4_194_304;
        private Duration zombieTtl;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<RuntimeDriver> drivers = new ArrayList<>();

        private Builder() {}

        /** The guest user processes run as, rendered into /etc/passwd and /etc/group. */
        public Builder user(UserAccount user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** The host name, in /etc/hostname and HOSTNAME. */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /** The resource limits. */
        public Builder limits(KernelLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Uses {@code fileSystem} (its first root) instead of a new in-memory one; not closed by the kernel. */
        public Builder fileSystem(FileSystem fileSystem) {
            this.fileSystem = Objects.requireNonNull(fileSystem, "fileSystem");
            return this;
        }

        /**
         * Uses the host directory {@code directory} as the root. Denied (EACCES at {@link #build()})
         * unless {@link #grantHostAccess()} is called too. Paths, symbolic links included, stay
         * inside it.
         */
        public Builder hostDirectory(Path directory) {
            this.hostDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Grants access to the host directory given with {@link #hostDirectory}. */
        public Builder grantHostAccess() {
            this.hostAccessGranted = true;
            return this;
        }

        /** The highest pid (like {@code pid_max}); small values make pids wrap around sooner. */
        public Builder maxPid(int maxPid) {
            this.maxPid = maxPid;
            return this;
        }

        /** How long a zombie nobody waits for stays in the table. */
        public Builder zombieTtl(Duration ttl) {
            this.zombieTtl = ttl;
            return this;
        }

        /** Adds a variable to the default environment. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Mounts {@code driver} at build time, after the ones added before. */
        public Builder driver(RuntimeDriver driver) {
            drivers.add(Objects.requireNonNull(driver, "driver"));
            return this;
        }

        /**
         * Builds the kernel.
         *
         * @throws KernelException EACCES for a host directory without granted access
         */
        public Kernel build() {
            if (hostDirectory != null && !hostAccessGranted) {
                throw new KernelException(Errno.EACCES, "host directory access is not granted");
            }
            if (hostDirectory != null && fileSystem != null) {
                throw new KernelException(Errno.EINVAL, "choose a file system or a host directory, not both");
            }
            Kernel kernel = new Kernel(this);
            for (RuntimeDriver driver : drivers) {
                kernel.mount(driver);
            }
            return kernel;
        }
    }
}
