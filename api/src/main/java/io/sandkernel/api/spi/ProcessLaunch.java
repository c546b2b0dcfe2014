package io.sandkernel.api.spi;

import io.sandkernel.api.ProcessApi;

import java.util.List;
import java.util.Map;

/**
 * Everything a driver needs to start one process.
 *
 * @param pid      the process id in the kernel's table
 * @param command  the command name, as looked up in the kernel's command registry
 * @param args     the arguments after the command name
 * @param env      the environment
 * @param cwd      the working directory in the kernel filesystem
 * @param stdio    the standard streams (descriptors 0, 1 and 2 of the process, read and written
 *                 through the kernel), for drivers that copy them to something outside the kernel
 *                 (the host driver); the driver must close none of them, the kernel does on exit
 * @param syscalls makes the process's system calls, for drivers that run kernel-aware programs;
 *                 may be null when there are none (tests of a driver that does not use them)
 */
public record ProcessLaunch(int pid, String command, List<String> args, Map<String, String> env, String cwd,
                            StandardStreams stdio, Syscalls syscalls) {
    /** Makes the system-call object of the process being launched. */
    @FunctionalInterface
    public interface Syscalls {
        /**
         * The process's system calls, calling {@code checkpoint} around each call on the calling
         * thread. Each call makes a new object; a driver makes one per process.
         */
        ProcessApi create(Checkpoint checkpoint);
    }

    /** Copies the collections. */
    public ProcessLaunch {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /**
     * The process's system calls with {@code checkpoint} called around each: see {@link Checkpoint}.
     *
     * @throws NullPointerException when the launch carries no system calls
     */
    public ProcessApi syscalls(Checkpoint checkpoint) {
        return syscalls.create(java.util.Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    /** The process's system calls without a driver hook ({@link Checkpoint#NONE}). */
    public ProcessApi api() {
        return syscalls(Checkpoint.NONE);
    }
}
