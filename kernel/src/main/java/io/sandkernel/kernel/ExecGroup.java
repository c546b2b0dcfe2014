package io.sandkernel.kernel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processes one host start led to (an {@link Kernel#exec}, a {@link Kernel#spawn}, a shell),
 * as a cgroup holds a job on Linux: every process joins its parent's group when it is started and
 * never leaves it; {@code setsid}, {@code setpgid} and reparenting to init do not change it. So
 * killing the group reaches everything the job started, whatever the processes did to their
 * sessions. Only live members are kept, so signalling a group costs its members, never the table.
 *
 * <p>Once the group is {@linkplain #seal sealed} (it is being killed), a process that joins it
 * afterwards is refused, so that one forked while the members were being signalled is killed too,
 * as {@code cgroup.kill} does.
 */
final class ExecGroup {
    private static final AtomicLong NUMBERS = new AtomicLong();

    private final String path;
    private final Set<Task> members = ConcurrentHashMap.newKeySet();
    private volatile boolean sealed;
    /** Whether the CPU of members that exit is summed (the group has a CPU budget). */
    private volatile boolean accounted;
    private final AtomicLong exitedCpu = new AtomicLong();

    private ExecGroup(String path) {
        this.path = path;
    }

    /** A new group, named {@code /exec-N} as {@code /proc/PID/cgroup} shows it. */
    static ExecGroup create() {
        return new ExecGroup("/exec-" + NUMBERS.incrementAndGet());
    }

    /** The group's path, as the last field of {@code /proc/PID/cgroup} ("0::/exec-3"). */
    String path() {
        return path;
    }

    /**
     * Enters {@code task}, which has gone live.
     *
     * @return false when the group is sealed: the caller must kill the task
     */
    boolean join(Task task) {
        members.add(task);
        // the seal is written before the members are read, the member before the seal is read:
        // a join racing a kill is seen by one of the two
        return !sealed;
    }

    /** Removes {@code task}, which has exited, keeping what CPU it used when the group is accounted. */
    void leave(Task task) {
        if (members.remove(task) && accounted) {
            long cpu = task.cpuNanos();
            if (cpu > 0) {
                exitedCpu.addAndGet(cpu);
            }
        }
    }

    /** From now on, the CPU time of members that exit is kept ({@link #exitedCpuNanos}). */
    void account() {
        accounted = true;
    }

    /** The CPU time used by members that exited since {@link #account}, in nanoseconds. */
    long exitedCpuNanos() {
        return exitedCpu.get();
    }

    /** From now on, processes joining are refused. */
    void seal() {
        sealed = true;
    }

    /** The live members now. */
    List<Task> members() {
        return List.copyOf(members);
    }

    /** Whether a member is still alive. */
    boolean alive() {
        return !members.isEmpty();
    }
}
