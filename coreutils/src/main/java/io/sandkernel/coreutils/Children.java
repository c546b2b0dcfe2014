package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starting a child command and waiting for it, for the commands that run others (find -exec,
 * xargs, timeout, nohup, nice, time): {@code spawn} with the caller's streams, then
 * {@code waitpid} until the child has exited (stops and continues are not exits, and EINTR from a
 * handler that ran restarts the wait). A child ended by a signal reports 128 + the signal, as the
 * kernel gives it.
 */
final class Children {
    private Children() {}

    /**
     * Starts {@code argv} with the caller's environment and working directory and inherited
     * standard streams.
     *
     * @return the child's pid
     * @throws KernelException ENOENT when no such command exists, EAGAIN, E2BIG...
     */
    static int start(ProcessApi process, List<String> argv) {
        return start(process, argv, process.env(), process.cwd(), Redirect.inherit(), Redirect.inherit());
    }

    /** Starts {@code argv} with the given environment, directory, input and output; errors are inherited. */
    static int start(ProcessApi process, List<String> argv, Map<String, String> env, String cwd,
                     Redirect stdin, Redirect stdout) {
        return process.spawn(new SpawnRequest(argv, env, cwd, stdin, stdout, Redirect.inherit(), -1, false));
    }

    /** Waits until child {@code pid} exits and returns its status. */
    static int await(ProcessApi process, int pid) {
        while (true) {
            Optional<WaitResult> result;
            try {
                result = process.waitpid(pid);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    continue;
                }
                throw e;
            }
            if (result.isPresent() && result.get().event() == WaitEvent.EXITED) {
                return result.get().status();
            }
        }
    }

    /**
     * Waits up to {@code timeout} for child {@code pid} to exit, polling without blocking in
     * small sleeps (which are kernel calls, so signals to the waiter are acted on).
     *
     * @return the status, or -1 when the child is still running
     */
    static int await(ProcessApi process, int pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000L;
        while (true) {
            Optional<WaitResult> result = process.waitpid(pid, WaitOption.WNOHANG);
            if (result.isPresent() && result.get().event() == WaitEvent.EXITED) {
                return result.get().status();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            try {
                process.sleep(Duration.ofNanos(Math.min(left, pause)));
            } catch (KernelException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
            pause = Math.min(pause * 2, 20_000_000L);
        }
    }

    /**
     * The status GNU's launchers (env, nice, nohup, timeout) give when {@code argv[0]} could not
     * be started: 127 when it does not exist, 126 otherwise, after {@code "cmd: 'name': reason"}.
     */
    static int reportStartFailure(Diagnostics diagnostics, String name, KernelException e) {
        diagnostics.error(Diagnostics.quote(name) + ": " + Diagnostics.describe(e));
        return e.errno() == Errno.ENOENT ? 127 : 126;
    }
}
