package io.sandkernel.api.spi;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.SignalHandler;

/**
 * A driver's hook into the system calls of one of its processes, for runtimes that deliver
 * signals themselves (the JVM driver). The kernel's system-call object, obtained with
 * {@link ProcessLaunch#syscalls(Checkpoint)}, calls {@link #check()} on the process's own thread
 * when each call begins and ends, and again when a blocking call was interrupted, so the driver
 * acts on signals at every call without re-implementing the calls.
 *
 * <p>A blocking call (a read, a write, a wait) is interrupted by interrupting the process's thread.
 * The kernel then calls {@link #check()}: a read or write restarts afterwards (as with
 * {@code SA_RESTART}); {@code sleep}, {@code waitpid} and {@code poll} fail with EINTR when a
 * handler ran, and continue otherwise (a stop and continue, say).
 */
public interface Checkpoint {
    /** No driver hook: nothing is acted on, and an interrupted blocking call fails with EINTR. */
    Checkpoint NONE = () -> false;

    /**
     * Acts on the process's pending signals: waits while it is stopped, throws
     * {@link io.sandkernel.api.ProcessTermination} when a signal ends it, runs handlers.
     *
     * @return whether a signal handler ran
     */
    boolean check();

    /**
     * {@link io.sandkernel.api.ProcessApi#signal}: installs {@code handler} for {@code signal}
     * (null for the default action).
     *
     * @return the previous handler, null for the default action
     * @throws KernelException EINVAL for SIGKILL, SIGSTOP or a bad number; ENOSYS (the default)
     *                         when the runtime runs no handlers
     */
    default SignalHandler handle(int signal, SignalHandler handler) {
        throw new KernelException(Errno.ENOSYS, "this runtime does not run signal handlers");
    }
}
