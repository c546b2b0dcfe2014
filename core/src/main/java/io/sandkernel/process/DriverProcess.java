package io.sandkernel.process;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The real execution behind a table entry, supplied by a runtime driver. The table calls these
 * methods without holding its lock, so an implementation may call back into the table.
 */
public interface DriverProcess {
    /**
     * Delivers {@code signal} (1..64) to the execution. Stop and continue bookkeeping is the
     * table's: the driver only has to act on the signal. An exception thrown here is logged and
     * does not stop other deliveries.
     */
    void kill(int signal);

    /**
     * Waits up to {@code timeout} for the execution to end.
     *
     * @return its exit code, or empty if it still runs after the timeout
     */
    OptionalInt waitFor(Duration timeout);

    /**
     * Receives the hook the driver calls, once, with the exit code when the execution ends. The
     * table installs it during {@link ProcessTable#register}.
     */
    void setOnExit(IntConsumer onExit);

    /**
     * The CPU time the execution has used so far, in nanoseconds, or -1 when its runtime cannot
     * tell (the default). The kernel reads it to enforce CPU time limits.
     */
    default long cpuNanos() {
        return -1;
    }
}
