package io.sandkernel.kernel;

import io.sandkernel.KernelException;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.Signals;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU budget of one exec ({@link ExecOptions#withCpuTime}), shared by its whole job (its
 * {@link ExecGroup}): what every member uses, and what the members that exited used, counts
 * against it, so a job cannot escape it by starting many short processes. Checked on each tick
 * of {@link CpuWatch}: once the job has used the budget, SIGXCPU goes to the members that used CPU
 * since the previous tick (a shell waiting for the busy command is left alone, as a per-process
 * {@code RLIMIT_CPU} would), and again each second of CPU after; at the hard limit the job is
 * sealed and every member gets SIGKILL.
 */
final class ExecCpuBudget {
    private static final long SECOND = 1_000_000_000L;

    private final ExecGroup group;
    private final long hard;
    private long nextXcpu;
    /** Each member's CPU at the previous tick, to tell the busy ones. */
    private Map<Task, Long> previous = new HashMap<>();

    ExecCpuBudget(ExecGroup group, long softNanos, long hardNanos) {
        this.group = group;
        this.hard = Math.max(softNanos, hardNanos);
        this.nextXcpu = softNanos;
        group.account();
    }

    /**
     * Reads the job's CPU and signals as its budget says; runs on the tick, with no lock held.
     *
     * @return false when the budget is done with: the job is gone, or was killed
     */
    boolean check(ProcessTable table) {
        if (!group.alive()) {
            return false;
        }
        long used = group.exitedCpuNanos();
        Map<Task, Long> now = new HashMap<>();
        java.util.List<Task> busy = new java.util.ArrayList<>();
        for (Task member : group.members()) {
            long cpu = member.cpuNanos();
            if (cpu < 0) {
                continue;
            }
            used += cpu;
            now.put(member, cpu);
            if (cpu > previous.getOrDefault(member, 0L)) {
                busy.add(member);
            }
        }
        previous = now;
        if (used >= hard) {
            group.seal();
            signal(table, now.keySet(), Signals.SIGKILL);
            signal(table, group.members(), Signals.SIGKILL);
            return false;
        }
        if (used >= nextXcpu && !busy.isEmpty()) {
            nextXcpu = used + SECOND;
            signal(table, busy, Signals.SIGXCPU);
        }
        return true;
    }

    private static void signal(ProcessTable table, Iterable<Task> tasks, int signal) {
        for (Task task : tasks) {
            try {
                table.kill(task.pid, signal);
            } catch (KernelException e) {
                // gone meanwhile
            }
        }
    }
}
