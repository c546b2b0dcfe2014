package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.PollFd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code poll(2)}: looks at every descriptor, and when none is ready parks the calling thread on
 * the {@link WaitQueue}s of the descriptions until one changes, the timeout passes or the thread
 * is interrupted (a signal: EINTR). There is no sleep loop: a pipe or terminal wakes its pollers
 * whenever its state changes.
 */
public final class Poller {
    private Poller() {}

    /**
     * Polls {@code fds} of {@code table} for process {@code pid}.
     *
     * @param timeout {@link Duration#ZERO} to look once, negative to wait without limit
     * @return the events that occurred for each entry, in order
     * @throws KernelException EINTR when the thread is interrupted while waiting, EINVAL for a
     *                         null entry or too many entries
     */
    public static int[] poll(FdTable table, int pid, List<PollFd> fds, Duration timeout) {
        if (fds == null || timeout == null) {
            throw new KernelException(Errno.EINVAL, "poll: null argument");
        }
        if (fds.size() > table.limit()) {
            throw new KernelException(Errno.EINVAL, "poll: more entries than the descriptor limit");
        }
        OpenFile[] files = new OpenFile[fds.size()];
        for (int i = 0; i < files.length; i++) {
            PollFd entry = fds.get(i);
            if (entry == null) {
                throw new KernelException(Errno.EINVAL, "poll: null entry");
            }
            files[i] = entry.fd() < 0 ? null : table.find(entry.fd());
        }
        int[] revents = new int[files.length];
        if (scan(fds, files, revents) || timeout.isZero()) {
            return revents;
        }
        long deadline = timeout.isNegative() ? Long.MAX_VALUE : System.nanoTime() + saturatedNanos(timeout);
        Thread self = Thread.currentThread();
        List<WaitQueue> queues = new ArrayList<>(files.length);
        try {
            for (int i = 0; i < files.length; i++) {
                WaitQueue queue = files[i] == null ? null : files[i].waitQueue();
                if (queue != null && !queues.contains(queue)) {
                    queue.add(self);
                    queues.add(queue);
                }
                if (files[i] != null) {
                    files[i].pollWaiting(pid, fds.get(i).events(), true);
                }
            }
            while (true) {
                // registered first, then looked: a change after the scan unparks the park below
                if (scan(fds, files, revents)) {
                    return revents;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return revents;
                }
                if (Thread.interrupted()) {
                    throw new KernelException(Errno.EINTR, "poll interrupted");
                }
                if (deadline == Long.MAX_VALUE) {
                    LockSupport.park(queues);
                } else {
                    LockSupport.parkNanos(queues, remaining);
                }
                if (Thread.interrupted()) {
                    throw new KernelException(Errno.EINTR, "poll interrupted");
                }
            }
        } finally {
            for (WaitQueue queue : queues) {
                queue.remove(self);
            }
            for (int i = 0; i < files.length; i++) {
                if (files[i] != null) {
                    files[i].pollWaiting(pid, fds.get(i).events(), false);
                }
            }
        }
    }

    /** Fills {@code revents}; whether any entry has an event. */
    private static boolean scan(List<PollFd> fds, OpenFile[] files, int[] revents) {
        boolean any = false;
        for (int i = 0; i < files.length; i++) {
            PollFd entry = fds.get(i);
            int events;
            if (entry.fd() < 0) {
                events = 0;
            } else if (files[i] == null || !files[i].isOpen()) {
                events = PollFd.POLLNVAL;
            } else {
                events = files[i].poll(entry.events() & (PollFd.POLLIN | PollFd.POLLOUT))
                        & (entry.events() | PollFd.POLLERR | PollFd.POLLHUP);
            }
            revents[i] = events;
            any |= events != 0;
        }
        return any;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
