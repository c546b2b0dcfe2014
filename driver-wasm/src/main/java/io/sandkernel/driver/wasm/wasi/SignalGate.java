package io.sandkernel.driver.wasm.wasi;

/**
 * Where WASI calls meet the signal state of the process that makes them. Every host call is
 * bracketed by {@link #enter()} and {@link #leave()}: the points where a stopped process waits
 * for SIGCONT and a process ended by a signal leaves with
 * {@link io.sandkernel.api.ProcessTermination}. WASI has no signal handlers, so every signal
 * either ends the process, stops or continues it, or is ignored.
 */
public interface SignalGate {
    /** Before a kernel call: acts on pending signals; from here on a signal may interrupt the thread. */
    void enter();

    /** After a kernel call, on the way back to wasm code: acts on pending signals. */
    void leave();

    /**
     * A blocking kernel call was interrupted (EINTR): acts on the signals that interrupted it
     * (waiting while stopped, ending the process on a fatal signal). When this returns, the call
     * is restarted, as with {@code SA_RESTART}.
     */
    void interrupted();

    /**
     * Sleeps until {@code deadlineNanos} ({@link System#nanoTime()} time), acting on signals
     * meanwhile: a stop suspends, a fatal signal ends the process. Never spins.
     */
    void sleepUntil(long deadlineNanos);

}
