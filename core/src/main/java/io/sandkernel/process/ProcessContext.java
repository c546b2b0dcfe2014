package io.sandkernel.process;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;
import java.util.Map;

/**
 * What a new process starts with: its parent, environment, working directory, umask, standard
 * descriptors, credentials and signal mask. {@code pid} is informational: {@link
 * ProcessTable#register} takes the pid as its own argument. Immutable; the map is copied.
 *
 * @param pid             informational pid, at least 0
 * @param ppid            the parent's pid, or 0 for a root process
 * @param env             environment variables; copied
 * @param cwd             working directory
 * @param umask           file creation mask; only the low nine bits are kept by the table
 * @param fds             descriptor numbers of the standard streams
 * @param identity        credentials
 * @param blockedSignals  the initial signal mask
 * @param pendingSignals  signals pending at start, delivered once unblocked
 * @throws KernelException EINVAL when a component is null or a pid is negative
 */
public record ProcessContext(int pid, int ppid, Map<String, String> env, String cwd, int umask,
                             ProcessFileDescriptors fds, ProcessIdentity identity,
                             SignalSet blockedSignals, SignalSet pendingSignals) {
    private static final ProcessContext DEFAULTS = new ProcessContext(0, 0, Map.of(), "/", 0022,
            ProcessFileDescriptors.standard(), ProcessIdentity.defaults(), SignalSet.empty(), SignalSet.empty());

    /** Validates every component and copies the environment. */
    public ProcessContext {
        if (pid < 0 || ppid < 0) {
            throw new KernelException(Errno.EINVAL, "pid and ppid must not be negative");
        }
        if (env == null || cwd == null || fds == null || identity == null
                || blockedSignals == null || pendingSignals == null) {
            throw new KernelException(Errno.EINVAL, "process context components must not be null");
        }
        try {
            env = Map.copyOf(env);
        } catch (NullPointerException e) {
            throw new KernelException(Errno.EINVAL, "environment names and values must not be null");
        }
    }

    /** pid 0, ppid 0, empty environment, cwd "/", umask 0o022, standard fds, default identity, empty sets. */
    public static ProcessContext defaults() {
        return DEFAULTS;
    }

    /** {@link #defaults()} with {@code ppid}. */
    public static ProcessContext ofParent(int ppid) {
        return DEFAULTS.withPpid(ppid);
    }

    /** A copy with {@code pid}. */
    public ProcessContext withPid(int pid) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code ppid}. */
    public ProcessContext withPpid(int ppid) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code env}. */
    public ProcessContext withEnv(Map<String, String> env) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code cwd}. */
    public ProcessContext withCwd(String cwd) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code umask}. */
    public ProcessContext withUmask(int umask) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code fds}. */
    public ProcessContext withFds(ProcessFileDescriptors fds) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with {@code identity}. */
    public ProcessContext withIdentity(ProcessIdentity identity) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, pendingSignals);
    }

    /** A copy with the signal mask {@code set}. */
    public ProcessContext withBlockedSignals(SignalSet set) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, set, pendingSignals);
    }

    /** A copy with the pending signals {@code set}. */
    public ProcessContext withPendingSignals(SignalSet set) {
        return new ProcessContext(pid, ppid, env, cwd, umask, fds, identity, blockedSignals, set);
    }
}
