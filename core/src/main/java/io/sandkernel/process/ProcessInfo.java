package io.sandkernel.process;

import io.sandkernel.user.ProcessIdentity;
import java.util.OptionalInt;

/**
 * A short snapshot of one process, as {@link ProcessTable#listProcesses()} returns it.
 *
 * @param pid      process id
 * @param ppid     parent's pid
 * @param pgid     process group id
 * @param sid      session id
 * @param driver   name of the runtime driver
 * @param command  the command name
 * @param status   run state
 * @param exitCode exit code once exited
 * @param identity credentials
 */
public record ProcessInfo(int pid, int ppid, int pgid, int sid, String driver, String command,
                          ProcessStatus status, OptionalInt exitCode, ProcessIdentity identity) {}
