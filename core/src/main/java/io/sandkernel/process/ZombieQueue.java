package io.sandkernel.process;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A table's zombies waiting for their TTL, oldest first. Every zombie gets the same TTL, so
 * deadlines arrive in queue order and one timer on the shared {@link ZombieReaper}, for the head's
 * deadline, serves the whole queue: adding and cancelling cost O(1) and allocate nothing.
 * Guarded by the table's lock, except {@link #arm}, which must run without it.
 */
final class ZombieQueue {
    private final RecordList queue = new RecordList(RecordList.ZOMBIES);
    private final ReentrantLock lock;
    private final long ttlMillis;
    private final Runnable onTimer;
    private boolean armed;
    private boolean closed;
    private ScheduledFuture<?> timer;

    ZombieQueue(ReentrantLock lock, long ttlMillis, Runnable onTimer) {
        this.lock = lock;
        this.ttlMillis = ttlMillis;
        this.onTimer = onTimer;
    }

    int size() {
        return queue.size();
    }

    long ttlMillis() {
        return ttlMillis;
    }

    RecordList records() {
        return queue;
    }

    /**
     * Queues a zombie for reaping a TTL after {@code now}.
     *
     * @return whether the caller must {@link #arm} the timer (after releasing the lock)
     */
    boolean add(ProcessRecord record, long now) {
        if (closed) {
            return false;
        }
        long deadline = now + ttlMillis;
        record.reapDeadlineMillis = deadline < now ? Long.MAX_VALUE : deadline;
        record.zombieQueued = true;
        queue.append(record);
        if (armed) {
            return false;
        }
        armed = true;
        return true;
    }

    void remove(ProcessRecord record) {
        if (record.zombieQueued) {
            queue.unlink(record);
            record.zombieQueued = false;
        }
    }

    void clear() {
        queue.forEach(this::remove);
    }

    /** Takes the oldest zombie if its deadline has passed, else returns null. */
    ProcessRecord pollDue(long now) {
        ProcessRecord head = queue.head();
        if (head == null || head.reapDeadlineMillis > now) {
            return null;
        }
        remove(head);
        return head;
    }

    /**
     * Ends a sweep of due zombies.
     *
     * @return the delay until the next deadline, for {@link #arm}, or -1 when no timer is needed
     */
    long finishSweep(long now) {
        timer = null;
        if (closed || queue.isEmpty()) {
            armed = false;
            return -1L;
        }
        return Math.max(0L, queue.head().reapDeadlineMillis - now);
    }

    /** Starts the timer on the shared reaper. Must run without the table's lock. */
    void arm(long delayMillis) {
        ScheduledFuture<?> scheduled = ZombieReaper.schedule(onTimer, delayMillis);
        lock.lock();
        try {
            if (closed) {
                scheduled.cancel(false);
            } else {
                timer = scheduled;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops every queued zombie and stops timers for good.
     *
     * @return the pending timer, for the caller to cancel after releasing the lock
     */
    ScheduledFuture<?> close() {
        closed = true;
        clear();
        armed = false;
        ScheduledFuture<?> pending = timer;
        timer = null;
        return pending;
    }

    boolean isClosed() {
        return closed;
    }
}
