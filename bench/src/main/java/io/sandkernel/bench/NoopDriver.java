package io.sandkernel.bench;

import io.sandkernel.process.DriverProcess;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The benchmark driver of SCENARIOS.md: {@code kill} does nothing, {@code waitFor} returns empty at
 * once, and {@code setOnExit} discards the table's hook instead of storing it. The harness
 * registers every process with a new instance.
 */
final class NoopDriver implements DriverProcess {
    @Override
    public void kill(int signal) {
        // a benchmark process has no real execution to signal
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        return OptionalInt.empty();
    }

    @Override
    public void setOnExit(IntConsumer onExit) {
        // discarded on purpose: the execution never ends on its own
    }
}
