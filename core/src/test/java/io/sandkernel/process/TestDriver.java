package io.sandkernel.process;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A scriptable {@link DriverProcess} for tests: it records every signal it receives (thread-safe),
 * keeps the exit hook the table installs so a test can end the "execution" through it, and can be
 * told to exit on chosen signals, to throw from {@link #kill}, or to run extra code on each kill.
 *
 * <p>{@link #waitFor} behaves like a real execution: it returns the exit code as soon as the
 * driver has exited, else waits up to the timeout and returns empty.
 */
final class TestDriver implements DriverProcess {
    private final List<Integer> signals = new CopyOnWriteArrayList<>();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final AtomicInteger waitForCalls = new AtomicInteger();
    private volatile IntConsumer onExit;
    private volatile int exitCode;
    private volatile Set<Integer> exitOnSignals = Set.of();
    private volatile boolean useHookOnSignalExit = true;
    private volatile boolean throwOnKill;
    private volatile IntConsumer onKill = signal -> {};

    /** Signals received so far, in order. */
    List<Integer> signals() {
        return List.copyOf(signals);
    }

    /** Signals received so far that are among {@code wanted}, in order. */
    List<Integer> signalsAmong(int... wanted) {
        return signals.stream().filter(s -> contains(wanted, s)).toList();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    void clearSignals() {
        signals.clear();
    }

    /** The hook the table installed, or null. */
    IntConsumer exitHook() {
        return onExit;
    }

    int waitForCalls() {
        return waitForCalls.get();
    }

    /** The execution ends with {@code code}: {@link #waitFor} reports it and the table's hook is called. */
    void exit(int code) {
        exitQuietly(code);
        IntConsumer hook = onExit;
        if (hook != null) {
            hook.accept(code);
        }
    }

    /** The execution ends, but the table is only told through {@link #waitFor}, not the hook. */
    void exitQuietly(int code) {
        exitCode = code;
        exited.countDown();
    }

    boolean hasExited() {
        return exited.getCount() == 0;
    }

    /** On receiving one of these signals the driver exits with {@code 128 + signal}. */
    TestDriver exitingOn(int... signalsThatEnd) {
        this.exitOnSignals = java.util.Arrays.stream(signalsThatEnd).boxed().collect(java.util.stream.Collectors.toUnmodifiableSet());
        return this;
    }

    /** Whether a signal-triggered exit calls the table's hook (true) or is only seen by {@link #waitFor}. */
    TestDriver reportingExitThroughHook(boolean useHook) {
        this.useHookOnSignalExit = useHook;
        return this;
    }

    TestDriver throwingOnKill() {
        this.throwOnKill = true;
        return this;
    }

    /** Runs {@code action} on the killing thread after recording each signal. */
    TestDriver onKill(IntConsumer action) {
        this.onKill = action;
        return this;
    }

    @Override
    public void kill(int signal) {
        signals.add(signal);
        onKill.accept(signal);
        if (exitOnSignals.contains(signal) && !hasExited()) {
            if (useHookOnSignalExit) {
                exit(128 + signal);
            } else {
                exitQuietly(128 + signal);
            }
        }
        if (throwOnKill) {
            throw new IllegalStateException("driver failed to deliver signal " + signal);
        }
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        waitForCalls.incrementAndGet();
        try {
            long nanos = Math.max(0L, timeout.toNanos());
            if (exited.await(nanos, TimeUnit.NANOSECONDS)) {
                return OptionalInt.of(exitCode);
            }
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    @Override
    public void setOnExit(IntConsumer onExit) {
        this.onExit = onExit;
    }
}
