package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several threads hammer one table for a bounded time with every kind of operation, while one
 * blocking waiter per top-level parent reaps children. Afterwards: nothing deadlocked, no waiter
 * missed a wakeup, every exited process was reaped exactly once, and the table's indexes agree.
 */
@Timeout(120)
class ProcessTableStressTest {
    private static final int WORKERS = 4;
    private static final int PARENTS = 3;
    private static final int MAX_LIVE = 60;
    private static final Duration RUN_TIME = Duration.ofSeconds(2);
    private static final long JOIN_SECONDS = 30;

    /** A cheap driver: counts signals, keeps the exit hook. */
    private static final class CountingDriver implements DriverProcess {
        final AtomicInteger signals = new AtomicInteger();
        volatile IntConsumer onExit;

        @Override
        public void kill(int signal) {
            signals.incrementAndGet();
        }

        @Override
        public OptionalInt waitFor(Duration timeout) {
            return OptionalInt.empty();
        }

        @Override
        public void setOnExit(IntConsumer onExit) {
            this.onExit = onExit;
        }
    }

    private final ProcessTable table = ProcessTable.builder().zombieTtl(Duration.ofHours(1)).build();
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> sentinels = new ArrayList<>();
    /** Processes any worker may still exit, with the parent they were registered under. */
    private final Map<Integer, Integer> live = new ConcurrentHashMap<>();
    private final Map<Integer, CountingDriver> drivers = new ConcurrentHashMap<>();
    private final Set<Integer> exited = ConcurrentHashMap.newKeySet();
    private final Set<Integer> reaped = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong operations = new AtomicLong();
    private volatile boolean finished;

    @Test
    void concurrentOperationsKeepTheTableConsistentAndLoseNoWakeup() throws Exception {
        for (int i = 0; i < PARENTS; i++) {
            parents.add(register(0));
        }
        assertThat(parents.get(0)).as("the first parent is init").isEqualTo(1);
        for (int parent : parents) {
            sentinels.add(register(parent));
        }

        ExecutorService waiters = Executors.newFixedThreadPool(PARENTS, daemon("stress-waiter"));
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("stress-worker"));
        ExecutorService exiters = Executors.newFixedThreadPool(2, daemon("stress-exiter"));
        try {
            List<Future<?>> waiterFutures = new ArrayList<>();
            for (int parent : parents) {
                waiterFutures.add(waiters.submit(() -> reapForever(parent)));
            }
            long deadline = System.nanoTime() + RUN_TIME.toNanos();
            List<Future<?>> workerFutures = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                workerFutures.add(workers.submit(() -> work(deadline, exiters)));
            }

            joinAll("worker", workerFutures);
            exiters.shutdown();
            if (!exiters.awaitTermination(JOIN_SECONDS, TimeUnit.SECONDS)) {
                failures.add("asynchronous exits did not finish" + threadDump());
            }

