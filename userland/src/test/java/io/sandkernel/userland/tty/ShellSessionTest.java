package io.sandkernel.userland.tty;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.api.tty.TerminalSize;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Kernel#openShell}: an interactive shell on a kernel pseudo-terminal, job control included. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellSessionTest {
    private static final String PROMPT = "user@sandkernel:/home/user$ ";
    private Kernel kernel;
    private ShellSession session;
    private Screen screen;

    @BeforeEach
    void setUp() {
        kernel = Sandkernel.builder().build();
        session = kernel.openShell(ShellOptions.defaults());
        screen = new Screen(session.output());
    }

    @AfterEach
    void tearDown() throws Exception {
        session.close();
        kernel.close();
        screen.close();
    }

    private int pidOf(String command) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ProcessInfo info : kernel.processes().values()) {
                if (info.command().equals(command) && info.status() != ProcessStatus.EXITED) {
                    return info.pid();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no process " + command);
    }

    /** Waits until the job of {@code pid} is the terminal's foreground group (the shell sets it after spawning). */
    private void awaitForeground(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (session.terminal().foregroundGroup() != kernel.processes().get(pid).pgid()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " never got the foreground");
            }
            Thread.sleep(5);
        }
    }

    /** Waits until a file exists in the kernel's filesystem (a sign that a loop of builtins is running). */
    private void awaitFile(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kernel.exec("test -e " + path, ExecOptions.defaults()).exitCode() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never appeared; screen:\n" + screen.text());
            }
            Thread.sleep(5);
        }
    }

    private ProcessStatus statusOf(int pid) {
        ProcessInfo info = kernel.processes().get(pid);
        return info == null ? ProcessStatus.EXITED : info.status();
    }

    private void awaitStatus(int pid, ProcessStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (statusOf(pid) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " is " + statusOf(pid) + ", not " + status + "; screen:\n"
                        + screen.text());
            }
            Thread.sleep(5);
        }
    }

    @Test
    void promptShowsUserHostAndCwdAndCommandsEcho() throws Exception {
        screen.await(PROMPT);
        session.write("echo hello\n");
        assertThat(screen.await(PROMPT)).isEqualTo("echo hello\nhello\n" + PROMPT);
        session.write("cd /tmp\n");
        screen.await("user@sandkernel:/tmp$ ");
    }

    @Test
    void stopWithControlZThenJobsBgKillAndExit() throws Exception {
        screen.await(PROMPT);
        session.write("sleep 100\n");
        int sleep = pidOf("sleep");
        awaitForeground(sleep);
        session.input().write(0x1a);
        screen.awaitMatch("\\^Z\n\\[1\\]\\+  Stopped +sleep 100\n");
        screen.await(PROMPT);
        awaitStatus(sleep, ProcessStatus.STOPPED);
        assertThat(session.terminal().foregroundGroup()).isEqualTo(session.pid());
        session.write("jobs\n");
        screen.awaitMatch("jobs\n\\[1\\]\\+  Stopped +sleep 100\n");
        screen.await(PROMPT);
        session.write("bg\n");
        screen.awaitMatch("bg\n\\[1\\]\\+? sleep 100 &\n");
        screen.await(PROMPT);
        awaitStatus(sleep, ProcessStatus.RUNNING);
        session.write("kill %1\n");
        screen.await(PROMPT);
        awaitStatus(sleep, ProcessStatus.EXITED);
        session.write("jobs\n");
        screen.await(PROMPT);
        session.write("exit\n");
        assertThat(session.waitFor(Duration.ofSeconds(10))).isPresent();
    }

    @Test
    void controlCInterruptsTheForegroundJobNotTheShell() throws Exception {
        screen.await(PROMPT);
        session.write("sleep 100\n");
        int sleep = pidOf("sleep");
        awaitForeground(sleep);
        session.input().write(0x03);
        awaitStatus(sleep, ProcessStatus.EXITED);
        screen.await("^C");
        screen.await(PROMPT);
        session.write("echo alive $?\n");
        screen.await("alive 130\n");
        assertThat(session.isAlive()).isTrue();
    }

    @Test
    void controlCOnAJobInALoopEndsTheWholeCommandLineAsInBashAndDash() throws Exception {
        screen.await(PROMPT);
        session.write("while true; do sleep 100; done; echo af''ter\n");
        int sleep = pidOf("sleep");
        awaitForeground(sleep);
        session.input().write(0x03);
        awaitStatus(sleep, ProcessStatus.EXITED);
        screen.await("^C\n" + PROMPT);
        session.write("echo alive $?\n");
        screen.await("alive 130\n");
        screen.await(PROMPT);
        assertThat(screen.text()).doesNotContain("\nafter\n");
        assertThat(kernel.processes().values())
                .noneMatch(info -> info.command().equals("sleep") && info.status() != ProcessStatus.EXITED);
    }

    @Test
    void controlCAtThePromptDropsTheLineTypedSoFarWithStatus130() throws Exception {
        screen.await(PROMPT);
        session.write("true\n");
        screen.await(PROMPT);
        session.input().write("echo dro".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        screen.await("echo dro");
        session.input().write(0x03);
        screen.await("^C\n" + PROMPT);
        session.write("echo after $?\n");
        screen.await("after 130\n");
        assertThat(screen.text()).doesNotContain("\ndro");
    }

    @Test
    void controlCOnABuiltinLoopEndsItAtTheNextCommand() throws Exception {
        screen.await(PROMPT);
        session.write("rm -f /tmp/spin; while :; do : >/tmp/spin; done; echo af''ter\n");
        awaitFile("/tmp/spin");
        session.input().write(0x03);
        screen.await("^C\n" + PROMPT);
        session.write("echo alive $?\n");
        screen.await("alive 130\n");
        assertThat(screen.text()).doesNotContain("\nafter\n");
    }

    @Test
    void bashSetBReportsAnEndedJobAtOnceAtThePromptAndDuringAForegroundJob() throws Exception {
        screen.await(PROMPT);
        session.write("exec bash\n");
        screen.await(PROMPT);
        session.write("set -b; sleep 1 &\n");
        screen.awaitMatch("\\[1\\] \\d+\n");
        screen.await(PROMPT);
        // nothing typed: the report comes while the shell reads the next command line
        screen.awaitMatch("\\[1\\]\\+  Done +sleep 1\n");
        session.write("sleep 1 & sleep 3; echo fg d''one\n");
        String seen = screen.await("fg done\n");
        assertThat(seen).containsPattern("\\[1\\]\\+  Done +sleep 1\n");
        screen.await(PROMPT);
        session.write("jobs; echo listed\n");
        assertThat(screen.await("listed\n")).doesNotContain("Done");
    }

    @Test
    void shSetBIsAcceptedAndReportsBeforeTheNextPromptAsDash() throws Exception {
        screen.await(PROMPT);
        session.write("set -b; sleep 1 & sleep 3; echo fg d''one\n");
        assertThat(screen.await("fg done\n")).doesNotContain("Done");
        screen.awaitMatch("\\[1\\]\\+  Done +sleep 1\n" + Pattern.quote(PROMPT));
    }

    @Test
    void backgroundReaderIsStoppedBySigttinAndReadsInTheForeground() throws Exception {
        screen.await(PROMPT);
        session.write("cat &\n");
        int cat = pidOf("cat");
        awaitStatus(cat, ProcessStatus.STOPPED);
        screen.await(PROMPT);
        // the table keeps the stop event for waitpid until the shell collects it: have it collected
        // (by jobs) first, or fg's wait would take the stale event for a new stop
        session.write("jobs\n");
        screen.awaitMatch("\\[1\\]\\+  Stopped.*cat\n");
        screen.await(PROMPT);
        session.write("fg\n");
        screen.await("cat\n");
        awaitStatus(cat, ProcessStatus.RUNNING);
        session.write("typed line\n");
        screen.await("typed line\ntyped line\n");
        session.input().write(0x04);
        screen.await(PROMPT);
        awaitStatus(cat, ProcessStatus.EXITED);
    }

    @Test
    void resizeSendsSigwinchToTheForegroundGroup() throws Exception {
        screen.await(PROMPT);
        session.write("trap 'echo winch $COLUMNS' WINCH; echo ready\n");
        screen.await("ready\n");
        screen.await(PROMPT);
        session.resize(100, 30);
        assertThat(session.terminal().size()).isEqualTo(new TerminalSize(100, 30));
        session.write("echo after\n");
        screen.await("winch");
    }

    @Test
    void execRunsAScriptWithTheShell() {
        ExecResult result = kernel.exec("echo out; echo err >&2; exit 3", ExecOptions.defaults());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }
}
