package io.sandkernel.process;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon scheduler that wakes every table's zombie queue. A table keeps at most one
 * pending timer here, for the oldest zombie's deadline, so the thread count does not grow with
 * the number of tables or zombies.
 */
final class ZombieReaper {
    private ZombieReaper() {}

    private static final class Holder {
        static final ScheduledThreadPoolExecutor SCHEDULER = create();

        private static ScheduledThreadPoolExecutor create() {
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, "sandkernel-zombie-reaper");
                thread.setDaemon(true);
                return thread;
            };
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
            executor.setRemoveOnCancelPolicy(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return executor;
        }
    }

    /** Runs {@code task} once after {@code delayMillis} on the shared reaper thread. */
    static ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return Holder.SCHEDULER.schedule(task, Math.max(1L, delayMillis), TimeUnit.MILLISECONDS);
    }
}
