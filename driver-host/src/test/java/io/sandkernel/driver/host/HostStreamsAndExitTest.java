package io.sandkernel.driver.host;

import static io.sandkernel.driver.host.HostFixture.TIMEOUT;
import static io.sandkernel.driver.host.HostFixture.launch;
import static io.sandkernel.driver.host.HostFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Standard streams, environment, working directory and the exit report of host processes. */
@Timeout(30)
class HostStreamsAndExitTest {
    @TempDir
    Path dir;

    private HostDriver driver;

    @BeforeEach
    void build() {
        driver = HostFixture.unconfined()
                .allow("/bin/echo", "cat", "sh", "env", "pwd", "sleep")
                .workingDirectory(dir)
                .environment(Map.of("GRANTED", "yes", "SHADOWED", "driver"))
                .build();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void echoOutputArrivesInTheKernelStdout() throws Exception {
        HostFixture.Run echo = run(driver, "/bin/echo", "hello", "host world");

        assertThat(echo.exitCode()).isZero();
        assertThat(echo.out()).isEqualTo("hello host world\n");
        assertThat(echo.err()).isEmpty();
    }

    @Test
    void stderrArrivesInTheKernelStderr() throws Exception {
        HostFixture.Run sh = run(driver, "sh", "-c", "echo out; echo oops >&2");

        assertThat(sh.exitCode()).isZero();
        assertThat(sh.out()).isEqualTo("out\n");
        assertThat(sh.err()).isEqualTo("oops\n");
    }

    @Test
    void kernelStdinIsPipedToCatAndItsEndClosesTheProcessStdin() throws Exception {
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        HostFixture.Run cat = run(driver, new ByteArrayInputStream(input), "cat");

        assertThat(cat.exitCode()).isZero();
        assertThat(cat.out()).isEqualTo("line one\nline two\n");
    }

    @Test
    void catEchoesEachLineAsItIsWrittenWhileStdinStaysOpen() throws Exception {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        OutputStream toCat = Channels.newOutputStream(in.sink());
        InputStream fromCat = Channels.newInputStream(out.source());
        DriverProcess cat = driver.start(launch("cat", List.of(), Map.of(),
                new StandardStreams(Channels.newInputStream(in.source()), Channels.newOutputStream(out.sink()),
                        new ByteArrayOutputStream())));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        cat.setOnExit(exit::complete);

        for (String line : List.of("ping\n", "pong\n")) {
            toCat.write(line.getBytes(StandardCharsets.UTF_8));
            toCat.flush();
            assertThat(readExactly(fromCat, line.length())).isEqualTo(line);
        }
        assertThat(exit).isNotDone();

        toCat.close(); // EOF on the kernel stdin
        assertThat(exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isZero();
    }

    @Test
    void theExitCodeIsPropagatedToTheHookAndToWaitFor() throws Exception {
        HostFixture.Run sh = run(driver, "sh", "-c", "exit 42");

        assertThat(sh.exitCode()).isEqualTo(42);
        assertThat(sh.waitFor(TIMEOUT)).isEqualTo(OptionalInt.of(42));
        assertThat(sh.hookCalls).hasValue(1);
    }

    @Test
    void theExitIsReportedOnceAndOnlyAfterAllOutputWasCopied() throws Exception {
        int lines = 200_000; // 1.2 MB: many times a pipe buffer
        byte[] input = "12345\n".repeat(lines).getBytes(StandardCharsets.US_ASCII);
        HostFixture.Run cat = run(driver, new ByteArrayInputStream(input), "cat");
        assertThat(cat.exitCode()).isZero();
        assertThat(cat.stdoutSizeAtExit).isEqualTo(input.length);
        assertThat(cat.hookCalls).hasValue(1);
    }

    @Test
    void aHookInstalledAfterTheProcessEndedIsCalledAtOnce() throws Exception {
        DriverProcess process = driver.start(launch("sh", List.of("-c", "exit 3"), Map.of(),
                new StandardStreams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                        new ByteArrayOutputStream())));
        assertThat(process.waitFor(TIMEOUT)).isEqualTo(OptionalInt.of(3));

        AtomicInteger calls = new AtomicInteger();
        AtomicInteger code = new AtomicInteger(-1);
        process.setOnExit(status -> {
            calls.incrementAndGet();
            code.set(status);
        });

        assertThat(calls).hasValue(1); // synchronously, on this thread
        assertThat(code).hasValue(3);
    }

    @Test
    void waitForReturnsEmptyWhileTheProcessRunsAndTheCodeOnceItEnds() throws Exception {
        HostFixture.Run sleep = run(driver, HostFixture.silentStdin(), "sleep", "100");

        assertThat(sleep.waitFor(Duration.ofMillis(50))).isEmpty();
        assertThat(sleep.waitFor(Duration.ZERO)).isEmpty();

        sleep.process.kill(9);
        assertThat(sleep.waitFor(TIMEOUT)).isEqualTo(OptionalInt.of(128 + 9));
    }

    @Test
    void aProcessThatEndsWhileItsStdinIsStillOpenIsReportedAtOnce() throws Exception {
        HostFixture.Run sh = run(driver, HostFixture.silentStdin(), "sh", "-c", "echo done");

        assertThat(sh.exitCode()).isZero();
        assertThat(sh.out()).isEqualTo("done\n");
    }

    @Test
    void theEnvironmentIsOnlyTheGrantedVariablesAndTheLaunchs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DriverProcess env = driver.start(launch("env", List.of(), Map.of("FROM_LAUNCH", "1", "SHADOWED", "launch"),
                HostFixture.streams(new ByteArrayInputStream(new byte[0]), out)));

        assertThat(env.waitFor(TIMEOUT)).isEqualTo(OptionalInt.of(0));
        List<String> variables = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(variables).filteredOn(v -> !v.startsWith(HostDriver.TAG_VARIABLE + "="))
                .containsExactlyInAnyOrder("GRANTED=yes", "FROM_LAUNCH=1", "SHADOWED=launch");
        assertThat(variables).filteredOn(v -> v.startsWith(HostDriver.TAG_VARIABLE + "=")).hasSize(1);
    }

