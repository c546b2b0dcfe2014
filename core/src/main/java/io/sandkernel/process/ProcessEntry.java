package io.sandkernel.process;

import io.sandkernel.user.ProcessIdentity;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A snapshot of one process as the table holds it. Immutable: later changes to the process do
 * not show here.
 *
 * @param pid            process id
 * @param ppid           parent's pid; 0 for a root or an orphan when init is gone
 * @param pgid           process group id
 * @param sid            session id
 * @param driver         name of the runtime driver that executes it
 * @param command        the command name
 * @param args           the arguments, without the command
 * @param status         run state
 * @param exitCode       exit code once exited
 * @param exitTimeMillis wall-clock time of the exit, in milliseconds since the epoch
 * @param env            environment at start
 * @param cwd            working directory at start
 * @param umask          current file creation mask (0..0o777)
 * @param identity       credentials
 */
public record ProcessEntry(int pid, int ppid, int pgid, int sid, String driver, String command,
                           List<String> args, ProcessStatus status, OptionalInt exitCode,
                           OptionalLong exitTimeMillis, Map<String, String> env, String cwd,
                           int umask, ProcessIdentity identity) {
    /** Copies the collections. */
    public ProcessEntry {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
