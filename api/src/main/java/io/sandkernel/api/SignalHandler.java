package io.sandkernel.api;

/**
 * A signal handler installed by a JVM program with {@link ProcessApi#signal}. It runs on the
 * program's own thread at its next kernel call, as a Unix handler runs on return from a system
 * call.
 */
@FunctionalInterface
public interface SignalHandler {
    /** The handler that ignores the signal ({@code SIG_IGN}). */
    SignalHandler IGNORE = signal -> {};

    /** Handles {@code signal}. */
    void handle(int signal);
}
