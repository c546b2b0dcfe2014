package io.sandkernel.driver.wasm;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.spi.ExitLatch;
import io.sandkernel.driver.wasm.wasi.SignalGate;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The signal state of one WebAssembly process, the {@link DriverProcess} the table signals and
 * the {@link SignalGate} its WASI calls pass. WASI programs install no handlers, so each signal
 * takes its default action, as on Linux:
 *
 * <ul>
 *   <li>SIGKILL ends the process at once (status 137): its exit is reported immediately and its
 *       thread interrupted, which stops wasm code at its next call or loop back-edge;</li>
 *   <li>every other signal whose default is to terminate (TERM, INT, HUP, PIPE, ALRM, USR1...)
 *       ends it with 128 + signal, also while it computes: the thread is interrupted and the
 *       runtime's interruption checks end the computation within microseconds;</li>
 *   <li>SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stop it at its current or next WASI call (a
 *       blocked read, poll or sleep is interrupted for it) until SIGCONT; a computation that
 *       makes no call cannot be suspended by a JVM, so it runs on until its next call;</li>
 *   <li>SIGCHLD, SIGWINCH, SIGURG and SIGCONT are ignored.</li>
 * </ul>
 *
 * The thread is interrupted for a stop only while it is inside a WASI call ({@link #enter()} to
 * {@link #leave()}), so a stop never aborts wasm code.
 */
final class WasmProcess implements DriverProcess, SignalGate {
    private final int pid;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExitLatch exit = new ExitLatch();
    private ProcessApi kernel;
    private volatile Thread thread;
    private volatile long lastCpu;
    private boolean inHost;
    private boolean stopped;
    private boolean killed;
    private int terminateStatus = -1;

    WasmProcess(int pid) {
        this.pid = pid;
    }

    void bind(ProcessApi kernel, Thread thread) {
        this.kernel = kernel;
        this.thread = thread;
    }

    /** The CPU time of the program's platform thread, for the kernel's CPU time limits. */
    @Override
    public long cpuNanos() {
        Thread target = thread;
        if (target == null || !THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        long cpu = THREADS.getThreadCpuTime(target.threadId());
        if (cpu >= 0) {
            lastCpu = cpu;
        }
        return lastCpu; // the thread has ended: what it used last
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
            case Signals.SIGSTOP, Signals.SIGTSTP -> stop();
            case Signals.SIGTTIN, Signals.SIGTTOU -> {
                // the table books only SIGSTOP and SIGTSTP as stops: have it book this one too
                try {
                    kernel.kill(pid, Signals.SIGSTOP);
                } catch (KernelException | ProcessTermination e) {
                    stop();
                }
            }
            case Signals.SIGCONT -> update(() -> stopped = false);
            case Signals.SIGCHLD, Signals.SIGWINCH, Signals.SIGURG -> {
                // ignored by default
            }
            default -> {
                update(() -> {
                    if (terminateStatus < 0) {
                        terminateStatus = 128 + signal;
                    }
                });
                interrupt();
            }
        }
    }

    private void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
            if (inHost) {
                interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
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

    // ------------------------------------------------------------------ the program's side

    /** Blocks the program's thread until the kernel has finished registering the process. */
    void awaitStart() {
        exit.awaitStart();
    }

    @Override
    public void enter() {
        lock.lock();
        try {
            inHost = true;
        } finally {
            lock.unlock();
        }
        checkpoint();
    }

    @Override
    public void leave() {
        lock.lock();
        try {
            actOnSignals();
            inHost = false;
            Thread.interrupted(); // a stop's wake-up only: it has been acted on
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void interrupted() {
        checkpoint();
    }

    /** Acts on pending signals: waits while stopped, throws {@link ProcessTermination} when one ends the process. */
    void checkpoint() {
        Thread.interrupted();
        lock.lock();
        try {
            actOnSignals();
        } finally {
            lock.unlock();
        }
    }

    private void actOnSignals() {
        while (true) {
            if (killed) {
                throw new ProcessTermination(128 + Signals.SIGKILL);
            }
            if (terminateStatus >= 0) {
                throw new ProcessTermination(terminateStatus);
            }
            if (!stopped) {
                return;
            }
            changed.awaitUninterruptibly();
        }
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        lock.lock();
        try {
            while (true) {
                actOnSignals();
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                try {
                    changed.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    // a signal: looked at above
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The status the program ends with, given how it ended: a fatal signal overrides it. */
    int finalStatus(int status) {
        lock.lock();
        try {
            if (killed) {
                return 128 + Signals.SIGKILL;
            }
            return terminateStatus >= 0 ? terminateStatus : status;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a signal has ended the process (its computation was interrupted for it). */
    boolean terminatedBySignal() {
        lock.lock();
        try {
            return killed || terminateStatus >= 0;
        } finally {
            lock.unlock();
        }
    }

    /** Reports the exit, once. */
    void finish(int status) {
        exit.report(status);
    }

    boolean isDone() {
        return exit.isDone();
    }

    Thread thread() {
        return thread;
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
}
