package io.sandkernel.api.spi;

import io.sandkernel.api.ProcessApi;

import java.util.List;
import java.util.Map;

/**
 * Everything a driver needs to start one process.
 *
 * @param pid     the process id in the kernel's table
 * @param command the command name, as looked up in the kernel's command registry
 * @param args    the arguments after the command name
 * @param env     the environment
 * @param cwd     the working directory in the kernel filesystem
 * @param stdio   the standard streams, already wired by the kernel (pipes, files, /dev/null or the
 *                caller's streams); the driver must close none of them, the kernel does on exit
 * @param api     the process's system calls, for drivers that run kernel-aware programs
 */
public record ProcessLaunch(int pid, String command, List<String> args, Map<String, String> env, String cwd,
                            StandardStreams stdio, ProcessApi api) {
    /** Copies the collections. */
    public ProcessLaunch {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
