package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.Program;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Subshells, command substitutions and pipeline elements are forked copies of the shell's state
 * held in memory: no command line, no child {@code sh} started by name, and signals reach a
 * script that computes without system calls.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForkedSubshellTest {
    private final AtomicInteger shellsStarted = new AtomicInteger();
    private TestKernel kernel;

    @BeforeEach
    void setUp() {
        Program counting = process -> {
            shellsStarted.incrementAndGet();
            return new Shell().run(process);
        };
        kernel = new TestKernel(counting);
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private String out(String script) {
        return kernel.sh("", "-c", script).out();
    }

    @Test
    void aThreeHundredKilobyteVariableReachesEveryKindOfSubshell() {
        String script = "big=$(printf '%0300000d' 0); echo ${#big}; ( echo sub ${#big} ); echo cmd $(echo ${#big});"
                + " echo x | { read y; echo pipe ${#big}; }; f() { echo func ${#big}; }; f | cat;"
                + " (echo bg ${#big}) & wait";
        TestKernel.Result result = kernel.sh("", "-c", script);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("300000\nsub 300000\ncmd 300000\npipe 300000\nfunc 300000\nbg 300000\n");
    }

    @Test
    void builtinsAndCompoundCommandsInPipelinesStartNoShellByName() {
        String out = out("echo a | { read x; echo got $x; } | cat; (echo b); f() { echo c; }; f | cat; y=$(echo d);"
                + " echo $y; while read l; do echo $l; done <<EOF\ne\nEOF\n");
        assertThat(out).isEqualTo("got a\nb\nc\nd\ne\n");
        assertThat(shellsStarted).hasValue(1);
    }

    @Test
    void aSubshellsChangesStayInIt() {
        assertThat(out("x=1; (x=2; cd /tmp; f() { :; }; alias z=y; set -e); echo $x $PWD $-; command -v f z; echo $?"))
                .isEqualTo("1 /home/user\n127\n");
    }

    @Test
    void aSubshellHasItsOwnPidButKeepsDollarDollar() {
        assertThat(out("a=$$; b=$(echo $$); [ $a = $b ] && echo same")).isEqualTo("same\n");
    }

    @Test
    void exitAndReturnAndBreakEndOnlyTheSubshell() {
        assertThat(out("(exit 3); echo $?; f() { (return 4); echo f $?; }; f;"
                + " for i in 1 2; do (break); echo loop $i; done")).isEqualTo("3\nf 4\nloop 1\nloop 2\n");
    }

    @Test
    void ignoredSignalsStayIgnoredInSubshellsAndCaughtOnesAreReset() {
        assertThat(out("trap '' USR1; trap 'echo caught' USR2; (sh -c 'kill -USR1 $PPID'; echo survived);"
                + " (sh -c 'kill -USR2 $PPID'; echo not reached); echo $?")).isEqualTo("survived\n140\n");
    }

    @Test
    void aTightLoopIsEndedBySignals() throws Exception {
        KernelProcess loop = kernel.kernel().spawn("sh", List.of("-c", "while :; do :; done"),
                SpawnOptions.defaults());
        Thread.sleep(200);
        loop.kill(Signals.SIGTERM);
        OptionalInt status = loop.waitFor(Duration.ofSeconds(20));
        assertThat(status).hasValue(128 + Signals.SIGTERM);
    }

    @Test
    void aTightLoopInAFunctionRunsItsTrap() throws Exception {
        KernelProcess loop = kernel.kernel().spawn("sh", List.of("-c",
                "trap 'echo got; exit 7' TERM; f() { while :; do i=$((i+1)); done; }; f"), SpawnOptions.defaults());
        Thread.sleep(200);
        loop.kill(Signals.SIGTERM);
        assertThat(loop.waitFor(Duration.ofSeconds(20))).hasValue(7);
    }
}
