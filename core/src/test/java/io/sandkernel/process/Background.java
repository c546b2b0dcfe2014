package io.sandkernel.process;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call running on its own daemon thread, so a test can block in the table on one thread and
 * act on another. Every wait on it is bounded by {@link TableFixture#PATIENCE}.
 */
final class Background<T> {
    final Thread thread;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background(String name, Callable<T> body) {
        thread = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    static <T> Background<T> start(String name, Callable<T> body) {
        Background<T> background = new Background<>(name, body);
        background.thread.start();
        return background;
    }

    /** The call's result; rethrows what it threw. Fails the test if it does not end in time. */
    T get() throws Exception {
        try {
            return result.get(TableFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("call on " + thread.getName() + " did not finish within "
                    + TableFixture.PATIENCE + "; stack: " + stack(), e);
        }
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Waits until the call is parked inside the table. */
    Background<T> awaitParked() throws InterruptedException {
        TableFixture.awaitParked(thread);
        return this;
    }

    private String stack() {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            text.append("\n\tat ").append(element);
        }
        return text.toString();
    }
}
