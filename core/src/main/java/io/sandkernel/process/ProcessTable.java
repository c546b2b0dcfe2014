package io.sandkernel.process;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The books of a virtual PID namespace: which processes exist, their parents, process groups,
 * sessions, run states, signal masks and pending signals, exit codes and zombies.
 *
 * <p>The table keeps books only; the execution behind an entry is a {@link DriverProcess}, to
 * which the table forwards signals and from which it learns of exits. Every operation takes one
 * lock briefly and touches only the processes it concerns (indexes of children by parent and of
 * members by group and session), except {@link #listProcesses()} and {@link #terminateAll()}.
 * Drivers and callbacks always run with the lock released, so they may call back into the table.
 *
 * <p>Exited processes stay as zombies until a parent collects them with {@link #waitpid} (or the
 * host with {@link #awaitExit}); a zombie whose parent is gone is reaped after the zombie TTL by a
 * daemon scheduler shared by all tables.
 *
 * <p>Thread-safe. Blocking waits are interruptible and leave the table unchanged when
 * interrupted.
 */
public final class ProcessTable implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProcessTable.class.getName());
    private static final Duration DEFAULT_ZOMBIE_TTL = Duration.ofSeconds(60);
    /** With {@link #KILL_GRACE} and the drivers' own wait, {@code Kernel.close()} stays under a second. */
    private static final Duration TERM_GRACE = Duration.ofMillis(500);
    private static final Duration KILL_GRACE = Duration.ofMillis(200);
    static final int INIT_PID = 1;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ProcessIndex entries = new ProcessIndex();
    private final ZombieQueue zombies;
    private final int maxPid;
    private final Clock clock;
    private final SignalDelivery delivery = new SignalDelivery(this);

    private volatile IntConsumer onProcessExit;
    private int nextPid = INIT_PID;
    private int waiters;
    private int terminating;

    /** A table with a zombie TTL of 60 s and pids 1..{@link Integer#MAX_VALUE}. */
    public ProcessTable() {
        this(DEFAULT_ZOMBIE_TTL);
    }

    /**
     * A table with pids 1..{@link Integer#MAX_VALUE}.
     *
     * @param zombieTtl how long a zombie without a living parent stays before it is reaped
     * @throws KernelException EINVAL when the TTL is null or negative
     */
    public ProcessTable(Duration zombieTtl) {
        this(zombieTtl, Integer.MAX_VALUE);
    }

    /**
     * A table with pids 1..{@code maxPid}, like Linux's {@code pid_max}.
     *
     * @throws KernelException EINVAL when the TTL is null or negative, or {@code maxPid < 1}
     */
    public ProcessTable(Duration zombieTtl, int maxPid) {
        this(zombieTtl, maxPid, Clock.systemUTC());
    }

    private ProcessTable(Duration zombieTtl, int maxPid, Clock clock) {
        if (zombieTtl == null || zombieTtl.isNegative()) {
            throw new KernelException(Errno.EINVAL, "zombie TTL must be zero or positive, got " + zombieTtl);
        }
        if (maxPid < 1) {
            throw new KernelException(Errno.EINVAL, "maxPid must be at least 1, got " + maxPid);
        }
        if (clock == null) {
            throw new KernelException(Errno.EINVAL, "clock must not be null");
        }
        this.zombies = new ZombieQueue(lock, saturatedMillis(zombieTtl), this::onReaperTimer);
        this.maxPid = maxPid;
        this.clock = clock;
    }

    /** A builder for a table with a custom clock as well as TTL and pid range. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProcessTable}; every setting has the default of {@link #ProcessTable()}. */
    public static final class Builder {
        private Duration zombieTtl = DEFAULT_ZOMBIE_TTL;
        private int maxPid = Integer.MAX_VALUE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** How long a zombie without a living parent stays before it is reaped. */
        public Builder zombieTtl(Duration zombieTtl) {
            this.zombieTtl = zombieTtl;
            return this;
        }

        /** The highest pid the table hands out. */
        public Builder maxPid(int maxPid) {
            this.maxPid = maxPid;
            return this;
        }

        /** The clock for exit times and zombie deadlines; tests pass a controllable one. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * @throws KernelException EINVAL when a setting is invalid
         */
        public ProcessTable build() {
            return new ProcessTable(zombieTtl, maxPid, clock);
        }
    }

    // ---------------------------------------------------------------- pids and registration

    /**
     * Hands out the next free pid, counting up and wrapping to 1 after {@code maxPid}. A pid is
     * free when no process, zombie, process group or session uses it, as on Linux.
     *
     * @throws KernelException EAGAIN when every pid is in use
     */
    public int allocatePid() {
        lock.lock();
        try {
            int start = nextPid;
            int pid = start;
            while (isPidInUse(pid)) {
                pid = pidAfter(pid);
                if (pid == start) {
                    throw new KernelException(Errno.EAGAIN, "process id space exhausted");
                }
            }
            nextPid = pidAfter(pid);
            return pid;
        } finally {
            lock.unlock();
        }
    }

    private boolean isPidInUse(int pid) {
        return entries.isPidInUse(pid);
    }

    private int pidAfter(int pid) {
        return pid >= maxPid ? INIT_PID : pid + 1;
    }

    /** Sets the callback run with the pid of every process that exits; null clears it. */
    public void setOnProcessExit(IntConsumer callback) {
        this.onProcessExit = callback;
    }

    /**
     * Enters a process. Its process group and session are its parent's ({@code context.ppid()}),
     * or its own pid when the parent is 0 or not in the table. The table installs its exit hook
     * with {@link DriverProcess#setOnExit}; the driver calls it when the execution ends.
     *
     * @return the entry as registered
     * @throws KernelException EINVAL for a pid outside 1..maxPid or a null argument; EEXIST when
     *                         the pid is in use by a process, process group or session; EINVAL
     *                         when {@code context.ppid()} is the pid itself
     */
    public ProcessEntry register(int pid, String driver, String command, List<String> args,
                                 ProcessContext context, DriverProcess process) {
        if (driver == null || command == null || args == null || context == null || process == null) {
            throw new KernelException(Errno.EINVAL, "register: driver, command, args, context and process must not be null");
        }
        List<String> argsCopy;
        try {
            argsCopy = List.copyOf(args);
        } catch (NullPointerException e) {
            throw new KernelException(Errno.EINVAL, "register: arguments must not be null");
        }
        ProcessRecord record;
        ProcessEntry entry;
        lock.lock();
        try {
            if (pid < 1 || pid > maxPid) {
                throw new KernelException(Errno.EINVAL, "pid " + pid + " is outside 1.." + maxPid);
            }
            if (isPidInUse(pid)) {
                throw new KernelException(Errno.EEXIST, "pid " + pid + " is already in use");
            }
            int ppid = context.ppid();
            if (ppid == pid) {
                throw new KernelException(Errno.EINVAL, "process " + pid + " cannot be its own parent");
            }
            ProcessRecord parent = ppid == 0 ? null : entries.get(ppid);
            int pgid = parent == null ? pid : parent.pgid;
            int sid = parent == null ? pid : parent.sid;
            record = new ProcessRecord(pid, ppid, pgid, sid, driver, command, argsCopy, context, process);
            entries.add(record);
            if (nextPid <= pid) {
                nextPid = pidAfter(pid);
            }
            entry = record.toEntry();
        } finally {
            lock.unlock();
        }
        try {
            process.setOnExit(exitCode -> markExited(pid, record, exitCode));
        } catch (RuntimeException e) {
            unregister(record);
            throw e;
        }
        return entry;
    }

    /** Takes back a registration whose driver refused the exit hook. */
    private void unregister(ProcessRecord record) {
        lock.lock();
        try {
            if (entries.get(record.pid) == record) {
                remove(record);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A snapshot of the process, if the table holds it (zombies included).
     *
     * @throws KernelException EINVAL for a negative pid
     */
    public Optional<ProcessEntry> get(int pid) {
        requirePid(pid);
        lock.lock();
        try {
            ProcessRecord record = entries.get(pid);
            return record == null ? Optional.empty() : Optional.of(record.toEntry());
        } finally {
            lock.unlock();
        }
    }

    /** How many processes are {@link ProcessStatus#RUNNING}. */
    public int runningCount() {
        lock.lock();
        try {
            return entries.runningCount();
        } finally {
            lock.unlock();
        }
    }

    /** How many zombies wait for their TTL to run out. */
    public int zombieTimerCount() {
        lock.lock();
        try {
            return zombies.size();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- state changes

    /**
     * Records that {@code pid} exited with {@code exitCode}: it becomes a zombie, its children
     * pass to init (pid 1) while init lives, else to 0, its running parent gets SIGCHLD (subject
     * to the parent's mask), every process group this exit orphans that has a stopped member gets
     * SIGHUP then SIGCONT, and the exit callback runs. Only then is the exit reported to
     * {@link #awaitExit} and {@link #waitpid} (on other threads; the exiting thread, and so the
     * callback, may reap at once) and the zombie's TTL starts. Unknown pids and repeated exits are
     * ignored.
     *
     * <p>As Linux's {@code kill_orphaned_pgrp}, a group gets SIGHUP and SIGCONT only when this
     * exit makes it orphaned: the exiting process's own group when the process was its last member
     * with a parent in another group of the same session, and each group of its children for which
     * such a child was the last such member. A group that was orphaned already is left alone. The
     * check costs O(children) plus the members of a group that is signalled.
     *
     * @throws KernelException EINVAL for a negative pid
     */
    public void markExited(int pid, int exitCode) {
        requirePid(pid);
        markExited(pid, null, exitCode);
    }

    /** Marks {@code pid} exited, provided it is still the registration {@code expected} (if given). */
    private void markExited(int pid, ProcessRecord expected, int exitCode) {
        ProcessRecord record;
        List<SignalDelivery.Pending> deliveries = null;
        boolean queueZombie;
        boolean announce;
        boolean armReaper = false;
        IntConsumer callback;
        lock.lock();
        try {
            record = entries.get(pid);
            // A stale hook (its pid reused since) must not touch the new process.
            if (record == null || (expected != null && record != expected) || record.isExited()) {
                return;
            }
            boolean wasLink = record.link;
            setStatus(record, ProcessStatus.EXITED);
            record.exitCode = exitCode;
            long now = clock.millis();
            record.exitTimeMillis = now;
            int[] orphanCandidates = reparentChildren(record, wasLink);
            queueZombie = terminating == 0;
            if (queueZombie) {
                ProcessRecord parent = record.ppid == 0 ? null : entries.get(record.ppid);
                if (parent != null && parent.status == ProcessStatus.RUNNING) {
                    deliveries = delivery.queue(deliveries, parent, Signals.SIGCHLD);
                }
            }
            deliveries = queueOrphanedGroupSignals(deliveries, orphanCandidates);
            callback = onProcessExit;
            announce = deliveries != null || callback != null;
            if (announce) {
                record.exitAnnouncer = Thread.currentThread();
            } else {
                // Nothing to deliver or call first: the exit is reportable at once.
                armReaper = queueZombie && zombies.add(record, now);
            }
            signalWaiters(); // waits that may report other processes now, e.g. zombies init adopted
        } finally {
            lock.unlock();
        }
        if (!announce) {
            if (armReaper) {
                zombies.arm(zombies.ttlMillis());
            }
            return;
        }
        try {
            delivery.deliver(deliveries);
            if (callback != null) {
                try {
                    callback.accept(record.pid);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "process exit callback failed for pid " + record.pid, e);
                }
            }
        } finally {
            announceExit(record, queueZombie);
        }
    }

    /**
     * Ends the announcement of an exit (its signals delivered, the exit callback returned): waits
     * may now report it, and the zombie's TTL starts, unless it was reaped meanwhile.
     */
    private void announceExit(ProcessRecord record, boolean queueZombie) {
        boolean armReaper = false;
        lock.lock();
        try {
            record.exitAnnouncer = null;
            if (entries.get(record.pid) == record) {
                if (queueZombie && terminating == 0) {
                    armReaper = zombies.add(record, clock.millis());
                }
                signalWaiters();
            }
        } finally {
            lock.unlock();
        }
        if (armReaper) {
            zombies.arm(zombies.ttlMillis());
        }
    }

    /**
     * Children of an exiting process pass to init while it lives, else (or when init exits) to 0.
     *
     * @param wasLink whether the exiting process was a link of its own group before it exited
     * @return the pgids of the groups that lost a link in this exit: only these can become orphaned
     */
    private int[] reparentChildren(ProcessRecord exiting, boolean wasLink) {
        ProcessRecord init = entries.get(INIT_PID);
        int newParent = exiting.pid != INIT_PID && init != null && !init.isExited() ? INIT_PID : 0;
        int[] childGroups = entries.reparentChildren(exiting, newParent);
        if (!wasLink) {
            return childGroups;
        }
        int[] candidates = Arrays.copyOf(childGroups, childGroups.length + 1);
        candidates[childGroups.length] = exiting.pgid;
        return candidates;
    }

    /**
     * SIGHUP then SIGCONT to every live member of each candidate group that is now orphaned and
     * has a stopped member. A candidate lost a link in this exit, so it had one before: a group
     * orphaned now was made orphaned by this exit (Linux's {@code kill_orphaned_pgrp}).
     */
    private List<SignalDelivery.Pending> queueOrphanedGroupSignals(List<SignalDelivery.Pending> deliveries,
                                                                  int[] pgids) {
        if (pgids.length > 1) {
            Arrays.sort(pgids); // groups by ascending pgid, members by ascending pid, as the original
        }
        for (int i = 0; i < pgids.length; i++) {
            if (i > 0 && pgids[i] == pgids[i - 1]) {
                continue;
            }
            ProcessGroup group = entries.group(pgids[i]);
            if (group == null || group.stoppedCount == 0 || !group.isOrphaned()) {
                continue;
            }
            for (ProcessRecord member : group.byPid()) {
                if (!member.isExited()) {
                    deliveries = delivery.queue(deliveries, member, Signals.SIGHUP);
                    deliveries = delivery.queue(deliveries, member, Signals.SIGCONT);
                }
            }
        }
        return deliveries;
    }

    /**
     * Records that {@code pid} stopped on {@code signal}: a STOPPED event for {@code waitpid} with
     * WUNTRACED, and SIGCHLD to a running parent. Ignored for unknown, exited or already stopped
     * processes.
     *
     * @throws KernelException EINVAL for a negative pid or a signal outside 1..64
     */
    public void markStopped(int pid, int signal) {
        requirePid(pid);
        Signals.requireValid(signal);
        markWaitEvent(pid, null, ProcessStatus.STOPPED, signal);
    }

    /**
     * Records that {@code pid} continued: a CONTINUED event for {@code waitpid} with WCONTINUED,
     * and SIGCHLD to a running parent. Ignored unless the process is stopped.
     *
     * @throws KernelException EINVAL for a negative pid
     */
    public void markContinued(int pid) {
        requirePid(pid);
        markWaitEvent(pid, null, ProcessStatus.RUNNING, Signals.SIGCONT);
    }

    /** Records a stop or continue of {@code pid}, provided it is still the registration {@code expected} (if given). */
    void markWaitEvent(int pid, ProcessRecord expected, ProcessStatus next, int signal) {
        List<SignalDelivery.Pending> deliveries = null;
        lock.lock();
        try {
            ProcessRecord record = entries.get(pid);
            if (record == null || (expected != null && record != expected) || record.isExited() || record.status == next) {
                return;
            }
            setStatus(record, next);
            WaitEvent event = next == ProcessStatus.STOPPED ? WaitEvent.STOPPED : WaitEvent.CONTINUED;
            record.addWaitEvent(new WaitResult(record.pid, signal, event));
            ProcessRecord parent = record.ppid == 0 ? null : entries.get(record.ppid);
            if (parent != null && parent.status == ProcessStatus.RUNNING) {
                deliveries = delivery.queue(deliveries, parent, Signals.SIGCHLD);
            }
            signalWaiters();
        } finally {
            lock.unlock();
        }
        delivery.deliver(deliveries);
    }

    private void setStatus(ProcessRecord record, ProcessStatus next) {
        entries.setStatus(record, next);
    }

    // ---------------------------------------------------------------- waiting

    /**
     * Blocks until {@code pid} exits, then reaps it: the host-side wait, for any process whatever
     * its parent. It returns only once the exit is announced: the signals the exit causes are
     * delivered and the exit callback has returned (the thread running the callback is not kept
     * waiting, so the callback may reap the process itself).
     *
     * @return the exit code as an {@link WaitEvent#EXITED} result
     * @throws KernelException      ESRCH when the table does not hold {@code pid} (or it is reaped
     *                              by someone else while waiting)
     * @throws InterruptedException when interrupted; the process is then left as it was
     */
    public WaitResult awaitExit(int pid) throws InterruptedException {
        return awaitExit(pid, Long.MAX_VALUE).orElseThrow();
    }

    /**
     * As {@link #awaitExit(int)}, giving up after {@code timeout}.
     *
     * @return the result, or empty when {@code pid} is still alive after the timeout
     * @throws KernelException EINVAL for a null timeout; ESRCH as {@link #awaitExit(int)}
     */
    public Optional<WaitResult> awaitExit(int pid, Duration timeout) throws InterruptedException {
        return awaitExit(pid, timeoutNanos(timeout));
    }

    private Optional<WaitResult> awaitExit(int pid, long nanos) throws InterruptedException {
        requirePid(pid);
        lock.lockInterruptibly();
        try {
            while (true) {
                ProcessRecord record = entries.get(pid);
                if (record == null) {
                    throw new KernelException(Errno.ESRCH, "no such process " + pid);
                }
                if (record.isExitReportable()) {
                    return Optional.of(reap(record));
                }
                if (nanos <= 0L) {
                    return Optional.empty();
                }
                nanos = await(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * POSIX {@code waitpid} on behalf of {@code waiterPid}: waits for a child selected by
     * {@code pid} (&gt; 0 that child, -1 any child, 0 any child in the waiter's process group,
     * &lt; -1 any child in group {@code -pid}) to exit, or with WUNTRACED / WCONTINUED to stop or
     * continue. An exited child is reaped; each stop and continue is reported once. When several
     * children qualify, the lowest pid is reported first. As with {@link #awaitExit}, an exit is
     * reported once announced (signals delivered, exit callback returned), except to the thread
     * announcing it.
     *
     * @return the event; empty only with {@link WaitOption#WNOHANG} when nothing is ready
     * @throws KernelException      ESRCH when the waiter is unknown; ECHILD when no child matches;
     *                              EINVAL for null options
     * @throws InterruptedException when interrupted; nothing is consumed then
     */
    public Optional<WaitResult> waitpid(int waiterPid, int pid, WaitOption... options) throws InterruptedException {
        return waitpid(waiterPid, pid, Long.MAX_VALUE, options);
    }

    /**
     * As {@link #waitpid(int, int, WaitOption...)}, giving up after {@code timeout}.
     *
     * @return the event, or empty when nothing was ready within the timeout
     */
    public Optional<WaitResult> waitpid(int waiterPid, int pid, Duration timeout, WaitOption... options)
            throws InterruptedException {
        return waitpid(waiterPid, pid, timeoutNanos(timeout), options);
    }

    private Optional<WaitResult> waitpid(int waiterPid, int pid, long nanos, WaitOption... options)
            throws InterruptedException {
        int flags = WaitSelection.flags(options);
        requirePid(waiterPid);
        lock.lockInterruptibly();
        try {
            while (true) {
                ProcessRecord waiter = entries.get(waiterPid);
                if (waiter == null) {
                    throw new KernelException(Errno.ESRCH, "no such process " + waiterPid);
                }
                ProcessRecord child = WaitSelection.find(this, waiter, pid, flags);
                if (child != null) {
                    WaitResult event = WaitSelection.takeEvent(child, flags);
                    return Optional.of(event != null ? event : reap(child));
                }
                if ((flags & WaitSelection.WNOHANG) != 0 || nanos <= 0L) {
                    return Optional.empty();
                }
                nanos = await(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    ProcessRecord entry(int pid) {
        return entries.get(pid);
    }

    ProcessGroup group(int pgid) {
        return entries.group(pgid);
    }

    private long await(long nanos) throws InterruptedException {
        waiters++;
        try {
            if (nanos == Long.MAX_VALUE) {
                changed.await();
                return nanos;
            }
            return changed.awaitNanos(nanos);
        } finally {
            waiters--;
        }
    }

    private void signalWaiters() {
        if (waiters > 0) {
            changed.signalAll();
        }
    }

    /** Removes an exited process for good and reports its exit. */
    private WaitResult reap(ProcessRecord record) {
        remove(record);
        signalWaiters();
        return new WaitResult(record.pid, record.exitCode, WaitEvent.EXITED);
    }

    // ---------------------------------------------------------------- signals

    /**
     * Sends {@code signal} to process {@code pid}, or to every member of process group
     * {@code -pid} when {@code pid} is negative. Signal 0 only checks that the target exists.
     * A blocked signal becomes pending; SIGKILL, SIGSTOP and SIGCONT are never blocked. SIGSTOP and
     * SIGTSTP stop a running process, SIGCONT continues a stopped one. Signalling a zombie does
     * nothing.
     *
     * @throws KernelException EINVAL for a signal outside 0..64; ESRCH when there is no such
     *                         process or group
     */
    public void kill(int pid, int signal) {
        if (signal < 0 || signal > Signals.MAX_SIGNAL) {
            throw new KernelException(Errno.EINVAL, "invalid signal " + signal);
        }
        List<SignalDelivery.Pending> deliveries = null;
        lock.lock();
        try {
            if (pid > 0) {
                ProcessRecord record = entries.get(pid);
                if (record == null) {
                    throw new KernelException(Errno.ESRCH, "no such process " + pid);
                }
                if (signal == 0 || record.isExited()) {
                    return;
                }
                deliveries = delivery.queue(null, record, signal);
            } else {
                ProcessGroup group = pid == 0 || pid == Integer.MIN_VALUE ? null : entries.group(-pid);
                if (group == null) {
                    throw new KernelException(Errno.ESRCH, pid == 0
                            ? "no such process 0" : "no such process group " + Integer.toUnsignedString(-pid));
                }
                if (signal == 0) {
                    return;
                }
                for (ProcessRecord member : group.byPid()) {
                    deliveries = delivery.queue(deliveries, member, signal);
                }
            }
        } finally {
            lock.unlock();
        }
        delivery.deliver(deliveries);
    }

    /**
     * Changes the signal mask of {@code pid} and delivers, in ascending order, the pending
     * signals it no longer blocks.
     *
     * @return the previous mask
     * @throws KernelException ESRCH for an unknown pid; EINVAL for null arguments
     */
    public SignalSet sigprocmask(int pid, SigmaskHow how, SignalSet set) {
        if (how == null || set == null) {
            throw new KernelException(Errno.EINVAL, "sigprocmask: how and set must not be null");
        }
        List<SignalDelivery.Pending> deliveries = null;
        long previous;
        lock.lock();
        try {
            ProcessRecord record = require(pid);
            previous = record.blocked;
            record.blocked = switch (how) {
                case BLOCK -> previous | set.bits();
                case UNBLOCK -> previous & ~set.bits();
                case SET_MASK -> set.bits();
            };
            long deliverable = record.pending & ~record.blocked;
            if (deliverable != 0L) {
                record.pending &= ~deliverable;
                for (int signal : SignalSet.ofBits(deliverable).toArray()) {
                    deliveries = delivery.schedule(deliveries, record, signal);
                }
            }
        } finally {
            lock.unlock();
        }
        delivery.deliver(deliveries);
        return SignalSet.ofBits(previous);
    }

    /**
     * The signals pending for {@code pid} because it blocks them.
     *
     * @throws KernelException ESRCH for an unknown pid
     */
    public SignalSet sigpending(int pid) {
        lock.lock();
        try {
            return SignalSet.ofBits(require(pid).pending);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- groups and sessions

    /**
     * Moves {@code pid} into process group {@code pgid} (0: its own pid), creating the group when
     * {@code pgid} is its own pid.
     *
     * @throws KernelException EINVAL for a negative argument; ESRCH for an unknown pid; EPERM when
     *                         the group has no live member or belongs to another session
     */
    public void setpgid(int pid, int pgid) {
        if (pid < 0 || pgid < 0) {
            throw new KernelException(Errno.EINVAL, "setpgid: pid and pgid must not be negative");
        }
        lock.lock();
        try {
            ProcessRecord record = require(pid);
            int target = pgid == 0 ? pid : pgid;
            ProcessGroup group = entries.group(target);
            if (target != pid && (group == null || group.liveCount == 0)) {
                throw new KernelException(Errno.EPERM, "no such process group " + target);
            }
            if (group != null && group.sid != record.sid) {
                throw new KernelException(Errno.EPERM, "cannot join process group in different session");
            }
            if (record.pgid != target) {
                entries.moveToGroup(record, target);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the process group of {@code pid}
     * @throws KernelException ESRCH for an unknown pid
     */
    public int getpgid(int pid) {
        lock.lock();
        try {
            return require(pid).pgid;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes {@code pid} the leader of a new session and of a new process group, both numbered
     * {@code pid}.
     *
     * @return the new session id
     * @throws KernelException ESRCH for an unknown pid; EPERM when {@code pid} already leads a
     *                         process group, or a group numbered {@code pid} exists
     */
    public int setsid(int pid) {
        lock.lock();
        try {
            ProcessRecord record = require(pid);
            if (record.pgid == pid || entries.group(pid) != null || entries.hasSession(pid)) {
                throw new KernelException(Errno.EPERM, "process " + pid + " is already a process group leader");
            }
            entries.moveToNewSession(record);
            return pid;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the session of {@code pid}
     * @throws KernelException ESRCH for an unknown pid
     */
    public int getsid(int pid) {
        lock.lock();
        try {
            return require(pid).sid;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the parent of {@code pid}
     * @throws KernelException ESRCH for an unknown pid
     */
    public int getppid(int pid) {
        lock.lock();
        try {
            return require(pid).ppid;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the file creation mask of {@code pid}
     * @throws KernelException ESRCH for an unknown pid
     */
    public int getUmask(int pid) {
        lock.lock();
        try {
            return require(pid).umask;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets the file creation mask of {@code pid} to {@code umask & 0o777}.
     *
     * @return the previous mask
     * @throws KernelException ESRCH for an unknown pid
     */
    public int setUmask(int pid, int umask) {
        lock.lock();
        try {
            ProcessRecord record = require(pid);
            int previous = record.umask;
            record.umask = umask & 0777;
            return previous;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether {@code pid} has children, zombies included: lets a caller skip a {@code waitpid}
     * that could only fail with ECHILD.
     *
     * @return false also when the table does not hold {@code pid}
     */
    public boolean hasChildren(int pid) {
        lock.lock();
        try {
            ProcessRecord record = pid <= 0 ? null : entries.get(pid);
            return record != null && record.children != null && !record.children.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether process group {@code pgid} has a member that has not exited.
     *
     * @throws KernelException EINVAL for a negative pgid
     */
    public boolean hasProcessGroup(int pgid) {
        requirePid(pgid);
        lock.lock();
        try {
            ProcessGroup group = entries.group(pgid);
            return group != null && group.liveCount > 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A snapshot of the members of process group {@code pgid} that have not exited, by ascending
     * pid: the cost follows the group's size, not the table's.
     *
     * @return an immutable list, empty when the group has no live member
     * @throws KernelException EINVAL for a negative pgid
     */
    public List<ProcessInfo> processGroupMembers(int pgid) {
        requirePid(pgid);
        lock.lock();
        try {
            ProcessGroup group = entries.group(pgid);
            if (group == null || group.liveCount == 0) {
                return List.of();
            }
            List<ProcessInfo> members = new ArrayList<>(group.liveCount);
            for (ProcessRecord member : group.byPid()) {
                if (!member.isExited()) {
                    members.add(member.toInfo());
                }
            }
            return List.copyOf(members);
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot of every process, zombies included, by ascending pid. Immutable. */
    public SortedMap<Integer, ProcessInfo> listProcesses() {
        ProcessInfo[] infos;
        lock.lock();
        try {
            infos = new ProcessInfo[entries.size()];
            int[] index = {0};
            entries.forEach(record -> infos[index[0]++] = record.toInfo());
        } finally {
            lock.unlock();
        }
        return PidSortedMap.of(infos);
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Ends every process: SIGTERM to each running one, up to 0.5 s for all of them together to
     * exit, then SIGKILL to each survivor (stopped ones included) and up to 0.2 s more. Exits seen
     * through {@link DriverProcess#waitFor} are recorded. While it runs, exits send no SIGCHLD and
     * start no zombie timers; pending zombie timers are dropped. Blocks for at most about 0.7 s
     * plus the time drivers take to answer.
     */
    public void terminateAll() {
        List<ProcessRecord> running = new ArrayList<>();
        List<ProcessRecord> live = new ArrayList<>();
        lock.lock();
        try {
            terminating++;
            zombies.clear();
            entries.forEach(record -> {
                if (record.status == ProcessStatus.RUNNING) {
                    running.add(record);
                }
                if (!record.isExited()) {
                    live.add(record);
                }
            });
        } finally {
            lock.unlock();
        }
        try {
            delivery.killAndWait(running, Signals.SIGTERM, TERM_GRACE);
            List<ProcessRecord> survivors = new ArrayList<>();
            lock.lock();
            try {
                for (ProcessRecord record : live) {
                    if (entries.get(record.pid) == record && !record.isExited()) {
                        survivors.add(record);
                    }
                }
            } finally {
                lock.unlock();
            }
            delivery.killAndWait(survivors, Signals.SIGKILL, KILL_GRACE);
        } finally {
            lock.lock();
            try {
                terminating--;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Records an exit learned by waiting on the driver. */
    void exitedWithCode(ProcessRecord record, int exitCode) {
        markExited(record.pid, record, exitCode);
    }

    /** Whether the record is still in the table and has not exited. */
    boolean isLive(ProcessRecord record) {
        lock.lock();
        try {
            return entries.get(record.pid) == record && !record.isExited();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels the zombie timers; the table keeps its books. Idempotent. */
    @Override
    public void close() {
        ScheduledFuture<?> timer;
        lock.lock();
        try {
            if (zombies.isClosed()) {
                return;
            }
            timer = zombies.close();
        } finally {
            lock.unlock();
        }
        if (timer != null) {
            timer.cancel(false);
        }
    }

    // ---------------------------------------------------------------- zombies

    private void onReaperTimer() {
        try {
            reapExpiredZombies();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "zombie reaper failed", e);
        }
    }

    /**
     * Reaps the zombies whose TTL has run out and that have no living parent; a zombie whose
     * parent lives gets another TTL. Re-arms the timer for the next deadline.
     *
     * @return how many zombies were reaped
     */
    int reapExpiredZombies() {
        int reaped = 0;
        long delay;
        lock.lock();
        try {
            long now = clock.millis();
            // Bounded by the queue's size: a zombie re-queued for its living parent is not seen twice.
            for (int remaining = zombies.size(); remaining > 0; remaining--) {
                ProcessRecord zombie = zombies.pollDue(now);
                if (zombie == null) {
                    break;
                }
                if (hasLivingParent(zombie)) {
                    zombies.add(zombie, now);
                } else {
                    remove(zombie);
                    reaped++;
                }
            }
            if (reaped > 0) {
                signalWaiters();
            }
            delay = zombies.finishSweep(now);
        } finally {
            lock.unlock();
        }
        if (delay >= 0L) {
            zombies.arm(delay);
        }
        return reaped;
    }

    private boolean hasLivingParent(ProcessRecord record) {
        ProcessRecord parent = record.ppid == 0 ? null : entries.get(record.ppid);
        return parent != null && !parent.isExited();
    }

    // ---------------------------------------------------------------- indexes

    /** Takes a record out of the table, every index and the zombie queue. */
    private void remove(ProcessRecord record) {
        entries.remove(record);
        zombies.remove(record);
    }

    /** Checks every index against a full scan; throws {@link AssertionError} on a mismatch. */
    void checkInvariants() {
        lock.lock();
        try {
            entries.check(zombies.records());
        } finally {
            lock.unlock();
        }
    }

    /** Sets the pid {@link #allocatePid()} tries next. */
    void setNextPid(int pid) {
        lock.lock();
        try {
            nextPid = pid < 1 || pid > maxPid ? INIT_PID : pid;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- helpers

    private ProcessRecord require(int pid) {
        ProcessRecord record = pid <= 0 ? null : entries.get(pid);
        if (record == null) {
            requirePid(pid);
            throw new KernelException(Errno.ESRCH, "no such process " + pid);
        }
        return record;
    }

    private static void requirePid(int pid) {
        if (pid < 0) {
            throw new KernelException(Errno.EINVAL, "invalid pid " + pid);
        }
    }

    private static long timeoutNanos(Duration timeout) {
        if (timeout == null) {
            throw new KernelException(Errno.EINVAL, "timeout must not be null");
        }
        try {
            return Math.max(0L, timeout.toNanos());
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0L : Long.MAX_VALUE - 1;
        }
    }

    private static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "ProcessTable[processes=" + entries.size() + ", running=" + entries.runningCount()
                    + ", zombiesQueued=" + zombies.size() + (zombies.isClosed() ? ", closed" : "") + "]";
        } finally {
            lock.unlock();
        }
    }
}
