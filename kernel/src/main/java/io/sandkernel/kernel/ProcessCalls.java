package io.sandkernel.kernel;

import io.sandkernel.api.Resource;
import io.sandkernel.api.ResourceLimit;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The process system calls of one process (table, spawn, signals, umask), without checkpoints:
 * {@link Syscalls} adds those. Blocking calls fail with EINTR when the thread is interrupted.
 */
final class ProcessCalls {
    private final Kernel kernel;
    private final Task task;

    ProcessCalls(Kernel kernel, Task task) {
        this.kernel = kernel;
        this.task = task;
    }

    private ProcessTable table() {
        return kernel.table();
    }

    int ppid() {
        return table().getppid(task.pid);
    }

    boolean hasCommand(String name) {
        return kernel.hasCommand(name);
    }

    int spawn(SpawnRequest request) {
        if (request == null) {
            throw new KernelException(Errno.EINVAL, "spawn: null request");
        }
        return kernel.spawnChild(task, request);
    }

    int spawn(SpawnRequest request, io.sandkernel.api.Program program) {
        if (request == null || program == null) {
            throw new KernelException(Errno.EINVAL, "spawn: null request or program");
        }
        return kernel.spawnProgram(task, request, program);
    }

    Optional<WaitResult> waitpid(int pid, WaitOption... options) {
        try {
            return table().waitpid(task.pid, pid, options);
        } catch (InterruptedException e) {
            throw new KernelException(Errno.EINTR, "waitpid interrupted");
        }
    }

    void kill(int pid, int signal) {
        kernel.killFrom(task, pid, signal);
    }

    /** {@code setpgid(2)}: only on itself or its own children of its session. */
    void setpgid(int pid, int pgid) {
        if (pid < 0 || pgid < 0) {
            throw new KernelException(Errno.EINVAL, "setpgid: negative argument");
        }
        int target = pid == 0 ? task.pid : pid;
        if (target != task.pid) {
            int parent;
            try {
                parent = table().getppid(target);
            } catch (KernelException e) {
                throw new KernelException(Errno.ESRCH, "no such child " + target);
            }
            if (parent != task.pid) {
                throw new KernelException(Errno.ESRCH, "process " + target + " is not a child of " + task.pid);
            }
            if (table().getsid(target) != table().getsid(task.pid)) {
                throw new KernelException(Errno.EPERM, "child " + target + " is in another session");
            }
        }
        table().setpgid(target, pgid == 0 ? target : pgid);
    }

    int getpgid(int pid) {
        return table().getpgid(self(pid));
    }

    int setsid() {
        return table().setsid(task.pid);
    }

    int getsid(int pid) {
        return table().getsid(self(pid));
    }

    private int self(int pid) {
        if (pid < 0) {
            throw new KernelException(Errno.EINVAL, "negative pid " + pid);
        }
        return pid == 0 ? task.pid : pid;
    }

    SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        return table().sigprocmask(task.pid, how, set);
    }

    SignalSet sigpending() {
        return table().sigpending(task.pid);
    }

    /** {@code umask(2)}: the table and the file layer keep it. */
    int umask(int mask) {
        int previous = table().setUmask(task.pid, mask);
        task.files.umask(mask);
        return previous;
    }

    SortedMap<Integer, ProcessInfo> processes() {
        return table().listProcesses();
    }

    /** {@code duration} in nanoseconds, capped at about 146 years. */
    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    // ------------------------------------------------------------------ resource limits

    ResourceLimit getrlimit(Resource resource) {
        return switch (resource) {
            case CPU -> kernel.cpu().seconds(task);
            case NOFILE -> ResourceLimit.of(kernel.limits().maxOpenFiles());
            case NPROC -> ResourceLimit.of(kernel.limits().maxProcessesPerUser());
        };
    }

    void setrlimit(Resource resource, ResourceLimit limit) {
        java.util.Objects.requireNonNull(limit, "limit");
        if (resource == Resource.CPU) {
            kernel.cpu().setSeconds(task, limit);
            return;
        }
        ResourceLimit fixed = getrlimit(resource);
        if (!fixed.equals(limit)) {
            throw new KernelException(limit.hard() > fixed.hard() ? Errno.EPERM : Errno.EINVAL,
                    "the kernel fixes this limit (KernelLimits)");
        }
    }
}
