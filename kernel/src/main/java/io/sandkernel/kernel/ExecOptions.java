package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.util.Map;

/**
 * Options of {@link Kernel#exec}.
 *
 * @param env      variables added to (and overriding) the kernel's default environment
 * @param cwd      the working directory; null for the user's home
 * @param stdin    the bytes fed to standard input, encoded as UTF-8, which is then closed
 * @param timeout  how long the process may run; null for no limit
 * @param identity credentials to run with; null for the kernel's guest user
 * @param cpuTime  the CPU time budget of the exec's whole job (every process it leads to, those
 *                 that exited included): once the job has used it, SIGXCPU to the processes
 *                 using CPU, and SIGKILL to the whole job {@link KernelLimits#killGrace()} of CPU
 *                 later; null for none
 */
public record ExecOptions(Map<String, String> env, String cwd, String stdin, Duration timeout,
                          ProcessIdentity identity, Duration cpuTime) {
    private static final ExecOptions DEFAULTS = new ExecOptions(Map.of(), null, "", null, null, null);

    /** Validates and copies. */
    public ExecOptions {
        if (env == null || stdin == null || (timeout != null && timeout.isNegative())
                || (cpuTime != null && (cpuTime.isNegative() || cpuTime.isZero()))) {
            throw new KernelException(Errno.EINVAL, "invalid exec options");
        }
        env = Map.copyOf(env);
    }

    /** Options without a CPU budget (the components before {@code cpuTime} was added). */
    public ExecOptions(Map<String, String> env, String cwd, String stdin, Duration timeout, ProcessIdentity identity) {
        this(env, cwd, stdin, timeout, identity, null);
    }

    /** No extra environment, the home directory, empty stdin, no timeout, the guest user, no CPU budget. */
    public static ExecOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code env}. */
    public ExecOptions withEnv(Map<String, String> env) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }

    /** A copy with {@code cwd}. */
    public ExecOptions withCwd(String cwd) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }

    /** A copy with {@code stdin}. */
    public ExecOptions withStdin(String stdin) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }

    /** A copy with {@code timeout}. */
    public ExecOptions withTimeout(Duration timeout) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }

    /** A copy with {@code identity}. */
    public ExecOptions withIdentity(ProcessIdentity identity) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }

    /** A copy with {@code cpuTime}, the CPU budget of the exec's whole job (null for none). */
    public ExecOptions withCpuTime(Duration cpuTime) {
        return new ExecOptions(env, cwd, stdin, timeout, identity, cpuTime);
    }
}