    @Test
    void theEmbeddersEnvironmentIsPassedOnlyWhenGranted() throws Exception {
        String path = System.getenv("PATH");
        try (HostDriver inheriting = HostFixture.unconfined().allow("env").inheritEnvironment().build()) {
            HostFixture.Run env = run(inheriting, "env");
            assertThat(env.exitCode()).isZero();
            if (path != null) {
                assertThat(env.out()).contains("PATH=" + path + "\n");
            }
        }
    }

    @Test
    void everyProcessRunsInTheDriversWorkingDirectoryWhateverTheLaunchCwd() throws Exception {
        HostFixture.Run pwd = run(driver, "pwd");

        assertThat(pwd.exitCode()).isZero();
        assertThat(Path.of(pwd.out().trim()).toRealPath()).isEqualTo(dir.toRealPath());
        assertThat(driver.workingDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aProcessThatLeavesABackgroundChildHoldingStdoutIsStillReported() throws Exception {
        HostFixture.Run sh = run(driver, "sh", "-c", "sleep 100 & echo started");

        assertThat(sh.exitCode()).isZero(); // after the output grace, not after 100 s
        assertThat(sh.out()).isEqualTo("started\n");
    }

    @Test
    void eachProcessRunsInASessionOfItsOwn() throws Exception {
        HostFixture.Run sh = run(driver, "sh", "-c", "echo $$");

        assertThat(sh.exitCode()).isZero();
        assertThat(Long.parseLong(sh.out().trim())).as("setsid must exec, not fork").isEqualTo(sh.pid());
        if (driver.newSessions()) {
            HostFixture.Run sleep = run(driver, HostFixture.silentStdin(), "sleep", "100");
            HostFixture.await("setsid to run", () -> ProcFs.stat(sleep.pid()).orElseThrow().session() == sleep.pid());
            assertThat(ProcFs.stat(sleep.pid()).orElseThrow().processGroup()).isEqualTo(sleep.pid());
            sleep.process.kill(9);
            assertThat(sleep.exitCode()).isEqualTo(137);
        }
    }

    private static String readExactly(InputStream in, int length) throws Exception {
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
