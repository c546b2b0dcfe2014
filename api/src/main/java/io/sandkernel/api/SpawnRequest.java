package io.sandkernel.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a process asks {@link ProcessApi#spawn} to start: argv, environment, working directory,
 * standard streams and process group placement, like {@code posix_spawn} with its attributes.
 * The child inherits every descriptor of its parent that is not close-on-exec, as after
 * {@code fork} and {@code exec}; then its standard streams are connected as {@code stdin},
 * {@code stdout} and {@code stderr} say, then {@code fileActions} run in order.
 *
 * @param argv    the command name followed by its arguments; not empty
 * @param env     the child's environment
 * @param cwd     the child's working directory
 * @param stdin   where the child's standard input comes from
 * @param stdout  where its standard output goes
 * @param stderr  where its standard error goes
 * @param pgid    -1 to stay in the parent's process group, 0 to lead a new group, else the group to join
 * @param newSession whether the child calls {@code setsid} before running
 * @param foreground whether the child's process group becomes the foreground group of the
 *                   caller's controlling terminal before the child runs, as a job-control shell's
 *                   child does with {@code tcsetpgrp} before {@code exec}; ignored when the caller
 *                   has no terminal
 * @param fileActions changes to the child's descriptors, applied last ({@code 3>file},
 *                    {@code 4<&0}, {@code 5>&-} of a shell)
 */
public record SpawnRequest(List<String> argv, Map<String, String> env, String cwd, Redirect stdin,
                           Redirect stdout, Redirect stderr, int pgid, boolean newSession, boolean foreground,
                           List<FileAction> fileActions) {

    /** A request without file actions. */
    public SpawnRequest(List<String> argv, Map<String, String> env, String cwd, Redirect stdin,
                        Redirect stdout, Redirect stderr, int pgid, boolean newSession, boolean foreground) {
        this(argv, env, cwd, stdin, stdout, stderr, pgid, newSession, foreground, List.of());
    }

    /** A request that leaves the terminal's foreground group alone. */
    public SpawnRequest(List<String> argv, Map<String, String> env, String cwd, Redirect stdin,
                        Redirect stdout, Redirect stderr, int pgid, boolean newSession) {
        this(argv, env, cwd, stdin, stdout, stderr, pgid, newSession, false);
    }

    /** This request with {@code foreground} set. */
    public SpawnRequest inForeground() {
        return new SpawnRequest(argv, env, cwd, stdin, stdout, stderr, pgid, newSession, true, fileActions);
    }

    /** This request with {@code actions} applied after the ones it has. */
    public SpawnRequest withFileActions(List<FileAction> actions) {
        List<FileAction> all = new java.util.ArrayList<>(fileActions);
        all.addAll(actions);
        return new SpawnRequest(argv, env, cwd, stdin, stdout, stderr, pgid, newSession, foreground, all);
    }

    /** Validates and copies. */
    public SpawnRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        fileActions = List.copyOf(fileActions);
    }
}
