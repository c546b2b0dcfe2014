package io.sandkernel.process;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.Iterator;

/**
 * Which child a {@code waitpid} call may report, decided from the waiter's child list or the
 * target group's member list, whichever is shorter, so the cost follows the processes concerned.
 * Called with the table's lock held.
 */
final class WaitSelection {
    static final int WNOHANG = 1;
    static final int WUNTRACED = 2;
    static final int WCONTINUED = 4;

    private WaitSelection() {}

    static int flags(WaitOption... options) {
        if (options == null) {
            throw new KernelException(Errno.EINVAL, "waitpid: options must not be null");
        }
        int flags = 0;
        for (WaitOption option : options) {
            if (option == null) {
                throw new KernelException(Errno.EINVAL, "waitpid: options must not contain null");
            }
            flags |= switch (option) {
                case WNOHANG -> WNOHANG;
                case WUNTRACED -> WUNTRACED;
                case WCONTINUED -> WCONTINUED;
            };
        }
        return flags;
    }

    /**
     * The lowest-pid matching child with something to report, or null when matching children
     * exist but none is ready.
     *
     * @throws KernelException ECHILD when no child matches the selector
     */
    static ProcessRecord find(ProcessTable table, ProcessRecord waiter, int pid, int flags) {
        if (pid > 0) {
            ProcessRecord child = table.entry(pid);
            if (child == null || child.ppid != waiter.pid) {
                throw noChild(waiter, pid);
            }
            return isReady(child, flags) ? child : null;
        }
        RecordList children = waiter.children;
        if (children == null || children.isEmpty()) {
            throw noChild(waiter, pid);
        }
        if (pid == -1) {
            return lowestReady(children, null, null, waiter, pid, flags);
        }
        ProcessGroup group = pid == Integer.MIN_VALUE ? null : table.group(pid == 0 ? waiter.pgid : -pid);
        if (group == null) {
            throw noChild(waiter, pid);
        }
        return children.size() <= group.size()
                ? lowestReady(children, group, null, waiter, pid, flags)
                : lowestReady(group, null, children, waiter, pid, flags);
    }

    /**
     * Scans {@code scan} for the lowest-pid record ready to report, keeping only members of
     * {@code inGroup} and of {@code inChildren} where those are given.
     *
     * @throws KernelException ECHILD when no record passes the filters
     */
    private static ProcessRecord lowestReady(RecordList scan, ProcessGroup inGroup, RecordList inChildren,
                                             ProcessRecord waiter, int pid, int flags) {
        ProcessRecord best = null;
        boolean matched = false;
        for (ProcessRecord record = scan.head(); record != null; record = scan.next(record)) {
            if ((inGroup != null && record.group != inGroup) || (inChildren != null && record.siblings != inChildren)) {
                continue;
            }
            matched = true;
            if ((best == null || record.pid < best.pid) && isReady(record, flags)) {
                best = record;
            }
        }
        if (!matched) {
            throw noChild(waiter, pid);
        }
        return best;
    }

    private static boolean isReady(ProcessRecord child, int flags) {
        return child.isExitReportable() || findEvent(child, flags) != null;
    }

    private static WaitResult findEvent(ProcessRecord child, int flags) {
        if (child.waitEvents == null) {
            return null;
        }
        for (WaitResult event : child.waitEvents) {
            if (isWaitable(event.event(), flags)) {
                return event;
            }
        }
        return null;
    }

    /**
     * Removes and returns the oldest stop or continue event {@code flags} asks for; null when
     * there is none, and an exited child is then to be reaped.
     */
    static WaitResult takeEvent(ProcessRecord child, int flags) {
        if (child.waitEvents == null) {
            return null;
        }
        for (Iterator<WaitResult> it = child.waitEvents.iterator(); it.hasNext(); ) {
            WaitResult event = it.next();
            if (isWaitable(event.event(), flags)) {
                it.remove();
                return event;
            }
        }
        return null;
    }

    private static boolean isWaitable(WaitEvent event, int flags) {
        return switch (event) {
            case EXITED -> true;
            case STOPPED -> (flags & WUNTRACED) != 0;
            case CONTINUED -> (flags & WCONTINUED) != 0;
        };
    }

    private static KernelException noChild(ProcessRecord waiter, int pid) {
        return new KernelException(Errno.ECHILD,
                "process " + waiter.pid + " has no matching child for waitpid(" + pid + ")");
    }
}
