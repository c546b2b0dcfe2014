package io.sandkernel.kernel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a process asks {@link ProcessApi#spawn} to start: argv, environment, working directory,
 * standard streams and process group placement, like {@code posix_spawn} with its attributes.
 *
 * @param argv    the command name followed by its arguments; not empty
 * @param env     the child's environment
 * @param cwd     the child's working directory
 * @param stdin   where the child's standard input comes from
 * @param stdout  where its standard output goes
 * @param stderr  where its standard error goes
 * @param pgid    -1 to stay in the parent's process group, 0 to lead a new group, else the group to join
 * @param newSession whether the child calls {@code setsid} before running
 */
public record SpawnRequest(List<String> argv, Map<String, String> env, String cwd, Redirect stdin,
                           Redirect stdout, Redirect stderr, int pgid, boolean newSession) {
    /** Validates and copies. */
    public SpawnRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
