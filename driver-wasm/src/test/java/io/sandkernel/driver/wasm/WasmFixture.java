package io.sandkernel.driver.wasm;

import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Drives a {@link WasmDriver} directly, as the process table would, on a {@link StdioApi}. */
public final class WasmFixture {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger PIDS = new AtomicInteger(100);

    private WasmFixture() {}

    /** A started process with its recorded output and exit hook. */
    public static final class Run {
        public final DriverProcess process;
        final ByteArrayOutputStream stdout;
        final ByteArrayOutputStream stderr;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        Run(DriverProcess process, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
            process.setOnExit(exit::complete);
        }

        public int exitCode() throws Exception {
            return exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        String out() {
            synchronized (stdout) {
                return stdout.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until standard output contains {@code text}. */
        public void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            synchronized (stdout) {
                while (!stdout.toString(StandardCharsets.UTF_8).contains(text)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no \"" + text + "\" on stdout; got: " + stdout);
                    }
                    stdout.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        String err() {
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8);
            }
        }
    }

    static Run start(WasmDriver driver, String command, List<String> args) {
        return start(driver, command, args, Map.of(), new ByteArrayInputStream(new byte[0]));
    }

    static Run start(WasmDriver driver, String command, List<String> args, Map<String, String> env, InputStream stdin) {
        int pid = PIDS.incrementAndGet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var api = StdioApi.of(pid, stdin, out, err);
        ProcessLaunch launch = new ProcessLaunch(pid, command, args, env, "/",
                new StandardStreams(stdin, out, err), checkpoint -> api);
        return new Run(driver.start(launch), out, err);
    }
}
