package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.Signals;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Job control ({@code -i} / {@code set -m}) on a real kernel, with a terminal that records the foreground group. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobControlTest {
    private TestKernel kernel;
    private final List<Integer> foreground = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        Terminal terminal = new Terminal() {
            @Override
            public boolean isInteractive() {
                return false;
            }

            @Override
            public void setForegroundGroup(int pgid) {
                foreground.add(pgid);
            }

            @Override
            public int foregroundGroup() {
                return foreground.isEmpty() ? -1 : foreground.get(foreground.size() - 1);
            }
        };
        kernel = new TestKernel(process -> new Shell(terminal).run(process));
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    @Test
    void backgroundJobsAreAnnouncedListedAndReportedDone() throws Exception {
        TestKernel.Result result = kernel.sh("sleep 0.5 &\njobs\nsleep 1.5\necho next\n", "-i");
        assertThat(result.err()).matches("(?s)\\$ \\[1\\] \\d+\n.*\\[1\\]\\+  Done                    sleep 0\\.5\n.*");
        assertThat(result.out()).isEqualTo("[1]+  Running                 sleep 0.5 &\nnext\n");
    }

    @Test
    void eachPipelineGetsItsOwnProcessGroup() throws Exception {
        TestKernel.Result result = kernel.sh("", "-c", "set -m; pgid | cat; pgid; echo $$");
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).isNotEqualTo(lines[1]);
        assertThat(foreground).isNotEmpty();
    }

    @Test
    void killStopAndBackgroundContinue() throws Exception {
        TestKernel.Result result = kernel.sh("", "-c",
                "set -m; sleep 5 & kill -STOP %1; sleep 0.1; jobs; bg %1; jobs; kill %1; wait %1; echo status $?");
        assertThat(result.out()).matches("\\[1\\]\\+  Stopped                 sleep 5\n"
                + "\\[1\\] sleep 5 &\n"
                + "\\[1\\]\\+  Running                 sleep 5 &\n"
                + "status 143\n");
    }

    @Test
    void stoppedForegroundJobCanBeResumedWithFg() throws Exception {
        CompletableFuture<TestKernel.Result> shell =
                CompletableFuture.supplyAsync(() -> kernel.sh("sleep 2\njobs\nfg %1\necho back $?\n", "-i"));
        ProcessInfo sleep = kernel.awaitProcess("sleep");
        kernel.kernel().kill(sleep.pid(), Signals.SIGTSTP);
        TestKernel.Result result = shell.get(30, TimeUnit.SECONDS);
        assertThat(result.err()).contains("\n[1]+  Stopped                 sleep 2\n");
        assertThat(result.out()).isEqualTo("[1]+  Stopped                 sleep 2\nsleep 2\nback 0\n");
        assertThat(foreground).contains(sleep.pgid());
    }

    @Test
    void stoppedJobIsReportedOnTheShellsStandardErrorNotTheCommands() throws Exception {
        CompletableFuture<TestKernel.Result> shell = CompletableFuture.supplyAsync(
                () -> kernel.sh("sleep 30 2>/dev/null\n(sleep 30) 2>/dev/null\nkill -KILL %1 %2\n", "-i"));
        for (int stopped = 0; stopped < 2; stopped++) {
            ProcessInfo sleep = kernel.awaitProcess("sleep");
            kernel.kernel().kill(-sleep.pgid(), Signals.SIGTSTP); // as ^Z: the whole foreground group
            if (stopped == 0) {
                // not after the second stop: the shell then goes on to kill both jobs, and may do so
                // before a look at the process table sees the second sleep stopped
                awaitStopped(sleep.pid());
            }
        }
        TestKernel.Result result = shell.get(30, TimeUnit.SECONDS);
        assertThat(result.err()).contains("\n[1]+  Stopped                 sleep 30 2>/dev/null\n")
                .contains("\n[2]+  Stopped                 ( sleep 30; ) 2>/dev/null\n");
    }

    /** Waits until the process is stopped, so that the next one looked for is another. */
    private void awaitStopped(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TestKernel.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessInfo info = kernel.kernel().processes().get(pid);
            if (info != null && info.status() == ProcessStatus.STOPPED) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("process " + pid + " did not stop: " + kernel.kernel().processes().values());
    }

    @Test
    void interactivePromptsContinueIncompleteCommands() throws Exception {
        TestKernel.Result result = kernel.sh("PS1='[$((1+1))]$ '\nif true\nthen echo yes\nfi\necho a \\\nb\necho 'multi\nline'\nexit 4\n", "-i");
        assertThat(result.out()).isEqualTo("yes\na b\nmulti\nline\n");
        assertThat(result.err()).isEqualTo("$ [2]$ > > [2]$ > [2]$ > [2]$ ");
        assertThat(result.status()).isEqualTo(4);
    }

    @Test
    void interactiveShellKeepsGoingAfterErrors() throws Exception {
        TestKernel.Result result = kernel.sh("echo ${x:?gone}\nfi\necho still here\n", "-i");
        assertThat(result.out()).isEqualTo("still here\n");
        assertThat(result.err()).contains("sh: 1: x: gone\n").contains("Syntax error: \"fi\" unexpected");
    }

    @Test
    void waitForAllJobs() throws Exception {
        TestKernel.Result result = kernel.sh("", "-c", "sleep 0.1 & sleep 0.2 & wait; echo all; jobs");
        assertThat(result.out()).isEqualTo("all\n");
    }
}
