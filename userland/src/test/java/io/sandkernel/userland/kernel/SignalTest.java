package io.sandkernel.userland.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.KernelException;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SignalTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGUSR1, Signals.SIGUSR2,
            Signals.SIGPIPE, Signals.SIGALRM, Signals.SIGTERM})
    void defaultActionTerminatesWithOneHundredTwentyEightPlusSignal(int signal) throws Exception {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        sleeper.kill(signal);
        assertThat(sleeper.waitFor(WAIT)).hasValue(128 + signal);
    }

    @Test
    void killEndsAProcessBlockedInAPipeReadPromptly() throws Exception {
        KernelProcess cat = kernel.spawn("t-cat", List.of(), SpawnOptions.defaults());
        assertThat(cat.waitFor(Duration.ofMillis(50))).isEmpty();
        long start = System.nanoTime();
        cat.kill(Signals.SIGKILL);
        assertThat(cat.waitFor(WAIT)).hasValue(137);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void termEndsAProcessBlockedInAPipeRead() throws Exception {
        KernelProcess cat = kernel.spawn("t-cat", List.of(), SpawnOptions.defaults());
        cat.kill(Signals.SIGTERM);
        assertThat(cat.waitFor(WAIT)).hasValue(143);
    }

    @Test
    void childAndWinchAreIgnoredByDefault() throws Exception {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("300"), SpawnOptions.defaults());
        sleeper.kill(Signals.SIGCHLD);
        sleeper.kill(Signals.SIGWINCH);
        assertThat(sleeper.waitFor(WAIT)).hasValue(0);
    }

    @Test
    void handlerRunsOnTheProgramThreadAndSleepFailsWithEintr() throws Exception {
        TestPrograms.SCRIPTS.put("handler", p -> {
            Thread self = Thread.currentThread();
            java.util.concurrent.atomic.AtomicBoolean onOwnThread = new java.util.concurrent.atomic.AtomicBoolean();
            p.signal(Signals.SIGUSR1, sig -> onOwnThread.set(Thread.currentThread() == self && sig == 10));
            p.stdout().println("ready");
            while (true) {
                try {
                    p.sleep(Duration.ofSeconds(30));
                } catch (KernelException e) {
                    p.stdout().println(e.errno() + " " + onOwnThread.get());
                    return 7;
                }
            }
        });
        KernelProcess process = kernel.spawn("t-script", List.of("handler"), SpawnOptions.defaults());
        assertThat(TestPrograms.readLine(process.stdout())).isEqualTo("ready");
        // a signal that arrives before the program is inside sleep runs the handler without EINTR: send again
        do {
            try {
                process.kill(Signals.SIGUSR1);
            } catch (KernelException e) {
                break; // exited just now
            }
        } while (process.waitFor(Duration.ofMillis(100)).isEmpty());
        assertThat(process.waitFor(WAIT)).hasValue(7);
        assertThat(TestPrograms.readLine(process.stdout())).isEqualTo("EINTR true");
    }

    @Test
    void ignoredSignalDoesNothing() throws Exception {
        TestPrograms.SCRIPTS.put("ignore", p -> {
            p.signal(Signals.SIGTERM, io.sandkernel.api.SignalHandler.IGNORE);
            p.stdout().println("ready");
            p.sleep(Duration.ofMillis(300));
            return 3;
        });
        KernelProcess process = kernel.spawn("t-script", List.of("ignore"), SpawnOptions.defaults());
        assertThat(TestPrograms.readLine(process.stdout())).isEqualTo("ready");
        process.kill(Signals.SIGTERM);
        assertThat(process.waitFor(WAIT)).hasValue(3);
    }

    @Test
    void killAndStopCannotBeCaught() {
        TestPrograms.SCRIPTS.put("catch-kill", p -> {
            for (int signal : new int[] {Signals.SIGKILL, Signals.SIGSTOP}) {
                try {
                    p.signal(signal, s -> {});
                } catch (KernelException e) {
                    p.stdout().println(e.errno());
                }
            }
            return 0;
        });
        assertThat(kernel.exec("t-script", "catch-kill").stdout()).isEqualTo("EINVAL\nEINVAL\n");
    }

    @Test
    void blockedSignalStaysPendingUntilUnblocked() throws Exception {
        TestPrograms.SCRIPTS.put("mask", p -> {
            p.sigprocmask(SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTERM));
            p.kill(p.pid(), Signals.SIGTERM);
            p.stdout().println("pending " + p.sigpending().contains(Signals.SIGTERM));
            p.sigprocmask(SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGTERM));
            p.stdout().println("not reached");
            return 0;
        });
        ExecResult result = kernel.exec("t-script", "mask");
        assertThat(result.stdout()).isEqualTo("pending true\n");
        assertThat(result.exitCode()).isEqualTo(143);
    }

    @Test
    void stoppedPipelineReallyPausesUntilContinued() throws Exception {
        String produced = "produced-" + System.nanoTime();
        String consumed = "consumed-" + System.nanoTime();
        TestPrograms.SCRIPTS.put("pipeline", p -> {
            int[] fds = p.pipe();
            int producer = p.spawn(new SpawnRequest(List.of("t-count", produced), p.env(), p.cwd(),
                    new Redirect.Null(), new Redirect.Descriptor(fds[1]), Redirect.inherit(), 0, false));
            p.spawn(new SpawnRequest(List.of("t-countlines", consumed), p.env(), p.cwd(),
                    new Redirect.Descriptor(fds[0]), Redirect.inherit(), Redirect.inherit(), producer, false));
            p.close(fds[0]);
            p.close(fds[1]);
            p.stdout().println(producer);
            p.waitpid(-1);
            p.waitpid(-1);
            return 0;
        });
        KernelProcess shell = kernel.spawn("t-script", List.of("pipeline"), SpawnOptions.defaults());
        int pgid = Integer.parseInt(TestPrograms.readLine(shell.stdout()));
        AtomicLong producedCount = TestPrograms.counter(produced);
        AtomicLong consumedCount = TestPrograms.counter(consumed);
        assertThat(TestPrograms.eventually(WAIT, () -> consumedCount.get() > 100)).isTrue();

        kernel.kill(-pgid, Signals.SIGSTOP);
        assertThat(TestPrograms.eventually(WAIT, () -> kernel.processes().values().stream()
                .filter(info -> info.pgid() == pgid)
                .allMatch(info -> info.status() == ProcessStatus.STOPPED))).isTrue();
        Thread.sleep(50); // let each finish the kernel call it was in
        long producedAtStop = producedCount.get();
        long consumedAtStop = consumedCount.get();
        Thread.sleep(300);
        assertThat(producedCount.get()).isEqualTo(producedAtStop);
        assertThat(consumedCount.get()).isEqualTo(consumedAtStop);

        kernel.kill(-pgid, Signals.SIGCONT);
        assertThat(TestPrograms.eventually(WAIT, () -> consumedCount.get() > consumedAtStop + 100)).isTrue();
        assertThat(producedCount.get()).isGreaterThan(producedAtStop);
        kernel.kill(-pgid, Signals.SIGKILL);
        assertThat(shell.waitFor(WAIT)).hasValue(0);
    }

    @Test
    void parentSeesStopAndContinueThroughWaitpid() throws Exception {
        TestPrograms.SCRIPTS.put("watch-child", p -> {
            int child = p.spawn(new SpawnRequest(List.of("t-sleep", "60000"), p.env(), p.cwd(), new Redirect.Null(),
                    new Redirect.Null(), new Redirect.Null(), -1, false));
            p.kill(child, Signals.SIGSTOP);
            WaitResult stopped = p.waitpid(child, WaitOption.WUNTRACED).orElseThrow();
            p.kill(child, Signals.SIGCONT);
            WaitResult continued = p.waitpid(child, WaitOption.WCONTINUED).orElseThrow();
            p.kill(child, Signals.SIGTERM);
            WaitResult exited = p.waitpid(child).orElseThrow();
            p.stdout().println(stopped.event() + " " + stopped.status() + " " + continued.event() + " "
                    + exited.event() + " " + exited.status());
            return 0;
        });
        assertThat(kernel.exec("t-script", "watch-child").stdout()).isEqualTo("STOPPED 19 CONTINUED EXITED 143\n");
    }

    @Test
    void ttinStopsTheProgramAndTheTableKnows() throws Exception {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        sleeper.kill(Signals.SIGTTIN);
        assertThat(TestPrograms.eventually(WAIT, () ->
                kernel.processes().get(sleeper.pid()).status() == ProcessStatus.STOPPED)).isTrue();
        sleeper.kill(Signals.SIGTERM);
        assertThat(sleeper.waitFor(Duration.ofMillis(200))).isEmpty(); // stays stopped, TERM pending
        sleeper.kill(Signals.SIGCONT);
        assertThat(sleeper.waitFor(WAIT)).hasValue(143);
    }

    @Test
    void killReachesAStoppedProcess() throws Exception {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        sleeper.kill(Signals.SIGSTOP);
        sleeper.kill(Signals.SIGKILL);
        assertThat(sleeper.waitFor(WAIT)).hasValue(137);
    }
}
