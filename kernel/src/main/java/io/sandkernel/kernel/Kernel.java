package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.spi.HostDirectory;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.kernel.dev.DevFs;
import io.sandkernel.kernel.dev.TerminalTable;
import io.sandkernel.kernel.memory.MemoryAccount;
import io.sandkernel.kernel.memory.ProcessMemory;
import io.sandkernel.kernel.fd.Pipe;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.proc.ProcFs;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitOption;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Looked up when first needed: the logging framework costs tens of milliseconds of start-up. */
    private static System.Logger log() {
        return System.getLogger(Kernel.class.getName());
    }

    private final ProcessTable table;
    private final KernelFiles files;
    private final KernelLimits limits;
    private final UserAccount guest;
    private final List<UserAccount> users;
    private final Map<String, String> defaultEnv;
    /** The host directories mounted (not the root), told to every driver mounted. */
    private final List<HostDirectory> hostDirectories;
    private final Object lock = new Object();
    private final List<RuntimeDriver> drivers = new ArrayList<>();
    private final Map<String, RuntimeDriver> registry = new LinkedHashMap<>();
    private final Set<Pipe> pipes = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Task> liveTasks = new ConcurrentHashMap<>();
    private final MemoryAccount memory;
    private final CpuWatch cpu;
    private final TerminalTable terminals = new TerminalTable();
    private final Launcher launcher;
    private final HostStarts hostStarts;
    private final int initPid;
    private volatile boolean closed;

    private Kernel(Builder builder) {
        long boot = System.nanoTime();
        this.limits = builder.limits;
        this.guest = builder.user;
        this.users = guest.uid() == 0 ? List.of(guest) : List.of(UserAccount.root(), guest);
        ProcessTable.Builder tableBuilder = ProcessTable.builder().maxPid(builder.maxPid);
        if (builder.zombieTtl != null) {
            tableBuilder.zombieTtl(builder.zombieTtl);
        }
        this.table = tableBuilder.build();
        this.cpu = new CpuWatch(table);
        Clock clock = Clock.systemUTC();
        this.memory = new MemoryAccount(limits.memoryBytes());
        this.files = KernelFiles.create(limits, memory, clock, builder.fileSystem, builder.hostDirectory,
                builder.hostAccessGranted, guest);
        try {
            if (builder.hostDirectory == null) {
                files.createLayout(users, builder.hostname);
            }
            for (KernelFiles.MountRequest mount : builder.mounts) {
                files.mount(mount, builder.hostAccessGranted, guest, clock);
            }
            this.hostDirectories = builder.mounts.stream().filter(mount -> mount.hostDirectory() != null)
                    .map(mount -> new HostDirectory(mount.guestPath(), mount.hostDirectory(), mount.readOnly()))
                    .toList();
            files.mountSynthetic("/dev", DevFs.create(terminals, this::sessionOf, clock));
            files.mountSynthetic("/proc", ProcFs.create(new KernelProcSource(table, liveTasks, terminals,
                    files.vfs(), limits, boot, memory), clock));
        } catch (RuntimeException e) {
            files.close();
            table.close();
            throw e;
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
        this.launcher = new Launcher(this, table, new ProcessQuota(limits));
        this.hostStarts = new HostStarts(this, launcher, table, guest, defaultEnv);
        this.initPid = table.allocatePid();
        table.register(initPid, "kernel", "init", List.of(), ProcessContext.defaults().withEnv(defaultEnv)
                .withIdentity(ProcessIdentity.root()), new InitProcess(() -> closed));
    }

    /** A builder with the defaults: in-memory filesystem, guest user, default limits, no driver. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ drivers

    /**
     * Mounts {@code driver}: its commands now run on it, replacing earlier drivers' commands of
     * the same name. The driver is told the kernel's host-directory mounts ({@link
     * RuntimeDriver#hostDirectories}: the host driver shows its programs those). Drivers are
     * closed in reverse mount order by {@link #close()}.
     */
    public void mount(RuntimeDriver driver) {
        Objects.requireNonNull(driver, "driver");
        driver.hostDirectories(hostDirectories); // before any of its commands can start here
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

    /** The driver that registered {@code command}, or null (for {@link Executables}). */
    RuntimeDriver registeredDriver(String command) {
        synchronized (lock) {
            ensureOpen();
            return registry.get(command);
        }
    }

    /** The mounted drivers, the latest mounted first (for {@link Executables}). */
    List<RuntimeDriver> driversLatestFirst() {
        synchronized (lock) {
            ensureOpen();
            return java.util.List.copyOf(drivers.reversed());
        }
    }

    /** The driver of {@code command}. @throws KernelException ENOENT, EBADF after close */
    RuntimeDriver driverFor(String command) {
        RuntimeDriver driver = registeredDriver(command);
        if (driver == null) {
            throw new KernelException(Errno.ENOENT, command + ": command not found");
        }
        return driver;
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
        return hostStarts.spawn(command, args, options);
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
        if (argv == null || options == null) {
            throw new KernelException(Errno.EINVAL, "exec: argv and options must not be null");
        }
        if (argv.isEmpty()) {
            throw new KernelException(Errno.EINVAL, "exec: empty argv");
        }
        SpawnOptions spawnOptions = SpawnOptions.defaults().withEnv(options.env()).withCwd(options.cwd())
                .withIdentity(options.identity());
        if (argv.stream().anyMatch(Objects::isNull)) {
            throw new KernelException(Errno.EINVAL, "exec: arguments must not be null");
        }
        ensureOpen();
        // the budget is in place before the program runs, so every process it starts inherits it
        java.util.function.IntConsumer budget = options.cpuTime() == null ? null : pid -> limitCpu(pid, options.cpuTime());
        KernelProcess process = hostStarts.spawn(argv.get(0), argv.subList(1, argv.size()), spawnOptions, budget);
        return Exec.run(process, job(process.group()), options.stdin().getBytes(StandardCharsets.UTF_8),
                options.timeout(), limits.killGrace());
    }

    /** An exec's CPU budget: the soft limit, SIGKILL a kill grace later; taken up when the process goes live. */
    private void limitCpu(int pid, java.time.Duration budget) {
        long soft = budget.compareTo(java.time.Duration.ofDays(36_500)) > 0 ? CpuWatch.UNLIMITED : budget.toNanos();
        long hard = soft + limits.killGrace().toNanos();
        cpu.reserve(pid, soft, hard < soft ? soft : hard);
    }

    /** The live processes of {@code group}, as the job an exec ends on timeout or interruption. */
    private Exec.Job job(ExecGroup group) {
        return new Exec.Job() {
            @Override
            public void signal(int signal) {
                if (signal == Signals.SIGKILL) {
                    group.seal();
                }
                for (Task member : group.members()) {
                    try {
                        table.kill(member.pid, signal);
                    } catch (KernelException e) {
                        // exited meanwhile, or the kernel closed
                    }
                }
            }

            @Override
            public boolean alive() {
                return !closed && group.alive();
            }
        };
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

    /** {@link #exec(List, ExecOptions)} with default options. */
    public ExecResult exec(String... argv) {
        if (argv == null) {
            throw new KernelException(Errno.EINVAL, "exec: argv must not be null");
        }
        return exec(java.util.Arrays.asList(argv), ExecOptions.defaults()); // a null element: EINVAL
    }

    /**
     * Starts an interactive shell ({@code sh -i}) on a new {@link PseudoTerminal}
     * ({@code /dev/pts/N}), as its session leader and the terminal's controlling process: the host
     * types into {@link ShellSession#input()} and reads the screen from {@link
     * ShellSession#output()}. ^C, ^Z and ^\ typed reach the foreground job through the terminal's
     * line discipline.
     *
     * @throws KernelException ENOENT when no {@code sh} is mounted or the cwd does not exist,
     *                         EAGAIN at the process limit, EBADF after close
     */
    public ShellSession openShell(ShellOptions options) {
        Objects.requireNonNull(options, "options");
        ensureOpen();
        return hostStarts.openShell(options, terminals);
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

    // ------------------------------------------------------------------ the host's access to files

    /**
     * {@code stat} of {@code path} (absolute, in the kernel's filesystem), as root.
     *
     * @throws KernelException ENOENT and the other errors of {@code stat(2)}, EBADF after close
     */
    public Stat stat(String path) {
        ensureOpen();
        return files.stat(requirePath(path));
    }

    /**
     * The content of the file {@code path}, read as root, to inspect what programs wrote.
     *
     * @throws KernelException ENOENT, EISDIR, EBADF after close
     */
    public byte[] readFile(String path) {
        ensureOpen();
        return files.read(requirePath(path));
    }

    /**
     * Writes {@code content} to the file {@code path} as root, creating it (mode 0644, owned by
     * root) or truncating it, to prepare files for programs.
     *
     * @throws KernelException ENOENT (no parent directory), EISDIR, ENOSPC, EROFS, EBADF after close
     */
    public void writeFile(String path, byte[] content) {
        ensureOpen();
        if (content == null) {
            throw new KernelException(Errno.EINVAL, "writeFile: content must not be null");
        }
        files.write(requirePath(path), content, 0);
    }

    private static String requirePath(String path) {
        if (path == null) {
            throw new KernelException(Errno.EINVAL, "path must not be null");
        }
        return path;
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
     * destroys every pipe and terminal, stops the table's timers and closes the filesystems.
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
        for (TerminalDevice device : terminals.all()) {
            device.terminal().hangup();
        }
        table.terminateAll();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                log().log(System.Logger.Level.WARNING, "driver " + toClose.get(i).name() + " failed to close", e);
            }
        }
        for (Task task : List.copyOf(liveTasks.values())) {
            // a driver that never reported this exit: count it as killed so no handle waits forever
            task.exited(128 + Signals.SIGKILL);
        }
        for (Pipe pipe : List.copyOf(pipes)) {
            pipe.destroy();
        }
        cpu.close();
        table.close();
        files.close();
    }

    // ------------------------------------------------------------------ internals

    ProcessTable table() {
        return table;
    }

    Vfs vfs() {
        return files.vfs();
    }

    boolean isClosed() {
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new KernelException(Errno.EBADF, "kernel is closed");
        }
    }

    /** The kernel's memory account. */
    MemoryAccount memory() {
        return memory;
    }

    /** The memory limit a child of {@code ppid} inherits: its parent's, none for the host's processes. */
    CpuWatch cpu() {
        return cpu;
    }

    /** The live task of {@code pid}, or null. */
    Task task(int pid) {
        return liveTasks.get(pid);
    }

    long memoryLimitOf(int ppid) {
        Task parent = liveTasks.get(ppid);
        return parent == null ? ProcessMemory.UNLIMITED : parent.memory.limit();
    }

    /**
     * The bytes of {@link KernelLimits#memoryBytes} in use now: what programs reserved, argument
     * vectors, pipe buffers and the in-memory filesystem's data.
     */
    public long memoryUsed() {
        return memory.used();
    }

    /** Records that {@code task} runs; false when its job is being killed (the caller kills it). */
    boolean live(Task task) {
        liveTasks.put(task.pid, task);
        boolean joined = task.group.join(task);
        cpu.adopt(task); // after joining: a budget's first tick must find its job
        return joined;
    }

    void dead(Task task) {
        liveTasks.remove(task.pid, task);
        task.group.leave(task);
    }

    private int sessionOf(int pid) {
        try {
            return pid > 0 ? table.getsid(pid) : -1;
        } catch (KernelException e) {
            return -1;
        }
    }

    /**
     * A new pipe owned by {@code uid}/{@code gid}, counted against the limit until both ends are
     * closed. @throws KernelException EAGAIN at the limit, EBADF after close
     */
    Pipe newPipe(int uid, int gid) {
        ensureOpen();
        Pipe[] holder = new Pipe[1];
        // a pipe's buffer is charged at its capacity for its whole life, as Linux charges pipe pages
        Pipe pipe = new Pipe(() -> {
            if (pipes.remove(holder[0])) {
                memory.release(Pipe.CAPACITY);
            }
        }, uid, gid);
        holder[0] = pipe;
        synchronized (lock) {
            if (pipes.size() >= limits.maxPipes()) {
                throw new KernelException(Errno.EAGAIN, "too many pipes (limit " + limits.maxPipes() + ")");
            }
            memory.charge(Pipe.CAPACITY);
            pipes.add(pipe);
        }
        return pipe;
    }

    /** {@link ProcessApi#spawn} for {@code parent}. */
    int spawnChild(Task parent, SpawnRequest request) {
        ensureOpen();
        return launcher.spawnChild(parent, request);
    }

    /** {@link ProcessApi#spawn(SpawnRequest, io.sandkernel.api.Program)} for {@code parent}. */
    int spawnProgram(Task parent, SpawnRequest request, io.sandkernel.api.Program program) {
        ensureOpen();
        return launcher.spawnProgram(parent, request, program);
    }

    /** Init's job: reaps the zombies it adopted. */
    void reapOrphans() {
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
        private java.time.Duration zombieTtl;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<RuntimeDriver> drivers = new ArrayList<>();
        private final List<KernelFiles.MountRequest> mounts = new ArrayList<>();

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

        /**
         * Uses {@code fileSystem} (its first root) as the root instead of a new in-memory one; the
         * kernel must be the only one changing it, adds what is missing of its layout, and does not
         * close it. The host's own file system (the default provider) needs
         * {@link #grantHostAccess()} (EACCES at {@link #build()}).
         */
        public Builder fileSystem(FileSystem fileSystem) {
            this.fileSystem = Objects.requireNonNull(fileSystem, "fileSystem");
            return this;
        }

        /**
         * Uses the host directory {@code directory} as the root. Denied (EACCES at {@link #build()})
         * unless {@link #grantHostAccess()} is called too. Every path, {@code ..} and symbolic link
         * stays inside it; files appear owned by the guest user. {@code /dev} and {@code /proc} are
         * mounted over directories of that name, created when missing.
         */
        public Builder hostDirectory(Path directory) {
            this.hostDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Mounts the host directory {@code hostDirectory} at {@code guestPath} (created when
         * missing), confined as {@link #hostDirectory} is; writes fail with EROFS when
         * {@code readOnly}. Needs {@link #grantHostAccess()} (EACCES at {@link #build()}).
         */
        public Builder mount(String guestPath, Path hostDirectory, boolean readOnly) {
            mounts.add(new KernelFiles.MountRequest(guestPath(guestPath), Objects.requireNonNull(hostDirectory,
                    "hostDirectory"), null, readOnly));
            return this;
        }

        /**
         * Mounts the first root of {@code fileSystem} at {@code guestPath} (created when missing),
         * counted against the filesystem limits; the kernel must be the only one changing it. Its
         * root directory belongs to the guest user when writable; files already there to root, with
         * the modes of their POSIX view. The host's own file system needs {@link #grantHostAccess()}.
         */
        public Builder mount(String guestPath, FileSystem fileSystem, boolean readOnly) {
            mounts.add(new KernelFiles.MountRequest(guestPath(guestPath), null, Objects.requireNonNull(fileSystem,
                    "fileSystem"), readOnly));
            return this;
        }

        private static String guestPath(String path) {
            if (path == null || !path.startsWith("/") || path.equals("/") || path.contains("\0")) {
                throw new KernelException(Errno.EINVAL, "mount point must be an absolute path other than /: " + path);
            }
            return path;
        }

        /** Grants access to host files: {@link #hostDirectory}, host mounts, the default file system. */
        public Builder grantHostAccess() {
            this.hostAccessGranted = true;
            return this;
        }

        /** The highest pid (like {@code pid_max}); small values make pids wrap around sooner. */
        public Builder maxPid(int maxPid) {
            this.maxPid = maxPid;
            return this;
        }

        /** How long a zombie nobody waits for stays in the table; null for the default (60 s). */
        public Builder zombieTtl(java.time.Duration ttl) {
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
         * @throws KernelException EACCES for host files without granted access, EINVAL for both a
         *                         file system and a host directory as root
         */
        public Kernel build() {
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
