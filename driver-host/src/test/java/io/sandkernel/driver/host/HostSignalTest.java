package io.sandkernel.driver.host;

import static io.sandkernel.driver.host.HostFixture.TIMEOUT;
import static io.sandkernel.driver.host.HostFixture.alive;
import static io.sandkernel.driver.host.HostFixture.await;
import static io.sandkernel.driver.host.HostFixture.awaitState;
import static io.sandkernel.driver.host.HostFixture.launch;
import static io.sandkernel.driver.host.HostFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every signal reaches the host process as a real OS signal. */
@Timeout(60)
class HostSignalTest {
    private HostDriver driver;

    @BeforeEach
    void build() {
        driver = HostFixture.unconfined().allow("sleep", "sh").build();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private HostFixture.Run sleep() {
        return run(driver, HostFixture.silentStdin(), "sleep", "100");
    }

    @Test
    void sigstopReallyStopsTheOsProcessAndSigcontResumesIt() throws Exception {
        HostFixture.Run sleep = sleep();
        awaitState(sleep.pid(), 'S');

        sleep.process.kill(Signals.SIGSTOP);
        awaitState(sleep.pid(), 'T');

        sleep.process.kill(Signals.SIGCONT);
        awaitState(sleep.pid(), 'S');
        assertThat(sleep.exit).isNotDone();

        sleep.process.kill(Signals.SIGKILL);
        assertThat(sleep.exitCode()).isEqualTo(128 + Signals.SIGKILL);
    }

    @Test
    void sigtermEndsSleepWithStatus143() throws Exception {
        HostFixture.Run sleep = sleep();

        sleep.process.kill(Signals.SIGTERM);

        assertThat(sleep.exitCode()).isEqualTo(143);
        assertThat(sleep.hookCalls).hasValue(1);
        assertThat(driver.signallerPid()).as("SIGTERM needs no signaller").isEmpty();
    }

    @Test
    void deathByAnySignalIsReportedAs128PlusTheSignal() throws Exception {
        for (int signal : new int[] {Signals.SIGINT, Signals.SIGUSR2, Signals.SIGALRM, 40}) {
            HostFixture.Run sleep = sleep();
            sleep.process.kill(signal);
            assertThat(sleep.exitCode()).as(Signals.name(signal)).isEqualTo(128 + signal);
        }
    }

    @Test
    void aTrappedSignalRunsTheProcesssHandler() throws Exception {
        Pipe out = Pipe.open();
        InputStream lines = Channels.newInputStream(out.source());
        DriverProcess sh = driver.start(launch("sh",
                List.of("-c", "trap 'echo got-usr1; exit 7' USR1; echo ready; while :; do sleep 0.05; done"),
                Map.of(), new StandardStreams(HostFixture.silentStdin(), Channels.newOutputStream(out.sink()),
                        new ByteArrayOutputStream())));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        sh.setOnExit(exit::complete);
        assertThat(readLine(lines)).isEqualTo("ready");

        sh.kill(Signals.SIGUSR1);

        assertThat(readLine(lines)).isEqualTo("got-usr1");
        assertThat(exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void aProcessHandlingSigtermCanStillWriteItsLastWordsAndChooseItsStatus() throws Exception {
        Pipe out = Pipe.open();
        InputStream lines = Channels.newInputStream(out.source());
        DriverProcess sh = driver.start(launch("sh",
                List.of("-c", "trap 'echo bye; exit 3' TERM; echo ready; while :; do sleep 0.05; done"),
                Map.of(), new StandardStreams(HostFixture.silentStdin(), Channels.newOutputStream(out.sink()),
                        new ByteArrayOutputStream())));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        sh.setOnExit(exit::complete);
        assertThat(readLine(lines)).isEqualTo("ready");

        sh.kill(Signals.SIGTERM);

        assertThat(readLine(lines)).isEqualTo("bye");
        assertThat(exit.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void outputWrittenBeforeSigkillStillArrives() throws Exception {
        HostFixture.Run sh = run(driver, HostFixture.silentStdin(), "sh", "-c", "echo before; exec sleep 100");
        await("output before the kill", () -> sh.out().equals("before\n"));

        sh.process.kill(Signals.SIGKILL);

        assertThat(sh.exitCode()).isEqualTo(137);
        assertThat(sh.out()).isEqualTo("before\n");
    }

    @Test
    void sigkillKillsTheWholeHostProcessTree() throws Exception {
        HostFixture.Run sh = run(driver, HostFixture.silentStdin(), "sh", "-c", "sleep 100 & sleep 100 & wait");
        await("two sleeping children", () -> HostFixture.descendants(sh.pid()).size() == 2);
        List<Long> tree = HostFixture.descendants(sh.pid()).stream().map(ProcessHandle::pid).toList();

        sh.process.kill(Signals.SIGKILL);

        assertThat(sh.exitCode()).isEqualTo(137);
        for (long pid : tree) {
            await("descendant " + pid + " to die", () -> !alive(pid));
        }
        assertThat(alive(sh.pid())).isFalse();
    }

    @Test
    void signalsAreDeliveredByOneSignallerWithoutAProcessPerSignal() throws Exception {
        HostFixture.Run sleep = sleep();
        sleep.process.kill(Signals.SIGCONT); // starts the signaller
        OptionalLong signaller = driver.signallerPid();
        assertThat(signaller).isPresent();
        List<Long> before = HostFixture.jvmChildren();
        assertThat(before).contains(sleep.pid(), signaller.getAsLong());

        for (int i = 0; i < 10; i++) {
            sleep.process.kill(Signals.SIGSTOP);
            awaitState(sleep.pid(), 'T');
            sleep.process.kill(Signals.SIGCONT);
        }

        assertThat(HostFixture.jvmChildren()).isEqualTo(before);
        assertThat(driver.signallerPid()).isEqualTo(signaller);
        assertThat(HostFixture.descendants(signaller.getAsLong())).isEmpty();
        sleep.process.kill(Signals.SIGKILL);
        assertThat(sleep.exitCode()).isEqualTo(137);
    }

    @Test
    void theSignallerIsStartedAgainWhenItDied() throws Exception {
        HostFixture.Run sleep = sleep();
        sleep.process.kill(Signals.SIGCONT);
        long first = driver.signallerPid().orElseThrow();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        await("signaller to die", () -> !alive(first));

        sleep.process.kill(Signals.SIGSTOP);

        awaitState(sleep.pid(), 'T');
        assertThat(driver.signallerPid()).isPresent().isNotEqualTo(OptionalLong.of(first));
        sleep.process.kill(Signals.SIGKILL);
        assertThat(sleep.exitCode()).isEqualTo(137);
    }

    @Test
    void anInvalidSignalFailsWithEinval() throws Exception {
        HostFixture.Run sleep = sleep();

        for (int signal : new int[] {0, -1, 65}) {
            assertThatThrownBy(() -> sleep.process.kill(signal)).isInstanceOfSatisfying(KernelException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        }
        sleep.process.kill(Signals.SIGKILL);
        assertThat(sleep.exitCode()).isEqualTo(137);
    }

    @Test
    void signallingAnEndedProcessDoesNothing() throws Exception {
        HostFixture.Run sh = run(driver, "sh", "-c", "exit 5");
        assertThat(sh.exitCode()).isEqualTo(5);

        for (int signal : new int[] {Signals.SIGSTOP, Signals.SIGTERM, Signals.SIGKILL, Signals.SIGUSR1}) {
            sh.process.kill(signal);
        }

        assertThat(sh.hookCalls).hasValue(1);
        assertThat(sh.waitFor(TIMEOUT)).hasValue(5);
    }

    private static String readLine(InputStream in) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder text = new StringBuilder();
                for (int c = in.read(); c != '\n'; c = in.read()) {
                    if (c < 0) {
                        return text.toString();
                    }
                    text.append((char) c);
                }
                return text.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return line.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
