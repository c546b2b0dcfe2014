package io.sandkernel.kernel;

import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The kernel's pid 1: runs no code and uses no thread. It adopts orphans (the table reparents them
 * to it) and the kernel reaps them on its behalf. Like Linux's init it ignores every signal; it
 * only ends, on SIGTERM or SIGKILL, once the kernel is closing.
 */
final class InitProcess implements DriverProcess {
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final BooleanSupplier closing;
    private volatile IntConsumer onExit;

    InitProcess(BooleanSupplier closing) {
        this.closing = closing;
    }

    @Override
    public void kill(int signal) {
        if ((signal == Signals.SIGTERM || signal == Signals.SIGKILL) && closing.getAsBoolean()
                && exit.complete(0)) {
            IntConsumer hook = onExit;
            if (hook != null) {
                hook.accept(0);
            }
        }
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        try {
            return OptionalInt.of(exit.get(Math.max(0L, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | ExecutionException e) {
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
