package io.sandkernel.api.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The exit side of a driver's process: the table's exit hook, the start gate and the one exit
 * report every driver gives. The process table installs its hook with {@link #setOnExit} once it
 * has registered the process, which also lets the program start ({@link #awaitStart}); the driver
 * reports the exit with {@link #report} (from the program's thread, or at once for SIGKILL), and
 * whichever of the two comes second runs the hook, exactly once, outside any lock.
 */
public final class ExitLatch {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private IntConsumer onExit;
    private boolean started;
    private boolean reported;
    private int status;

    /**
     * Installs the table's exit hook, and lets the program start. When the exit was reported
     * already, runs the hook now, on the caller's thread.
     */
    public void setOnExit(IntConsumer hook) {
        boolean exited;
        int exitStatus;
        lock.lock();
        try {
            onExit = hook;
            started = true;
            exited = reported;
            exitStatus = status;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (exited && hook != null) {
            hook.accept(exitStatus);
        }
    }

    /**
     * Reports the exit with {@code exitStatus}; only the first report counts. Runs the hook, if
     * installed, on the caller's thread.
     *
     * @return whether this call was the one that reported
     */
    public boolean report(int exitStatus) {
        IntConsumer hook;
        lock.lock();
        try {
            if (reported) {
                return false;
            }
            reported = true;
            status = exitStatus;
            hook = onExit;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        done.complete(exitStatus);
        if (hook != null) {
            hook.accept(exitStatus);
        }
        return true;
    }

    /**
     * Blocks, uninterruptibly, until the hook is installed or the exit reported (a process killed
     * before it started): the program must not run before the table knows it.
     */
    public void awaitStart() {
        lock.lock();
        try {
            while (!started && !reported) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the exit has been reported. */
    public boolean isDone() {
        return done.isDone();
    }

    /**
     * Waits up to {@code timeout} for the exit.
     *
     * @return the exit status, or empty on a timeout or when the caller is interrupted (its
     *         interrupt status is kept)
     */
    public OptionalInt waitFor(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            return OptionalInt.of(done.get(Math.max(0L, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (ExecutionException e) {
            return OptionalInt.of(1);
        }
    }
}
