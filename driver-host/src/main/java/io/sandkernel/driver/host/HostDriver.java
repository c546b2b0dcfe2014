package io.sandkernel.driver.host;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.spi.HostDirectory;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host driver: runs real OS processes as virtual processes. It is off unless the embedder
 * enables it with an allow-list of executables:
 *
 * <pre>{@code
 * HostDriver host = HostDriver.builder()
 *         .allow("/bin/true", "echo", "cat")     // names resolved against the search path now
 *         .workingDirectory(Path.of("/srv/sandbox"))
 *         .environment(Map.of("LANG", "C.UTF-8")) // granted to every process
 *         .build();
 * kernel.mount(host);
 * }</pre>
 *
 * <ul>
 *   <li><b>Allow-list.</b> Only the commands given to {@link Builder#allow} run; each is resolved
 *       once, at {@link Builder#build()}, to an absolute executable (bare names against
 *       {@link Builder#searchPath}). {@link #commands()} is the set of allowed names; starting any
 *       other fails with EACCES. A builder with no allowed command yields a driver with no
 *       commands.</li>
 *   <li><b>Working directory.</b> {@link ProcessLaunch#cwd()} is a path in the kernel filesystem:
 *       a confined program starts there when a bind shows it, else in {@code /}; an unconfined one
 *       in the driver's host working directory ({@link Builder#workingDirectory}).</li>
 *   <li><b>Environment.</b> A process gets only the variables the launch passes, over those
 *       granted with {@link Builder#environment}; the embedder's own environment is never passed
 *       unless {@link Builder#inheritEnvironment()} grants it.</li>
 *   <li><b>Signals</b> are real OS signals: SIGSTOP really stops the process. SIGTERM uses
 *       {@link Process#destroy()}, SIGKILL {@link Process#destroyForcibly()} on the whole host
 *       process tree; every other signal goes through one long-lived {@code /bin/sh} co-process
 *       per driver, which runs its builtin {@code kill}, so no process is started per signal.
 *       A process killed by a signal exits with 128 + the signal number.</li>
 *   <li><b>Strays.</b> Every process carries {@code SANDKERNEL_HOST_DRIVER=<tag>} in its
 *       environment, inherited by its descendants, so {@link #close()} also kills those that left
 *       the tree (a daemon whose parent exited). With {@link Builder#newSession(boolean)} each
 *       process also starts in a session of its own through {@code setsid} (an extra exec per
 *       start), out of reach of the embedder's terminal signals.</li>
 *   <li><b>Standard streams</b> are copied on virtual threads between the OS pipes and the
 *       kernel's streams; the process's stdin is closed when the kernel's stdin ends. The exit is
 *       reported, once, after standard output and error were copied to their end.</li>
 *   <li><b>Cleanup.</b> {@link #close()} kills every host process the driver started, with its
 *       descendants, sessions and tagged strays, and ends the signal co-process.</li>
 * </ul>
 *
 * <p><b>Confinement.</b> The allow-list restricts which programs start, not what they do: a
 * program that runs others ({@code git -c alias.x='!cmd'}, {@code find -exec}, {@code env}) runs
 * anything. So every program runs confined by the {@link Builder#confinement HostConfinement}
 * (bubblewrap by default, see {@link HostConfinement#detect()}): in namespaces of its own, with no
 * network, seeing no host process, a read-only view of the system directories, fresh
 * {@code /tmp}, and of the host's files only the directories {@linkplain Builder#bind bound} into
 * it; its whole tree dies when it is killed or the driver closes. Where nothing can confine,
 * starts fail with ENOSYS unless {@link Builder#allowUnconfined()} was called: an unconfined
 * program runs as the JVM's user, with its rights, outside the kernel's filesystem and limits.
 *
 * <p><b>Streams in detail.</b> The stdin pump reads ahead of the process, as a pipe buffer does;
 * once the process has ended it is interrupted (kernel pipes are interruptible), and a byte it
 * still reads afterwards is dropped. When a process ends while a descendant still holds its output
 * pipe open, the exit is reported once nothing arrived for {@link Builder#outputGrace} (default
 * 500 ms); later output is discarded. Output that a slow kernel reader has not taken yet is never
 * cut off: the report waits for it.
 */
public final class HostDriver implements RuntimeDriver {
    /** The default search path for bare command names. */
    public static final String DEFAULT_SEARCH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern ERROR_NUMBER = Pattern.compile("error=(\\d+)");
    private static final System.Logger LOG = System.getLogger(HostDriver.class.getName());

    /** Runs tasks on new virtual threads. */
    static final Executor VIRTUAL = task -> Thread.ofVirtual().name("host-driver").start(task);

    private final Map<String, Path> executables;
    private final Path workingDirectory;
    private final HostConfinement confinement;
    /** Replaced whole, never changed: read without the lock by every start. */
    private volatile List<HostConfinement.Bind> binds;
    private final Map<String, String> environment;
    private final Path setsid;
    private final Duration outputGrace;
    private final Signaller signaller;
    private final Object lock = new Object();
    private final Set<HostProcess> running = new HashSet<>();
    /** Sessions of ended processes, which may still hold descendants that outlived them. */
    private final EndedSessions endedSessions = new EndedSessions();
    private boolean closed;

    /**
     * Every process this driver starts carries {@code SANDKERNEL_HOST_DRIVER=<tag>} in its
     * environment, and its descendants inherit it: {@link #close()} finds by it the ones that
     * left the process tree (a daemon whose parent exited) without a session per process.
     */
    static final String TAG_VARIABLE = "SANDKERNEL_HOST_DRIVER";
    private final String tag = java.util.UUID.randomUUID().toString();

    private HostDriver(Builder builder, Map<String, Path> executables, Path setsid) {
        this.executables = Collections.unmodifiableMap(executables);
        this.workingDirectory = builder.workingDirectory;
        this.confinement = builder.confinement();
        this.binds = List.copyOf(builder.binds);
        this.environment = Map.copyOf(builder.environment);
        this.setsid = setsid;
        this.outputGrace = builder.outputGrace;
        this.signaller = new Signaller(builder.shell, setsid);
    }

    /** A builder for a driver that allows nothing yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shows confined programs the kernel's host-directory mounts, at their guest paths, besides
     * the builder's {@linkplain Builder#bind binds} (which win at the same guest path).
     */
    @Override
    public void hostDirectories(List<HostDirectory> mounted) {
        Objects.requireNonNull(mounted, "mounted");
        synchronized (lock) {
            List<HostConfinement.Bind> all = new ArrayList<>(binds);
            for (HostDirectory directory : mounted) {
                if (all.stream().noneMatch(bind -> bind.guestPath().equals(directory.guestPath()))) {
                    all.add(new HostConfinement.Bind(directory.hostDirectory().toAbsolutePath().normalize(),
                            directory.guestPath(), directory.readOnly()));
                }
            }
            binds = List.copyOf(all);
        }
    }

    /** Host programs cannot rewire their descriptors through the kernel: /dev/null goes straight to the OS. */
    @Override
    public boolean fixedStandardStreams() {
        return true;
    }

    @Override
    public String name() {
        return "host";
    }

    /** The allowed command names, as given to {@link Builder#allow}. */
    @Override
    public Set<String> commands() {
        return executables.keySet();
    }

    /** The host executable each allowed command runs. */
    public Map<String, Path> executables() {
        return executables;
    }

    /** The host directory unconfined processes run in. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * Starts the host executable allowed as {@code launch.command()} with {@code launch.args()},
     * in the driver's working directory (not {@code launch.cwd()}, a kernel path), with the granted
     * environment overlaid by {@code launch.env()}, its stdio copied from and to
     * {@code launch.stdio()}. {@code launch.api()} is not used and may be null.
     *
     * @throws KernelException ENOSYS (or EPERM) when the program cannot be confined here,
     *                         EACCES when the command is not allowed or its executable is not
     *                         executable, ENOENT when the executable is gone, EAGAIN when the host
     *                         is out of processes, EINVAL for an environment the host refuses, EIO
     *                         when the driver is closed
     */
    @Override
    public DriverProcess start(ProcessLaunch launch) {
        Objects.requireNonNull(launch, "launch");
        Path executable = executables.get(launch.command());
        if (executable == null) {
            throw new KernelException(Errno.EACCES, "host command '" + launch.command()
                    + "' is not allowed (allowed: " + String.join(", ", executables.keySet()) + ")");
        }
        if (!Files.isRegularFile(executable)) {
            throw new KernelException(Errno.ENOENT, "host command '" + launch.command() + "': " + executable
                    + " does not exist");
        }
        if (!Files.isExecutable(executable)) {
            throw new KernelException(Errno.EACCES, "host command '" + launch.command() + "': " + executable
                    + " is not executable");
        }
        synchronized (lock) {
            if (closed) {
                throw new KernelException(Errno.EIO, "host driver is closed");
            }
        }
        List<String> argv = new ArrayList<>(launch.args().size() + 1);
        argv.add(executable.toString());
        argv.addAll(launch.args());
        HostConfinement.Command command = confinement.confine(argv,
                new HostConfinement.View(binds, startDirectory(launch.cwd()), executable));
        boolean confined = command.depth() > 0;
        List<String> started = new ArrayList<>(command.argv());
        if (setsid != null && !confined) {
            started.add(0, setsid.toString()); // a confined program has a session of its own already
        }
        Path directory = command.directory() == null ? workingDirectory : command.directory();
        ProcessBuilder builder = new ProcessBuilder(started).directory(directory.toFile());
        Process process;
        try {
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(environment);
            env.putAll(launch.env());
            env.put(TAG_VARIABLE, tag);
            StandardStreams stdio = launch.stdio();
            if (stdio == null || HostProcess.isDiscarded(stdio.stdout())) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            if (stdio == null || HostProcess.isDiscarded(stdio.stderr())) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            if (stdio != null && stdio.stdin() == StandardStreams.NULL_INPUT) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            // a wrapper dies with the thread that started it: that must be one that lives on
            process = confined ? LaunchThread.start(builder) : builder.start();
        } catch (IOException e) {
            throw startFailure(launch.command(), executable, e);
        } catch (IllegalArgumentException e) {
            throw new KernelException(Errno.EINVAL, "cannot start host command '" + launch.command() + "': "
                    + e.getMessage(), e);
        }
        String label = "host-" + launch.pid() + "-" + launch.command().replace('/', '_');
        HostProcess hosted = new HostProcess(this, process, label, setsid != null && !confined, outputGrace,
                command.depth());
        boolean lateForClose;
        synchronized (lock) {
            lateForClose = closed;
            if (!lateForClose) {
                running.add(hosted);
            }
        }
        StandardStreams stdio = launch.stdio();
        hosted.begin(stdio == null ? null : stdio.stdin(), stdio == null ? null : stdio.stdout(),
                stdio == null ? null : stdio.stderr());
        if (lateForClose) {
            hosted.killTree();
            throw new KernelException(Errno.EIO, "host driver is closed");
        }
        return hosted;
    }

    /**
     * Where a confined program starts: the launch's working directory when a bind shows it, else
     * {@code /}.
     */
    private String startDirectory(String cwd) {
        if (cwd != null) {
            for (HostConfinement.Bind bind : binds) {
                String guest = bind.guestPath();
                if (cwd.equals(guest) || cwd.startsWith(guest.endsWith("/") ? guest : guest + "/")) {
                    return cwd;
                }
            }
        }
        return "/";
    }

    private static KernelException startFailure(String command, Path executable, IOException e) {
        Matcher matcher = ERROR_NUMBER.matcher(String.valueOf(e.getMessage()));
        int number = matcher.find() ? Integer.parseInt(matcher.group(1)) : Errno.ENOENT.number();
        Errno errno = switch (number) {
            case 1, 13 -> Errno.EACCES;
            case 8 -> Errno.ENOEXEC;
            case 11, 12 -> Errno.EAGAIN;
            default -> Errno.ENOENT;
        };
        return new KernelException(errno, "cannot start host command '" + command + "' (" + executable + "): "
                + e.getMessage(), e);
    }

    /**
     * Called by a process once its OS process has ended. Its session may still hold descendants
     * that outlived it: the session id is kept so {@link #close()} can kill them.
     */
    void ended(HostProcess process) {
        boolean killNow;
        List<Long> toPrune = null;
        synchronized (lock) {
            running.remove(process);
            killNow = closed;
            if (process.session() > 0 && !closed) {
                toPrune = endedSessions.add(process.session());
            }
        }
        if (toPrune != null) {
            endedSessions.prune(toPrune);
        }
        if (killNow && process.session() > 0) {
            EndedSessions.kill(List.of(process.session()));
        }
    }

    Signaller signaller() {
        return signaller;
    }

    /** The OS pid of the signal co-process, when it runs (it starts on the first signal). */
    OptionalLong signallerPid() {
        return signaller.pid();
    }

    /** Whether processes start in a session of their own. */
    boolean newSessions() {
        return setsid != null;
    }

    /**
     * Kills every host process this driver started, with their descendants and sessions, waits
     * (up to 5 seconds) for them to end and ends the signal co-process. Later starts fail with EIO.
     */
    @Override
    public void close() {
        List<HostProcess> victims;
        List<Long> sessions;
        synchronized (lock) {
            closed = true;
            victims = List.copyOf(running);
            sessions = endedSessions.takeAll();
        }
        for (HostProcess victim : victims) {
            try {
                victim.killTree();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot kill host process " + victim.pid(), e);
            }
        }
        EndedSessions.kill(sessions);
        for (ProcessHandle stray : ProcFs.withEnvironmentEntry(TAG_VARIABLE + "=" + tag)) {
            stray.destroyForcibly();
        }
        Instant deadline = Instant.now().plus(CLOSE_TIMEOUT);
        for (HostProcess victim : victims) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (victim.waitFor(left.isNegative() ? Duration.ZERO : left).isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "host process " + victim.pid() + " did not end in time");
            }
        }
        signaller.close();
    }

    /** Configures and builds a {@link HostDriver}. */
    public static final class Builder {
        private final Map<String, Path> explicit = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();
        private String searchPath = DEFAULT_SEARCH_PATH;
        private Path workingDirectory = Path.of(System.getProperty("user.dir"));
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path shell = Path.of("/bin/sh");
        private boolean newSession = false;
        private Duration outputGrace = Duration.ofMillis(500);
        private HostConfinement confinement;
        private boolean allowUnconfined;
        private final List<HostConfinement.Bind> binds = new ArrayList<>();

        private Builder() {}

        /**
         * How programs are confined; default {@link HostConfinement#detect()}: bubblewrap, else
         * unshare, else every start refused with ENOSYS.
         */
        public Builder confinement(HostConfinement confinement) {
            this.confinement = Objects.requireNonNull(confinement, "confinement");
            return this;
        }

        /**
         * Runs programs unconfined, as the JVM's user with all its rights, when the confinement
         * refuses them with ENOSYS (neither bubblewrap nor unshare works here). An explicit choice
         * of the embedder, as the CLI's {@code --allow-host-unconfined}; off by default.
         */
        public Builder allowUnconfined() {
            this.allowUnconfined = true;
            return this;
        }

        /**
         * Shows confined programs the host directory {@code hostDirectory} at {@code guestPath},
         * read-only when {@code readOnly}. The kernel the driver is mounted on adds its own
         * host-directory mounts, at the same paths ({@link HostDriver#hostDirectories}): a bind is
         * needed only for a directory the kernel does not mount.
         */
        public Builder bind(String guestPath, Path hostDirectory, boolean readOnly) {
            Objects.requireNonNull(guestPath, "guestPath");
            Objects.requireNonNull(hostDirectory, "hostDirectory");
            binds.add(new HostConfinement.Bind(hostDirectory.toAbsolutePath().normalize(), guestPath, readOnly));
            return this;
        }

        private HostConfinement confinement() {
            HostConfinement chosen = confinement != null ? confinement : HostConfinement.detect();
            if (!allowUnconfined) {
                return chosen;
            }
            HostConfinement unconfined = HostConfinement.unconfined();
            return (argv, view) -> {
                try {
                    return chosen.confine(argv, view);
                } catch (KernelException e) {
                    if (e.errno() != Errno.ENOSYS) {
                        throw e;
                    }
                    LOG.log(System.Logger.Level.WARNING, "running host program " + argv.get(0) + " unconfined: "
                            + e.getMessage());
                    return unconfined.confine(argv, view);
                }
            };
        }

        /**
         * Allows commands: absolute paths of executables, or bare names looked up in the
         * {@link #searchPath} when {@link #build()} runs. The command name is the string given.
         */
        public Builder allow(String... commands) {
            Objects.requireNonNull(commands, "commands");
            for (String command : commands) {
                Objects.requireNonNull(command, "command");
                if (command.isBlank()) {
                    throw new IllegalArgumentException("empty command name");
                }
                names.add(command);
            }
            return this;
        }

        /** Allows {@code command} to run the host executable {@code executable} (an absolute path). */
        public Builder allow(String command, Path executable) {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(executable, "executable");
            if (!executable.isAbsolute()) {
                throw new IllegalArgumentException("executable of '" + command + "' must be absolute: " + executable);
            }
            explicit.put(command, executable.normalize());
            return this;
        }

        /**
         * The colon-separated directories bare command names are resolved in; default
         * {@link HostDriver#DEFAULT_SEARCH_PATH}, not the embedder's {@code PATH}.
         */
        public Builder searchPath(String searchPath) {
            this.searchPath = Objects.requireNonNull(searchPath, "searchPath");
            return this;
        }

        /**
         * The host directory unconfined processes run in; default the JVM's current directory.
         * Confined ones never see it.
         */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Grants variables to every process; a launch's own variables take precedence. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(Objects.requireNonNull(variables, "variables"));
            return this;
        }

        /** Grants the embedder's whole environment ({@link System#getenv()}) to every process. */
        public Builder inheritEnvironment() {
            return environment(System.getenv());
        }

        /**
         * The POSIX shell run as the signal co-process, which must have {@code kill} as a builtin
         * (dash, bash, busybox sh do); default {@code /bin/sh}.
         */
        public Builder signalShell(Path shell) {
            Objects.requireNonNull(shell, "shell");
            if (!shell.isAbsolute()) {
                throw new IllegalArgumentException("signal shell must be absolute: " + shell);
            }
            this.shell = shell;
            return this;
        }

        /**
         * Whether each process starts in a new session through {@code setsid} (when found in the
         * search path); default false: it costs a second exec per start, and strays are found by
         * their environment tag anyway.
         */
        public Builder newSession(boolean newSession) {
            this.newSession = newSession;
            return this;
        }

        /**
         * How long the exit report waits for more output once the process ended while a
         * descendant still holds its output pipe open with nothing written; default 500 ms.
         */
        public Builder outputGrace(Duration grace) {
            if (Objects.requireNonNull(grace, "grace").isNegative()) {
                throw new IllegalArgumentException("negative grace " + grace);
            }
            this.outputGrace = grace;
            return this;
        }

        /**
         * Resolves the allowed commands and builds the driver.
         *
         * @throws IllegalArgumentException when a command cannot be found or is not executable,
         *                                  or the working directory is not a directory
         */
        public HostDriver build() {
            Path directory = workingDirectory.toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("host working directory " + directory + " is not a directory");
            }
            workingDirectory = directory;
            Map<String, Path> executables = new LinkedHashMap<>();
            for (String name : names) {
                executables.put(name, resolve(name));
            }
            for (Map.Entry<String, Path> entry : explicit.entrySet()) {
                requireExecutable(entry.getKey(), entry.getValue());
                executables.put(entry.getKey(), entry.getValue());
            }
            requireExecutable("signal shell", shell);
            Path setsid = null;
            if (newSession) {
                setsid = find("setsid");
                if (setsid == null) {
                    LOG.log(System.Logger.Level.DEBUG, "setsid not found in " + searchPath
                            + "; host processes share the embedder's session");
                }
            }
            return new HostDriver(this, executables, setsid);
        }

        private Path resolve(String name) {
            if (name.contains("/")) {
                Path path = Path.of(name);
                if (!path.isAbsolute()) {
                    throw new IllegalArgumentException("host command '" + name + "' must be a bare name or absolute");
                }
                requireExecutable(name, path.normalize());
                return path.normalize();
            }
            Path found = find(name);
            if (found == null) {
                throw new IllegalArgumentException("host command '" + name + "' not found in " + searchPath);
            }
            return found;
        }

        private Path find(String name) {
            for (String entry : searchPath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(entry, name);
                if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.normalize();
                }
            }
            return null;
        }

        private static void requireExecutable(String name, Path path) {
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalArgumentException("host command '" + name + "': " + path
                        + " is not an executable file");
            }
        }
    }
}
