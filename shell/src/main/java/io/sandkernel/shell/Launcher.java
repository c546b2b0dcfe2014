package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.JobTable.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts and waits for processes: external commands, pipelines, background jobs and forked
 * subshells.
 *
 * <p>Whatever a real shell forks for (a subshell {@code ( )}, a pipeline element or background
 * job that is a builtin, function or compound command, a command or process substitution) runs
 * in a child process started with {@link ProcessApi#spawn(SpawnRequest, io.sandkernel.api.Program)}:
 * its program is a copy of the shell's state held in memory and the subtree to run ({@link
 * Forks}), so it has a pid of its own, can be signalled and waited for, and cannot change the
 * parent's variables, whatever their size, and no command line is built or parsed again. A
 * simple command that names an external program is spawned directly.
 *
 * <p>Every child inherits the shell's descriptors as they are when it is spawned ({@link Io}): a
 * pipeline element's pipe ends and its own redirections are put in place on the shell's
 * descriptors just for the spawn, then undone.
 */
@SuppressWarnings("try")
final class Launcher {
    /** The name of the shell in the kernel's command registry, when the process does not say. */
    static final String SHELL_COMMAND = "sh";

    /** The statuses of the last foreground pipeline's commands, for bash's PIPESTATUS. */
    private List<Integer> lastStatuses = List.of();
    private final Interpreter shell;
    private final Substitutions substitutions;
    final JobControl jobControl;
    private final ProcessApi api;
    private final ShellState state;
    private final Io io;
    int shellPgid = -1;

    Launcher(Interpreter shell) {
        this.shell = shell;
        this.api = shell.api;
        this.state = shell.state;
        this.io = shell.io;
        this.substitutions = new Substitutions(shell, this);
        this.jobControl = new JobControl(shell, this);
    }

    // ---------------------------------------------------------------- single commands

    /**
     * Runs an external command in the foreground. Its redirections are the child's only: they
     * are undone as soon as it is spawned, so that while the shell waits, what it reports (a job
     * stopped by ^Z) goes to its own standard error, as in dash, where they apply after fork.
     */
    int foregroundCommand(SimpleCommand command, List<String> words, Map<String, String> assigned) {
        int pid;
        int noticeFd = 2;
        try (Io.Frame frame = io.push()) {
            if (!shell.redirect(command.redirections(), frame)) {
                return state.bash ? 1 : 2; // a failed redirection: dash's status 2, bash's 1
            }
            pid = spawnForeground(words, assigned);
            if (pid > 0 && !state.bash && !command.redirections().isEmpty()) {
                // dash waits with the command's redirections in place: its notice of a signal goes there
                noticeFd = io.privateCopy(2);
            }
        }
        try {
            return pid < 0 ? -pid : waitForeground(pid, Printer.summary(command), noticeFd);
        } finally {
            if (noticeFd != 2 && noticeFd >= 0) {
                io.closeQuietly(noticeFd);
            }
        }
    }

    /** Spawns an external command with the current descriptors and waits for it. */
    int runExternal(List<String> words, Map<String, String> assigned, String text) {
        int pid = spawnForeground(words, assigned);
        return pid < 0 ? -pid : waitForeground(pid, text, 2);
    }

    /** Spawns a foreground job's only process: the pid, or minus the status when it could not start. */
    private int spawnForeground(List<String> words, Map<String, String> assigned) {
        spawnInForeground = state.monitor;
        int pid = spawnExternal(words, assigned, state.monitor ? 0 : -1);
        spawnInForeground = false; // when it failed before spawning
        return pid;
    }

    /**
     * Waits for a foreground command, then says so on {@code noticeFd} (none when negative) when a
     * signal ended it, as dash and bash do.
     */
    private int waitForeground(int pid, String text, int noticeFd) {
        int status = waitJob(new Job(0, state.monitor ? pid : -1, List.of(pid), text), false);
        String notice = SignalNotice.of(state.bash, pid, status, text, shell.errorPrefix());
        if (notice != null && noticeFd >= 0) {
            try {
                shell.print(noticeFd, notice);
            } catch (ShellError | KernelException e) {
                // standard error is gone: the status still tells
            }
        }
        return status;
    }

