package io.sandkernel.driver.jvm;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.spi.ExitLatch;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.spi.Checkpoint;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The signal state of one JVM program and the {@link DriverProcess} the table signals. Signals
 * are recorded here by whatever thread sends them; the program's own thread acts on them at its
 * next kernel call ({@link #check()}, which the kernel's system-call object calls around every
 * call): it runs handlers, ends with {@link ProcessTermination}, or waits while stopped. A signal
 * that needs attention, a stop included, interrupts the program's thread so that a blocking call
 * returns to a checkpoint (and is restarted or fails with EINTR, as the kernel decides). SIGKILL
 * ends the process at once: its exit is reported immediately and the thread is interrupted.
 */
final class JvmProcess implements DriverProcess, Checkpoint {
    private final int pid;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, SignalHandler> handlers = new ConcurrentHashMap<>();
    private final ExitLatch exit = new ExitLatch();
    /** Makes the system calls without checkpoints, for the signals the process books on itself. */
    private Supplier<ProcessApi> plainCalls;
    private volatile ProcessApi kernel;
    private volatile Thread thread;
    private volatile ThreadCpu cpu;
    private long pendingHandled;
    private boolean stopped;
    private boolean killed;
    private boolean fixTableStop;
    private int terminateStatus = -1;
    /** Whether {@link #eventPending()} may hold: lets {@link #check()} skip the lock when nothing happened. */
    private volatile boolean attention;

    JvmProcess(int pid) {
        this.pid = pid;
    }

    /**
     * @param plainCalls makes, on first need, system calls that run no checkpoint: signals the
     *                   process sends itself from other threads must not act on its signals there
     */
    void bind(Supplier<ProcessApi> plainCalls, Thread thread) {
        this.plainCalls = plainCalls;
        this.thread = thread;
        this.cpu = new ThreadCpu(thread);
    }

    @Override
    public long cpuNanos() {
        ThreadCpu clock = cpu;
        return clock == null ? -1 : clock.nanos();
    }

    // ------------------------------------------------------------------ senders' side

    @Override
    public void kill(int signal) {
        switch (signal) {
            case Signals.SIGKILL -> {
                update(() -> killed = true);
                interrupt();
                finish(128 + Signals.SIGKILL);
            }
            case Signals.SIGSTOP -> {
                update(() -> stopped = true);
                interrupt();
            }
            case Signals.SIGCONT -> {
                SignalHandler handler = handlers.get(signal);
                boolean handled = handler != null && handler != SignalHandler.IGNORE;
                update(() -> {
                    stopped = false;
                    if (handled) {
                        pendingHandled |= bit(signal);
                    }
                });
                if (handled) {
                    interrupt();
                }
            }
            case Signals.SIGTSTP, Signals.SIGTTIN, Signals.SIGTTOU -> stopSignal(signal);
            default -> {
                SignalHandler handler = handlers.get(signal);
                if (handler == SignalHandler.IGNORE || (handler == null && ignoredByDefault(signal))) {
                    return;
                }
                if (handler != null) {
                    update(() -> pendingHandled |= bit(signal));
                } else {
                    update(() -> {
                        if (terminateStatus < 0) {
                            terminateStatus = 128 + signal;
                        }
                    });
                }
                interrupt();
            }
        }
    }

    private void stopSignal(int signal) {
        SignalHandler handler = handlers.get(signal);
        if (handler == null) {
            update(() -> stopped = true);
            interrupt();
            if (signal != Signals.SIGTSTP) {
                // the table only books SIGSTOP and SIGTSTP as stops: have it book this one too
                selfSignal(Signals.SIGSTOP);
            }
            return;
        }
        update(() -> {
            if (signal == Signals.SIGTSTP) {
                fixTableStop = true; // the table booked a stop that did not happen
            }
            if (handler != SignalHandler.IGNORE) {
                pendingHandled |= bit(signal);
            }
        });
        interrupt();
    }

    static boolean ignoredByDefault(int signal) {
        return signal == Signals.SIGCHLD || signal == Signals.SIGWINCH || signal == Signals.SIGURG
                || signal == Signals.SIGCONT;
    }

    private static long bit(int signal) {
        return 1L << (signal - 1);
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            attention = eventPending();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void interrupt() {
        Thread target = thread;
        if (target != null && target != Thread.currentThread()) {
            target.interrupt();
        }
    }

    private void selfSignal(int signal) {
        try {
            ProcessApi calls = kernel;
            if (calls == null) {
                calls = plainCalls.get();
                kernel = calls;
            }
            calls.kill(pid, signal);
        } catch (KernelException | ProcessTermination e) {
            // exited meanwhile
        }
    }

    // ------------------------------------------------------------------ the program's side

    /** {@link ProcessApi#signal}: the handler table. */
    @Override
    public SignalHandler handle(int signal, SignalHandler handler) {
        if (signal < 1 || signal > Signals.MAX_SIGNAL || signal == Signals.SIGKILL || signal == Signals.SIGSTOP) {
            throw new KernelException(Errno.EINVAL, "cannot change the action of signal " + signal);
        }
        return handler == null ? handlers.remove(signal) : handlers.put(signal, handler);
    }

    /** Blocks the program thread until the kernel has finished setting the process up. */
    void awaitStart() {
        exit.awaitStart();
        check();
    }

    /**
     * Acts on pending signals, on the program's thread: waits while stopped, throws {@link
     * ProcessTermination} when a signal ends the process, runs handlers.
     *
     * @return whether a handler ran
     */
    @Override
    public boolean check() {
        Thread.interrupted(); // wake-ups only; the state below is what counts
        if (!attention) {
            return false;
        }
        boolean ran = false;
        while (true) {
            long signals;
            boolean fix;
            lock.lock();
            try {
                if (killed) {
                    throw ending(128 + Signals.SIGKILL);
                }
                if (stopped) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                if (terminateStatus >= 0) {
                    throw ending(terminateStatus);
                }
                signals = pendingHandled;
                pendingHandled = 0;
                fix = fixTableStop;
                fixTableStop = false;
                attention = eventPending();
            } finally {
                lock.unlock();
            }
            if (fix) {
                selfSignal(Signals.SIGCONT);
            }
            if (signals == 0) {
                return ran;
            }
            for (int signal = 1; signal <= Signals.MAX_SIGNAL; signal++) {
                if ((signals & bit(signal)) == 0) {
                    continue;
                }
                SignalHandler handler = handlers.get(signal);
                if (handler == null) {
                    kill(signal); // reset to default meanwhile: take the default action
                } else if (handler != SignalHandler.IGNORE) {
                    handler.handle(signal);
                    ran = true;
                }
            }
        }
    }

    /**
     * The termination to throw; the thread is interrupted again first, so that code swallowing
     * the error by mistake ends at its very next checkpoint instead of running on.
     */
    private static ProcessTermination ending(int status) {
        Thread.currentThread().interrupt();
        return new ProcessTermination(status);
    }

    /** Whether something needs the program's attention. */
    private boolean eventPending() {
        return killed || stopped || terminateStatus >= 0 || pendingHandled != 0 || fixTableStop;
    }

    /** The status the program ends with, given what it returned: a fatal signal overrides it. */
    int finalStatus(int returned) {
        lock.lock();
        try {
            if (killed) {
                return 128 + Signals.SIGKILL;
            }
            return terminateStatus >= 0 ? terminateStatus : returned;
        } finally {
            lock.unlock();
        }
    }

    /** Reports the exit, once. */
    void finish(int status) {
        exit.report(status);
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        return exit.waitFor(timeout);
    }

    /** Installs the exit hook; the program starts running once it is there. */
    @Override
    public void setOnExit(IntConsumer hook) {
        exit.setOnExit(hook);
    }

    boolean isDone() {
        return exit.isDone();
    }

    Thread thread() {
        return thread;
    }
}
