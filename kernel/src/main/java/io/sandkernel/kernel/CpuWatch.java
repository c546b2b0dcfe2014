package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ResourceLimit;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.Signals;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CPU time limits ({@code RLIMIT_CPU}) of one kernel's processes. Only processes with a finite
 * limit are kept here; while there are any, a tick on one daemon thread shared by all kernels
 * reads each one's CPU time from its driver ({@link io.sandkernel.process.DriverProcess#cpuNanos})
 * every {@link #TICK_MILLIS} ms and, as Linux does, sends SIGXCPU when it reaches the soft limit
 * and once a second after, and SIGKILL at the hard limit. Signals are sent with no lock held.
 * Limits are kept in nanoseconds so that an exec's budget may be a fraction of a second; a
 * process sees them in seconds, rounded up.
 */
final class CpuWatch {
    static final long UNLIMITED = ResourceLimit.UNLIMITED;
    private static final long TICK_MILLIS = 20;
    private static final long SECOND = 1_000_000_000L;

    private final ProcessTable table;
    private final Map<Integer, Limited> limited = new ConcurrentHashMap<>();
    private final Map<Integer, long[]> pending = new ConcurrentHashMap<>();
    private final java.util.Set<ExecCpuBudget> budgets = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticking;

    /** A limited process: its limits and when the next SIGXCPU is due. */
    private static final class Limited {
        final Task task;
        final long soft;
        final long hard;
        long nextXcpu;

        Limited(Task task, long soft, long hard) {
            this.task = task;
            this.soft = soft;
            this.hard = hard;
            this.nextXcpu = soft;
        }
    }

    CpuWatch(ProcessTable table) {
        this.table = table;
    }

    /** The limits of {@code task} in nanoseconds: {soft, hard}. */
    long[] nanos(Task task) {
        Limited entry = limited.get(task.pid);
        return entry == null || entry.task != task ? new long[] {UNLIMITED, UNLIMITED} : new long[] {entry.soft, entry.hard};
    }

    /** The limits of {@code task} in seconds, as {@code getrlimit(RLIMIT_CPU)} reports them. */
    ResourceLimit seconds(Task task) {
        long[] limits = nanos(task);
        return new ResourceLimit(toSeconds(limits[0]), toSeconds(limits[1]));
    }

    /**
     * {@code setrlimit(RLIMIT_CPU)} in seconds for {@code task}.
     *
     * @throws KernelException EPERM when a process that is not root raises its hard limit
     */
    void setSeconds(Task task, ResourceLimit limit) {
        long hard = nanos(task)[1];
        long newHard = toNanos(limit.hard());
        if (newHard > hard && !task.identity.isRoot()) {
            throw new KernelException(Errno.EPERM, "cannot raise the hard CPU limit");
        }
        set(task, toNanos(limit.soft()), newHard);
    }

    /** Sets the limits in nanoseconds, with no permission check (the kernel's own budgets). */
    void set(Task task, long softNanos, long hardNanos) {
        if (softNanos == UNLIMITED && hardNanos == UNLIMITED) {
            limited.remove(task.pid);
            return;
        }
        limited.put(task.pid, new Limited(task, softNanos, Math.max(softNanos, hardNanos)));
        startTicking();
    }

    /**
     * An exec's CPU budget for the job of the process {@code pid} that is being started, taken up
     * by {@link #adopt} when it goes live, before its program runs: shared by the whole job
     * ({@link ExecCpuBudget}), not a limit of each process.
     */
    void reserve(int pid, long softNanos, long hardNanos) {
        pending.put(pid, new long[] {softNanos, hardNanos});
    }

    /** Applies what {@link #reserve} set aside for {@code task}'s job, if anything. */
    void adopt(Task task) {
        long[] reserved = pending.isEmpty() ? null : pending.remove(task.pid);
        if (reserved != null) {
            budgets.add(new ExecCpuBudget(task.group, reserved[0], reserved[1]));
            startTicking();
        }
    }

    /** A child starts with its parent's limits (and a CPU time of its own). */
    void inherit(Task parent, Task child) {
        Limited entry = parent == null ? null : limited.get(parent.pid);
        if (entry != null && entry.task == parent) {
            set(child, entry.soft, entry.hard);
        }
    }

    private synchronized void startTicking() {
        if (ticking == null || ticking.isDone()) {
            ticking = Ticks.SCHEDULER.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the tick (the kernel closed). */
    synchronized void close() {
        limited.clear();
        budgets.clear();
        pending.clear();
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void tick() {
        try {
            check();
        } catch (RuntimeException e) {
            // the next tick tries again: a failed one must not end the schedule
            System.getLogger(CpuWatch.class.getName()).log(System.Logger.Level.WARNING, "CPU limit check failed", e);
        }
    }

    private void check() {
        for (Limited entry : limited.values()) {
            if (entry.task.hasExited()) {
                limited.remove(entry.task.pid, entry);
                continue;
            }
            long used = entry.task.cpuNanos();
            if (used < 0) {
                continue;
            }
            try {
                if (used >= entry.hard) {
                    limited.remove(entry.task.pid, entry);
                    table.kill(entry.task.pid, Signals.SIGKILL);
                } else if (used >= entry.nextXcpu) {
                    entry.nextXcpu = used + SECOND;
                    table.kill(entry.task.pid, Signals.SIGXCPU);
                }
            } catch (KernelException e) {
                limited.remove(entry.task.pid, entry); // gone meanwhile
            }
        }
        budgets.removeIf(budget -> !budget.check(table));
        synchronized (this) {
            if (limited.isEmpty() && budgets.isEmpty() && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
    }

    private static long toSeconds(long nanos) {
        return nanos == UNLIMITED ? UNLIMITED : (nanos + SECOND - 1) / SECOND;
    }

    private static long toNanos(long seconds) {
        return seconds >= UNLIMITED / SECOND ? UNLIMITED : seconds * SECOND;
    }

    /** The one daemon thread that ticks for every kernel's limited processes. */
    private static final class Ticks {
        static final ScheduledThreadPoolExecutor SCHEDULER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "sandkernel-cpu-watch");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