    /**
     * Spawns an external program with the shell's current descriptors.
     *
     * @return the pid, or minus the exit status when it could not be started (error printed)
     */
    int spawnExternal(List<String> words, Map<String, String> assigned, int pgid) {
        Map<String, String> env = state.environment();
        env.putAll(assigned);
        String name = words.get(0);
        try {
            return spawn(io.request(words, env, pgid));
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOEXEC) {
                // a file with neither #! nor a known format: a shell script, run by a new shell (POSIX)
                String path = name.contains("/") ? name : shell.commands.pathOf(name);
                if (path != null) {
                    List<String> argv = new ArrayList<>();
                    argv.add(state.bash ? "bash" : SHELL_COMMAND);
                    argv.add(path);
                    argv.addAll(words.subList(1, words.size()));
                    try {
                        return spawn(io.request(argv, env, pgid));
                    } catch (KernelException again) {
                        e = again;
                    }
                }
            }
            if (e.errno() == Errno.ENOENT) {
                shell.error(name + (state.bash ? (name.contains("/") ? ": No such file or directory" : ": command not found")
                        : ": not found"));
                return -127;
            }
            if (e.errno() == Errno.EACCES || e.errno() == Errno.ENOEXEC) {
                boolean directory = state.bash && Fs.isDirectory(api, name);
                shell.error(name + (directory ? ": Is a directory" : ": Permission denied"));
                return -126;
            }
            shell.error(name + ": " + Messages.strerror(e.errno())); // as dash's errmsg: E2BIG, EAGAIN...
            return -126;
        }
    }

    /** Set when the last spawn could not join its pipeline's group and got a group of its own. */
    private boolean regrouped;

    /**
     * Set for the next spawn that creates a foreground job's group: the kernel hands that group the
     * terminal before the child runs, so it never reads or asks for the terminal as a background job.
     */
    private boolean spawnInForeground;

    /**
     * {@link ProcessApi#spawn}; when the group to join is gone (its leader exited before the next
     * element started), the child leads a new group instead.
     */
    private int spawn(SpawnRequest request) {
        regrouped = false;
        if (spawnInForeground) {
            spawnInForeground = false;
            request = request.inForeground();
        }
        try {
            return api.spawn(request);
        } catch (KernelException e) {
            if (request.pgid() <= 0 || (e.errno() != Errno.EPERM && e.errno() != Errno.ESRCH)) {
                throw e;
            }
            regrouped = true;
            return api.spawn(new SpawnRequest(request.argv(), request.env(), request.cwd(), request.stdin(),
                    request.stdout(), request.stderr(), 0, request.newSession(), request.foreground(),
                    request.fileActions()));
        }
    }

    /**
     * Runs a subshell {@code ( ... )} as a child shell and waits for it; its redirections, as an
     * external command's, are the child's only.
     */
    int subshell(Subshell subshell, List<Redirection> redirections, String text) {
        int pgid = state.monitor ? 0 : -1;
        int pid;
        try (Io.Frame frame = io.push()) {
            if (!shell.redirect(redirections, frame)) {
                return state.bash ? 1 : 2;
            }
            spawnInForeground = state.monitor;
            pid = spawnShell(subshell.body(), pgid);
            spawnInForeground = false;
        }
        if (pid < 0) {
            return -pid;
        }
        // the child shell told of the signal that ended its command: dash's subshell is that command
        return waitForeground(pid, text, -1);
    }

    // ---------------------------------------------------------------- pipelines and jobs

    /** The processes of a started pipeline; {@code lastFailure} is the last element's status when it failed to start. */
    record Started(List<Integer> pids, int pgid, int lastFailure, List<Integer> otherGroups) {}

    /**
     * Starts a pipeline's elements, from the last to the first: the last element leads the
     * process group (with job control) and, reading its input, cannot end before the others
     * have joined the group. A foreground job's group gets the terminal as soon as it exists.
     */
    Started start(List<Node> elements, int pgid, boolean foreground) {
        int n = elements.size();
        int[][] pipes = new int[Math.max(0, n - 1)][];
        Integer[] pidByElement = new Integer[n];
        List<Integer> groups = new ArrayList<>();
        int firstGroup = pgid;
        int lastFailure = -1;
        try {
            for (int i = 0; i < n - 1; i++) {
                pipes[i] = io.pipe();
            }
            for (int i = n - 1; i >= 0; i--) {
                try (Io.Frame frame = io.push()) {
                    if (i > 0) {
                        frame.dup(pipes[i - 1][0], 0);
                    }
                    if (i < n - 1) {
                        frame.dup(pipes[i][1], 1);
                    }
                    regrouped = false;
                    spawnInForeground = pgid == 0 && foreground && state.monitor;
                    int result = spawnElement(elements.get(i), pgid);
                    spawnInForeground = false;
                    if (result > 0) {
                        pidByElement[i] = result;
                        if (pgid == 0) {
                            pgid = result;
                            firstGroup = result;
                            if (foreground && state.monitor) {
                                shell.terminal.setForegroundGroup(result);
                            }
                        } else if (regrouped) {
                            pgid = result;
                            groups.add(result);
                        }
                    } else if (i == n - 1) {
                        lastFailure = -result;
                    }
                } finally {
                    // element i has what it needs: its output end, and its neighbour's input end
                    if (i < n - 1) {
                        io.closeQuietly(pipes[i][1]);
                        pipes[i][1] = -1;
                    }
                    if (i > 0) {
                        io.closeQuietly(pipes[i - 1][0]);
                        pipes[i - 1][0] = -1;
                    }
                }
            }
        } finally {
            for (int[] pipe : pipes) {
                if (pipe != null) {
                    for (int fd : pipe) {
                        if (fd >= 0) {
                            io.closeQuietly(fd);
                        }
                    }
                }
            }
        }
        List<Integer> pids = new ArrayList<>();
        for (Integer pid : pidByElement) {
            if (pid != null) {
                pids.add(pid);
            }
        }
        return new Started(pids, firstGroup, lastFailure, groups);
    }

    int foregroundPipeline(Pipeline pipeline) {
        if (state.bash && !state.monitor && state.shopts.contains("lastpipe")) {
            return lastPipe(pipeline);
        }
        Started started = start(pipeline.commands(), state.monitor ? 0 : -1, true);
        if (started.pids().isEmpty()) {
            int status = started.lastFailure() < 0 ? 0 : started.lastFailure();
            pipeStatus(List.of(status));
            return status;
        }
        Job job = new Job(0, started.pgid(), started.pids(), Printer.summary(pipeline));
        job.otherGroups.addAll(started.otherGroups());
        int status = waitJob(job, false);
        if (started.lastFailure() >= 0 && job.state != JobTable.State.STOPPED) {
            status = started.lastFailure();
        }
        if (job.state == JobTable.State.STOPPED) {
            return status;
        }
        List<Integer> statuses = new ArrayList<>();
        for (int pid : started.pids()) {
            Integer exit = job.exits.get(pid);
            statuses.add(exit == null ? 0 : exit);
        }
        if (started.lastFailure() >= 0) {
            statuses.add(started.lastFailure());
        }
        pipeStatus(statuses);
        if (state.pipefail) {
            for (int i = statuses.size() - 1; i >= 0; i--) {
                if (statuses.get(i) != 0) {
                    return statuses.get(i);
                }
            }
            return 0;
        }
        return status;
    }

    /**
     * bash's {@code shopt -s lastpipe}: the last command of the pipeline runs in the shell itself
     * (so {@code ... | read v} sets v), reading the pipe the others write.
     */
    private int lastPipe(Pipeline pipeline) {
        List<Node> elements = pipeline.commands();
        int[] pipe = io.pipe();
        Started started;
        try (Io.Frame frame = io.push()) {
            frame.dup(pipe[1], 1);
            started = start(elements.subList(0, elements.size() - 1), -1, true);
        } finally {
            io.closeQuietly(pipe[1]);
        }
        int last;
        try (Io.Frame frame = io.push()) {
            frame.dup(pipe[0], 0);
            io.closeQuietly(pipe[0]);
            last = shell.execute(elements.get(elements.size() - 1));
        }
        List<Integer> statuses = new ArrayList<>();
        for (int pid : started.pids()) {
            WaitResult result = waitBlocking(pid, false);
            statuses.add(result == null ? 127 : result.status());
        }
        statuses.add(last);
        pipeStatus(statuses);
        if (state.pipefail) {
            for (int i = statuses.size() - 1; i >= 0; i--) {
                if (statuses.get(i) != 0) {
                    return statuses.get(i);
                }
            }
        }
        return last;
    }

    /** Records bash's PIPESTATUS: the statuses of the last pipeline (a simple command is one). */
    void pipeStatus(List<Integer> statuses) {
        lastStatuses = statuses;
    }

    /** bash's PIPESTATUS, computed when read. */
    List<String> pipeStatuses() {
        List<String> out = new ArrayList<>(lastStatuses.size());
        for (int status : lastStatuses) {
            out.add(Integer.toString(status));
        }
        return out;
    }

    /** Starts {@code body &}. */
    int background(Node body) {
        List<Node> elements = body instanceof Pipeline p && !p.negated() ? p.commands() : List.of(body);
        Started started;
        try (Io.Frame frame = io.push()) {
            if (!state.monitor) {
                nullInput(frame);
            }
            started = start(elements, state.monitor ? 0 : -1, false);
        }
        if (started.pids().isEmpty()) {
            return 0;
        }
        Job job = shell.jobs.add(started.pgid(), started.pids(), Printer.summary(body));
        job.otherGroups.addAll(started.otherGroups());
        int last = started.pids().get(started.pids().size() - 1);
        state.lastBackgroundPid = last;
        if (state.interactive) {
            shell.print(2, "[" + job.id + "] " + last + "\n");
        }
        return 0;
    }

    /** Starts bash's coprocess {@code body} in the background on {@code input} and {@code output}; its pid. */
    int coprocess(Node body, int input, int output, String text) {
        Started started;
        try (Io.Frame frame = io.push()) {
            frame.dup(input, 0);
            frame.dup(output, 1);
            started = start(List.of(body), state.monitor ? 0 : -1, false);
        }
        if (started.pids().isEmpty()) {
            return -1;
        }
        Job job = shell.jobs.add(started.pgid(), started.pids(), text);
        job.otherGroups.addAll(started.otherGroups());
        int pid = started.pids().get(0);
        state.lastBackgroundPid = pid;
        if (state.interactive) {
            shell.print(2, "[" + job.id + "] " + pid + "\n");
        }
        return pid;
    }

    /**
     * Standard input from {@code /dev/null}, as a background job gets without job control (its
     * own redirections still apply); closed when there is no {@code /dev/null}.
     */
    private void nullInput(Io.Frame frame) {
        try {
            frame.open(0, "/dev/null", OpenFlags.O_RDONLY, 0);
        } catch (KernelException e) {
            frame.close(0);
        }
    }

    /** Spawns one pipeline element: directly when it is an external command, else in a child shell. */
    private int spawnElement(Node node, int pgid) {
        if (node instanceof SimpleCommand command && directlySpawnable(command)) {
            List<String> words = shell.expander.expandWords(command.words());
            if (words.isEmpty() || isShellCommand(words.get(0))) {
                return spawnShell(node, pgid);
            }
            try (Io.Frame frame = io.push()) {
                if (!shell.redirect(command.redirections(), frame)) {
                    return state.bash ? -1 : -2;
                }
                Map<String, String> assigned = shell.commands.environmentAssignments(command.assignments());
                return spawnExternal(words, assigned, pgid);
            }
        }
        return spawnShell(node, pgid);
    }

    private boolean directlySpawnable(SimpleCommand command) {
        if (command.words().isEmpty()) {
            return false;
        }
        String name = command.words().get(0).plainText();
        return name != null && !isShellCommand(name);
    }

    private boolean isShellCommand(String name) {
        return Builtins.isSpecial(name) || shell.builtins.has(name) || state.functions.containsKey(name);
    }

    /** Spawns a forked subshell running {@code body} with the current descriptors. */
    int spawnShell(Node body, int pgid) {
        return spawnShell(body, pgid, false);
    }

    /**
     * Spawns a forked subshell running {@code body} with the current descriptors; a command
     * substitution in bash runs without set -e, as bash (not in POSIX mode) has it.
     */
    int spawnShell(Node body, int pgid, boolean substitution) {
        List<String> argv = new ArrayList<>();
        String self = api.command();
        argv.add(self == null || self.isEmpty() ? SHELL_COMMAND : self);
        argv.addAll(api.args());
        try {
            return spawnFork(io.request(argv, state.environment(), pgid), Forks.program(shell, body, substitution));
        } catch (KernelException e) {
            shell.error("cannot fork: " + e.getMessage());
            return -2;
        }
    }

    /** {@link #spawn}'s group handling, for a program object. */
    private int spawnFork(SpawnRequest request, io.sandkernel.api.Program program) {
        regrouped = false;
        if (spawnInForeground) {
            spawnInForeground = false;
            request = request.inForeground();
        }
        try {
            return api.spawn(request, program);
        } catch (KernelException e) {
            if (request.pgid() <= 0 || (e.errno() != Errno.EPERM && e.errno() != Errno.ESRCH)) {
                throw e;
            }
            regrouped = true;
            return api.spawn(new SpawnRequest(request.argv(), request.env(), request.cwd(), request.stdin(),
                    request.stdout(), request.stderr(), 0, request.newSession(), request.foreground(),
                    request.fileActions()), program);
        }
    }

    // ---------------------------------------------------------------- substitutions

    /** Runs a command substitution in a child and returns what it wrote. */
    String substitute(CmdSub sub) {
        return substitutions.substitute(sub);
    }

    /** bash's process substitution; see {@link Substitutions#processSubstitution}. */
    String processSubstitution(io.sandkernel.shell.Ast.ProcSubst sub) {
        return substitutions.processSubstitution(sub);
    }

    /** bash's {@code wait} for a process substitution; see {@link Substitutions#waitFor}. */
    Integer waitProcessSubstitution(int pid) {
        return substitutions.waitFor(pid);
    }

    /** Hands a process substitution's end, collected by a wait for any child, to its bookkeeping. */
    void substitutionEnded(WaitResult result) {
        substitutions.ended(result);
    }

    /** Reaps the process substitutions that have ended. */
    void reapSubstitutions() {
        substitutions.reap();
    }

    /** A substitution's child: an external command directly, anything else a forked subshell. */
    int spawnSubstitution(Node body, boolean substitution) {
        if (body instanceof SimpleCommand command && directlySpawnable(command)) {
            return spawnElement(body, -1);
        }
        return spawnShell(body, -1, substitution);
    }

    // ---------------------------------------------------------------- waiting

    /** waitpid for one child, running traps on EINTR; null when there is no such child. */
    WaitResult waitBlocking(int pid, boolean untraced) {
        return jobControl.waitBlocking(pid, untraced);
    }

    /** Waits in the foreground for a job's processes; see {@link JobControl#waitJob}. */
    int waitJob(Job job, boolean registered) {
        return jobControl.waitJob(job, registered);
    }

    /** {@code exec cmd}: runs the command and ends the shell with its status. */
    int replace(List<String> words, Map<String, String> assigned) {
        int pid = spawnExternal(words, assigned, -1);
        int status = pid < 0 ? -pid : waitJob(new Job(0, -1, List.of(pid), String.join(" ", words)), false);
        throw new ControlFlow.Exit(status);
    }
}
