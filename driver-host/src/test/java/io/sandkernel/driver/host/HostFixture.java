package io.sandkernel.driver.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Drives a {@link HostDriver} directly, as the process table would, without a kernel. */
final class HostFixture {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger PIDS = new AtomicInteger(100);

    private HostFixture() {}

    /** A started process with its recorded streams and exit hook. */
    static final class Run {
        final DriverProcess process;
        final ByteArrayOutputStream stdout;
        final ByteArrayOutputStream stderr;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final AtomicInteger hookCalls = new AtomicInteger();
        /** The size of stdout when the exit hook ran. */
        volatile int stdoutSizeAtExit = -1;

        Run(DriverProcess process, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr, boolean hook) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
            if (hook) {
                process.setOnExit(this::exited);
            }
        }

        void exited(int code) {
            hookCalls.incrementAndGet();
            stdoutSizeAtExit = stdout.size();
            exit.complete(code);
        }

        /** The exit code the hook reported, waiting at most {@link #TIMEOUT}. */
        int exitCode() throws Exception {
            return exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }

        long pid() {
            return ((HostProcess) process).pid();
        }

        OptionalInt waitFor(Duration timeout) {
            return process.waitFor(timeout);
        }
    }

    /**
     * A driver builder with no confinement: the tests of the driver's own mechanics (streams,
     * signals, process trees) see the program as the OS process they started.
     */
    static HostDriver.Builder unconfined() {
        return HostDriver.builder().confinement(HostConfinement.unconfined());
    }

    static ProcessLaunch launch(String command, List<String> args, Map<String, String> env, StandardStreams stdio) {
        return new ProcessLaunch(PIDS.incrementAndGet(), command, args, env, "/home/user", stdio, null);
    }

    static Run run(HostDriver driver, String command, String... args) {
        return run(driver, new ByteArrayInputStream(new byte[0]), command, args);
    }

    static Run run(HostDriver driver, InputStream stdin, String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DriverProcess process = driver.start(launch(command, List.of(args), Map.of(),
                new StandardStreams(stdin, out, err)));
        return new Run(process, out, err, true);
    }

    static StandardStreams streams(InputStream in, OutputStream out) {
        return new StandardStreams(in, out, new ByteArrayOutputStream());
    }

    /** An input stream that never ends (until the test is over): like a terminal nobody types in. */
    static InputStream silentStdin() {
        return new InputStream() {
            @Override
            public int read() throws java.io.InterruptedIOException {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return -1;
            }
        };
    }

    /** The state letter of {@code /proc/<pid>/stat}, or '-' when there is no such process. */
    static char state(long pid) {
        return ProcFs.stat(pid).map(ProcFs.Stat::state).orElse('-');
    }

    /** Whether the OS process exists and is not a zombie. */
    static boolean alive(long pid) {
        char state = state(pid);
        return state != '-' && state != 'Z' && state != 'X';
    }

    /** Polls {@code condition} until it holds or {@link #TIMEOUT} passes. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out waiting for: " + what).isNegative();
            Thread.sleep(10);
        }
    }

    /** Polls until the process's state letter is {@code state}. */
    static void awaitState(long pid, char state) throws InterruptedException {
        await("state " + state + " of pid " + pid + " (now " + state(pid) + ")", () -> state(pid) == state);
    }

    /** The live descendants of {@code pid}. */
    static List<ProcessHandle> descendants(long pid) {
        return ProcessHandle.of(pid).map(h -> h.descendants().filter(d -> alive(d.pid())).toList())
                .orElse(List.of());
    }

    /** The live children of this JVM. */
    static List<Long> jvmChildren() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).filter(HostFixture::alive).sorted()
                .toList();
    }
}
