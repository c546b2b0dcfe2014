package io.sandkernel.driver.wasm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.Redirect;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.process.Signals;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C corpus run as kernel processes: every WASI area against the kernel's files, pipes and
 * signals, with results expected from the WASI specification and POSIX.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusThroughKernelTest {
    private final WasmKernel box = new WasmKernel();

    @AfterEach
    void close() {
        box.close();
    }

    @Test
    void everyPathCallWorksOnTheKernelFilesystem() {
        ExecResult result = box.run("", "files");
        assertThat(result.stdout()).endsWith("files ok\n").doesNotContain("FAIL");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void seekPreadPwriteAndAppendFollowPosix() {
        ExecResult result = box.run("", "seek");
        assertThat(result.stdout()).isEqualTo("seek ok\n");
        assertThat(result.exitCode()).isZero();
        assertThat(box.kernel().stat(WasmKernel.HOME + "/seek.txt").size()).isEqualTo(24);
    }

    @Test
    void argumentsAndTheEnvironmentPassThroughTheShell() {
        ExecResult result = box.sh("FOO=bar args_env a 'b c'");
        assertThat(result.stdout()).startsWith("argc=3\nargv[0]=args_env\nargv[1]=a\nargv[2]=b c\n")
                .contains("env FOO=bar\n", "env HOME=/home/user\n");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void exitStatusesAndRaiseReachTheShell() {
        assertThat(box.sh("exit_code 42; echo $?").stdout()).isEqualTo("42\n");
        assertThat(box.sh("raise 15; echo $?").stdout()).isEqualTo("143\n");
        assertThat(box.sh("raise 2; echo $?").stdout()).isEqualTo("130\n");
    }

    @Test
    void wasmAndJavaCommandsShareKernelPipes() {
        assertThat(box.sh("seq 1 1000 | wcat | wwc").stdout()).isEqualTo("1000 1000 3893\n");
        assertThat(box.sh("printf 'one\\ntwo foo\\nthree foo\\n' | wgrep foo | lines").stdout()).isEqualTo("2\n");
        assertThat(box.sh("echo hello | upper | cat").stdout()).isEqualTo("HELLO\n");
        assertThat(box.sh("printf 'x\\n' | wgrep nothing; echo $?").stdout()).isEqualTo("1\n");
    }

    @Test
    void wasmCatReadsKernelFilesAndReportsMissingOnes() {
        box.kernel().writeFile("/tmp/in.txt", "kernel file\n".getBytes(StandardCharsets.UTF_8));
        ExecResult relative = box.sh("cd /tmp && wcat in.txt");
        assertThat(relative.stdout()).as(relative.stderr()).isEqualTo("kernel file\n");
        // wasi-libc strips the leading slash and resolves against the last preopen that matches:
        // absolute paths reach the kernel's root when the working directory is "/"
        ExecResult absolute = box.sh("cd / && wcat /tmp/in.txt");
        assertThat(absolute.stdout()).as(absolute.stderr()).isEqualTo("kernel file\n");
        // the default preopens are unconfined: ".." climbs above the working directory, as POSIX
        ExecResult up = box.sh("cd /home && wcat ../tmp/in.txt");
        assertThat(up.stdout()).as(up.stderr()).isEqualTo("kernel file\n");
        ExecResult missing = box.sh("cd /tmp && wcat nothing");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("nothing: No such file or directory\n");
    }

    @Test
    void standardStreamsAreNotTerminalsUnderExec() {
        assertThat(box.run("", "isatty").stdout()).isEqualTo("0:0 1:0 2:0\n");
    }

    @Test
    void clocksAndRandomWork() {
        assertThat(box.run("", "clocks").stdout()).isEqualTo("clocks ok\n");
        assertThat(box.run("", "random").stdout()).isEqualTo("random ok\n");
    }

    @Test
    void pollTimesOutOnAnEmptyPipeThenSeesData() throws Exception {
        KernelProcess poll = box.kernel().spawn("poll", List.of(), SpawnOptions.defaults()
                .withCwd(WasmKernel.HOME).withRedirects(new Redirect.Pipe(), new Redirect.Pipe(), new Redirect.Pipe()));
        InputStream out = poll.stdout();
        String first = readLine(out);
        assertThat(first).isEqualTo("timeout: 0 after >=100ms: 1");
        poll.stdin().write("ping\n".getBytes(StandardCharsets.UTF_8));
        poll.stdin().flush();
        assertThat(readLine(out)).isEqualTo("readable: ping");
        assertThat(poll.waitFor()).isZero();
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    @Test
    void trapsEndWithSignalStatusesAndOneLine() {
        ExecResult oob = box.run("", "trap", "oob");
        assertThat(oob.exitCode()).isEqualTo(128 + Signals.SIGSEGV);
        assertThat(oob.stderr().lines()).containsExactly("trap: wasm trap: out of bounds memory access");
        assertThat(box.run("", "trap", "unreachable").exitCode()).isEqualTo(128 + Signals.SIGILL);
    }

    @Test
    void theProgramCannotReachHostFiles(@TempDir Path host) throws Exception {
        Path secret = host.resolve("secret.txt");
        Files.writeString(secret, "host secret");
        ExecResult result = box.run("", "escape", secret.toAbsolutePath().toString());
        assertThat(result.stdout()).doesNotContain("ESCAPED")
                .contains("refused absolute", "refused dotdot", "refused symlink-root", "refused symlink-up");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void execTimeoutEndsABusyLoop() {
        ExecResult result = box.kernel().exec(List.of("busy"), WasmKernel.options("").withTimeout(Duration.ofMillis(300)));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGTERM);
    }

    @Test
    void eachTerminatingSignalEndsABusyLoopWithItsStatus() throws Exception {
        for (int signal : new int[] {Signals.SIGTERM, Signals.SIGINT, Signals.SIGHUP, Signals.SIGKILL,
                Signals.SIGUSR1, Signals.SIGALRM, Signals.SIGQUIT}) {
            KernelProcess busy = box.kernel().spawn("busy", List.of(), SpawnOptions.defaults()
                    .withRedirects(new Redirect.Null(), new Redirect.Pipe(), new Redirect.Null()));
            assertThat(readLine(busy.stdout())).isEqualTo("ready");
            busy.kill(signal);
            assertThat(busy.waitFor()).as("signal %d", signal).isEqualTo(128 + signal);
        }
    }

    @Test
    void aSignalWakesAProgramBlockedReadingAPipe() throws Exception {
        KernelProcess cat = box.kernel().spawn("wcat", List.of(), SpawnOptions.defaults()
                .withRedirects(new Redirect.Pipe(), new Redirect.Pipe(), new Redirect.Null()));
        cat.stdin().write("one\n".getBytes(StandardCharsets.UTF_8));
        cat.stdin().flush();
        assertThat(readLine(cat.stdout())).isEqualTo("one");
        cat.kill(Signals.SIGTERM);
        assertThat(cat.waitFor()).isEqualTo(128 + Signals.SIGTERM);
    }

    @Test
    void aSignalEndsAProgramBlockedInPollOrSleep() throws Exception {
        KernelProcess poll = box.kernel().spawn("poll", List.of(), SpawnOptions.defaults()
                .withRedirects(new Redirect.Pipe(), new Redirect.Pipe(), new Redirect.Null()));
        assertThat(readLine(poll.stdout())).startsWith("timeout: 0"); // now in a 10 s poll
        poll.kill(Signals.SIGTERM);
        assertThat(poll.waitFor()).isEqualTo(128 + Signals.SIGTERM);

        KernelProcess nap = box.kernel().spawn("nap", List.of("60000"), SpawnOptions.defaults()
                .withRedirects(new Redirect.Null(), new Redirect.Pipe(), new Redirect.Null()));
        assertThat(readLine(nap.stdout())).isEqualTo("napping");
        nap.kill(Signals.SIGHUP);
        assertThat(nap.waitFor()).isEqualTo(128 + Signals.SIGHUP);
    }

    @Test
    void aSleepStoppedAndContinuedStillSleepsItsTime() throws Exception {
        KernelProcess nap = box.kernel().spawn("nap", List.of("300"), SpawnOptions.defaults()
                .withRedirects(new Redirect.Null(), new Redirect.Pipe(), new Redirect.Null()));
        InputStream out = nap.stdout();
        assertThat(readLine(out)).isEqualTo("napping");
        nap.kill(Signals.SIGSTOP);
        nap.kill(Signals.SIGCONT);
        assertThat(readLine(out)).isEqualTo("slept enough");
        assertThat(nap.waitFor()).isZero();
    }

    @Test
    void stopAndContinueSuspendAProgramBlockedInARead() throws Exception {
        KernelProcess upper = box.kernel().spawn("upper", List.of(), SpawnOptions.defaults()
                .withRedirects(new Redirect.Pipe(), new Redirect.Pipe(), new Redirect.Null()));
        upper.kill(Signals.SIGSTOP);
        assertThat(box.kernel().processes().get(upper.pid()).status().toString()).isEqualTo("STOPPED");
        upper.kill(Signals.SIGCONT);
        upper.stdin().write("go\n".getBytes(StandardCharsets.UTF_8));
        upper.stdin().close();
        assertThat(new String(upper.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("GO\n");
        assertThat(upper.waitFor()).isZero();
    }

    @Test
    void mallocFailsAtTheProcessMemoryLimit() {
        try (WasmKernel small = new WasmKernel(builder -> builder.memoryLimit(16L << 20))) {
            ExecResult result = small.run("", "memhog");
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).endsWith("then malloc returned NULL\n");
        }
    }

    @Test
    void mallocFailsAtTheMemoryLimitTheShellSets() {
        ExecResult result = box.sh("ulimit -v 16384; memhog");
        assertThat(result.exitCode()).isZero();
        assertThat(allocatedMiB(result)).isBetween(1, 15);
    }

    @Test
    void linearMemoryCountsAgainstTheKernelsMemory() {
        try (WasmKernel small = new WasmKernel(builder -> builder, KernelLimits.defaults().withMemoryBytes(24L << 20))) {
            ExecResult first = small.run("", "memhog");
            assertThat(first.exitCode()).isZero();
            assertThat(allocatedMiB(first)).isBetween(1, 23);
            // the pages went back when the process ended: a second run gets as many
            assertThat(allocatedMiB(small.run("", "memhog"))).isEqualTo(allocatedMiB(first));
            assertThat(small.kernel().memoryUsed()).isLessThan(1L << 20);
        }
    }

    @Test
    void aModuleWhoseInitialMemoryIsOverTheLimitIsRefusedWithENOMEM() {
        ExecResult result = box.sh("ulimit -v 64; hello");
        assertThat(result.exitCode()).isEqualTo(126);
        assertThat(result.stderr()).contains("hello: needs ").contains("Cannot allocate memory")
                .doesNotContain("Exception");
    }

    @Test
    void aComputationPastItsCpuLimitEndsWithSigxcpu() {
        ExecResult result = box.sh("ulimit -St 1; busy > /dev/null; echo $?");
        assertThat(result.stdout()).isEqualTo((128 + Signals.SIGXCPU) + "\n");
    }

    @Test
    void anExecCpuBudgetEndsAComputation() {
        ExecResult result = box.kernel().exec(List.of("busy"), WasmKernel.options("").withCpuTime(Duration.ofMillis(500)));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).isEqualTo(128 + Signals.SIGXCPU);
    }

    private static int allocatedMiB(ExecResult memhog) {
        String out = memhog.stdout();
        assertThat(out).startsWith("allocated ").endsWith("then malloc returned NULL\n");
        return Integer.parseInt(out.substring("allocated ".length(), out.indexOf(" MiB")));
    }
}