            // Exit what is left one at a time, each time waiting for the blocking waiter to
            // collect it: a wakeup lost on any of these exits leaves its waiter parked. Only
            // children of the top-level parents are exited (their waiters are running); exiting
            // a middle process hands its children to init, which makes them eligible in turn.
            // The sentinels go last, so no waiter runs out of children early.
            finished = true;
            while (!live.isEmpty() && failures.isEmpty()) {
                for (int pid : new ArrayList<>(live.keySet())) {
                    if (parents.contains(table.getppid(pid)) && live.remove(pid) != null) {
                        exit(pid);
                        awaitReaped(pid);
                    }
                }
            }
            for (int sentinel : sentinels) {
                exit(sentinel);
                awaitReaped(sentinel);
            }
            joinAll("blocking waiter (lost wakeup?)", waiterFutures);
        } finally {
            workers.shutdownNow();
            waiters.shutdownNow();
            exiters.shutdownNow();
            table.close();
        }

        assertThat(failures).as("failures after %d operations", operations.get()).isEmpty();
        assertThat(operations.get()).isGreaterThan(100);
        assertThat(reaped).as("enough exits to mean something").hasSizeGreaterThan(20);
        assertThat(reaped).as("every exited process was reaped").containsExactlyInAnyOrderElementsOf(exited);
        assertThat(table.listProcesses()).as("only the parents are left").containsOnlyKeys(parents);
        assertThat(table.zombieTimerCount()).isZero();
        table.checkInvariants();
    }

    private int register(int ppid) {
        int pid = table.allocatePid();
        CountingDriver driver = new CountingDriver();
        drivers.put(pid, driver);
        table.register(pid, "stress", "p" + pid, List.of(), ProcessContext.ofParent(ppid), driver);
        return pid;
    }

    /** Marks {@code pid} exited, through the driver's hook or directly; it must be claimed first. */
    private void exit(int pid) {
        exited.add(pid);
        int code = pid % 256;
        if (ThreadLocalRandom.current().nextBoolean()) {
            drivers.get(pid).onExit.accept(code);
        } else {
            table.markExited(pid, code);
        }
    }

    /** Waits, bounded, until a blocking waiter has collected {@code pid}. */
    private void awaitReaped(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!reaped.contains(pid)) {
            if (System.nanoTime() > deadline) {
                failures.add("lost wakeup: the exit of " + pid + " was never collected" + threadDump());
                return;
            }
            Thread.sleep(1);
        }
    }

    private void recordReap(WaitResult result) {
        if (result.event() != WaitEvent.EXITED) {
            return;
        }
        int pid = result.pid();
        if (!exited.contains(pid)) {
            failures.add("reaped " + pid + " which was never exited");
        }
        if (!reaped.add(pid)) {
            failures.add("reaped " + pid + " twice");
        }
        if (result.status() != pid % 256) {
            failures.add("reaped " + pid + " with status " + result.status());
        }
    }

    private void reapForever(int parent) {
        while (true) {
            try {
                table.waitpid(parent, -1, WaitOption.WUNTRACED, WaitOption.WCONTINUED).ifPresentOrElse(
                        this::recordReap, () -> failures.add("blocking waitpid returned empty"));
            } catch (KernelException e) {
                if (e.errno() == Errno.ECHILD && finished) {
                    return;
                }
                failures.add("waiter " + parent + ": " + e);
                return;
            } catch (InterruptedException e) {
                failures.add("waiter " + parent + " interrupted");
                return;
            } catch (RuntimeException e) {
                failures.add("waiter " + parent + ": " + e);
                return;
            }
        }
    }

    private Integer randomLive() {
        List<Integer> pids = new ArrayList<>(live.keySet());
        return pids.isEmpty() ? null : pids.get(ThreadLocalRandom.current().nextInt(pids.size()));
    }

    private int randomParent() {
        return parents.get(ThreadLocalRandom.current().nextInt(parents.size()));
    }

    private void work(long deadline, ExecutorService exiters) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            operations.incrementAndGet();
            try {
                step(random, exiters);
            } catch (KernelException e) {
                // Races with other workers: the process went away, left the group, and so on.
                if (e.errno() != Errno.ESRCH && e.errno() != Errno.ECHILD && e.errno() != Errno.EPERM) {
                    failures.add("unexpected " + e);
                }
            } catch (InterruptedException e) {
                failures.add("worker interrupted");
                return;
            } catch (Throwable t) {
                failures.add("unexpected " + t);
            }
        }
    }

    private void step(ThreadLocalRandom random, ExecutorService exiters) throws InterruptedException {
        int op = random.nextInt(14);
        switch (op) {
            case 0, 1 -> { // spawn a child, sometimes with a grandchild in its own group
                if (live.size() < MAX_LIVE) {
                    int parent = randomParent();
                    int child = register(parent);
                    if (random.nextBoolean()) {
                        int grandchild = register(child);
                        if (random.nextBoolean()) {
                            table.setpgid(grandchild, 0);
                        }
                        live.put(grandchild, child);
                    }
                    live.put(child, parent);
                }
            }
            case 2, 3 -> { // exit a process
                Integer pid = randomLive();
                if (pid != null && live.remove(pid) != null) {
                    exit(pid);
                }
            }
            case 4 -> { // signal one process
                Integer pid = randomLive();
                if (pid != null) {
                    int[] signals = {Signals.SIGUSR1, Signals.SIGSTOP, Signals.SIGCONT, Signals.SIGTSTP, Signals.SIGHUP};
                    table.kill(pid, signals[random.nextInt(signals.length)]);
                }
            }
            case 5 -> { // signal a group
                int[] signals = {Signals.SIGUSR2, Signals.SIGSTOP, Signals.SIGCONT, 0};
                Integer pid = randomLive();
                int pgid = pid != null && random.nextBoolean() ? table.getpgid(pid) : randomParent();
                table.kill(-pgid, signals[random.nextInt(signals.length)]);
            }
            case 6 -> { // move between groups
                Integer pid = randomLive();
                if (pid != null) {
                    Integer parent = live.get(pid);
                    table.setpgid(pid, random.nextBoolean() || parent == null ? 0 : table.getpgid(parent));
                }
            }
            case 7 -> { // non-blocking waits
                int parent = randomParent();
                Optional<WaitResult> result = switch (random.nextInt(3)) {
                    case 0 -> table.waitpid(parent, -1, WaitOption.WNOHANG);
                    case 1 -> table.waitpid(parent, 0, WaitOption.WNOHANG, WaitOption.WUNTRACED);
                    default -> {
                        Integer pid = randomLive();
                        Integer itsParent = pid == null ? null : live.get(pid);
                        yield itsParent == null ? Optional.empty()
                                : table.waitpid(itsParent, pid, WaitOption.WNOHANG, WaitOption.WUNTRACED, WaitOption.WCONTINUED);
                    }
                };
                result.ifPresent(this::recordReap);
            }
            case 8 -> { // blocking awaitExit of a process another thread is exiting
                Integer pid = randomLive();
                if (pid != null && live.remove(pid) != null) {
                    exited.add(pid);
                    exiters.execute(() -> exit(pid));
                    try {
                        Optional<WaitResult> result = table.awaitExit(pid, Duration.ofSeconds(10));
                        if (result.isEmpty()) {
                            failures.add("awaitExit(" + pid + ") timed out although it was exited (lost wakeup)");
                        }
                        result.ifPresent(this::recordReap);
                    } catch (KernelException e) {
                        if (e.errno() != Errno.ESRCH) { // ESRCH: a waiter reaped it first
                            throw e;
                        }
                    }
                }
            }
            case 9 -> { // blocking waitpid for a process another thread is exiting
                Integer pid = randomLive();
                Integer parent = pid == null ? null : live.get(pid);
                if (pid != null && parent != null && live.remove(pid) != null) {
                    exited.add(pid);
                    exiters.execute(() -> exit(pid));
                    table.waitpid(parent, pid, WaitOption.WUNTRACED).ifPresent(this::recordReap);
                }
            }
            case 10 -> { // signal masks
                Integer pid = randomLive();
                if (pid != null) {
                    SigmaskHow how = SigmaskHow.values()[random.nextInt(3)];
                    table.sigprocmask(pid, how, SignalSet.of(Signals.SIGUSR1, Signals.SIGCHLD));
                    table.sigpending(pid);
                }
            }
            case 11 -> { // stop bookkeeping straight from a driver
                Integer pid = randomLive();
                if (pid != null) {
                    if (random.nextBoolean()) {
                        table.markStopped(pid, Signals.SIGTSTP);
                    } else {
                        table.markContinued(pid);
                    }
                }
            }
            case 12 -> { // readers
                table.listProcesses();
                table.runningCount();
                table.hasProcessGroup(randomParent());
                table.zombieTimerCount();
            }
            default -> { // sessions
                Integer pid = randomLive();
                if (pid != null) {
                    table.setsid(pid);
                }
            }
        }
    }

    private void joinAll(String what, List<Future<?>> futures) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_SECONDS);
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                failures.add(what + " did not finish within " + JOIN_SECONDS + " s" + threadDump());
                assertThat(failures).as("deadlock or lost wakeup").isEmpty();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(what + " failed: " + e.getCause());
            }
        }
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("stress")) {
                dump.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
                for (StackTraceElement element : stack) {
                    dump.append("\n\tat ").append(element);
                }
            }
        });
        return dump.toString();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
