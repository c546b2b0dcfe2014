package io.sandkernel.userland.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs test code as a process of a kernel (through {@code t-script}) and brings its outcome back to
 * the test: its value, or the assertion or exception it failed with.
 */
final class InProcess {
    private static final AtomicLong NAMES = new AtomicLong();

    private InProcess() {}

    /** Test code run by a process. */
    @FunctionalInterface
    interface Body<T> {
        T run(ProcessApi process) throws Exception;
    }

    /** Test code run by a process, with no result. */
    @FunctionalInterface
    interface Action {
        void run(ProcessApi process) throws Exception;
    }

    /** Runs {@code body} as a process of the guest user and returns its value. */
    static <T> T call(Kernel kernel, Body<T> body) {
        return call(kernel, null, body);
    }

    /** Runs {@code action} as a process of the guest user; its failures fail the test. */
    static void run(Kernel kernel, Action action) {
        call(kernel, null, p -> {
            action.run(p);
            return null;
        });
    }

    /** Runs {@code action} as a process with {@code identity}; its failures fail the test. */
    static void runAs(Kernel kernel, ProcessIdentity identity, Action action) {
        call(kernel, identity, p -> {
            action.run(p);
            return null;
        });
    }

    /** Runs {@code body} as a process with {@code identity} (null: the guest) and returns its value. */
    static <T> T call(Kernel kernel, ProcessIdentity identity, Body<T> body) {
        String name = "in-process-" + NAMES.incrementAndGet();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        TestPrograms.SCRIPTS.put(name, p -> {
            try {
                outcome.complete(body.run(p));
            } catch (Exception | AssertionError e) {
                outcome.completeExceptionally(e);
            }
            return 0;
        });
        try {
            ExecResult result = kernel.exec(List.of("t-script", name),
                    ExecOptions.defaults().withIdentity(identity).withTimeout(Duration.ofSeconds(15)));
            if (!outcome.isDone()) {
                throw new AssertionError("the process ended without an outcome: status " + result.exitCode()
                        + ", stderr " + result.stderr());
            }
            return outcome.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } finally {
            TestPrograms.SCRIPTS.remove(name);
        }
    }

    /** The errno {@code action} fails with; an assertion error when it succeeds. */
    static Errno errno(ThrowingRunnable action) {
        try {
            action.run();
        } catch (KernelException e) {
            return e.errno();
        } catch (Exception e) {
            throw new AssertionError("failed without an errno", e);
        }
        throw new AssertionError("expected a failure with an errno");
    }

    /** A call that may throw. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
