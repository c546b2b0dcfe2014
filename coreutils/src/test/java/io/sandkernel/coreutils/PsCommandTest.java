package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.Signals;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ps: Linux's /proc/PID/stat parsed as procps does, and the rows it prints on a kernel. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PsCommandTest {
    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void statLineGivesIdsStateAndCommand() {
        PsCommand.Row row = PsCommand.parseStat("42 (sleep) S 7 42 7 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 5 0");
        assertThat(row).isEqualTo(new PsCommand.Row(42, 7, 42, 7, "S", "sleep"));
    }

    @Test
    void statLineCommandMayHoldSpacesAndParentheses() {
        PsCommand.Row row = PsCommand.parseStat("5 (a (b) c) T 1 5 5 0 -1 0");
        assertThat(row).isEqualTo(new PsCommand.Row(5, 1, 5, 5, "Ts", "a (b) c"));
    }

    @Test
    void statLineMarksZombiesAndTheForegroundGroupOfATerminal() {
        assertThat(PsCommand.parseStat("9 (x) Z 1 9 2 0 -1 0").command()).isEqualTo("[x] <defunct>");
        assertThat(PsCommand.parseStat("9 (sh) R 1 9 9 34816 9 0").stat()).isEqualTo("Rs+");
    }

    @Test
    void psListsTheKernelsProcessesFromProc() throws Exception {
        KernelProcess stopped = process.start("sleep", "60");
        stopped.kill(Signals.SIGSTOP);
        Map<Integer, ProcessInfo> table = process.kernel().processes();
        String ps = process.run("ps").out();
        assertThat(ps).startsWith("    PID    PPID    PGID     SID STAT COMMAND\n");
        assertThat(ps).containsPattern("(?m)^ +1 +0 +1 +1 +\\S+ +init$");
        ProcessInfo sleeper = table.get(stopped.pid());
        assertThat(ps).containsPattern("(?m)^ +" + sleeper.pid() + " +" + sleeper.ppid() + " +" + sleeper.pgid()
                + " +" + sleeper.sid() + " +Ts +sleep$");
        assertThat(process.run("ps", "-ef").out()).containsPattern("(?m)^ +" + sleeper.pid() + " .* sleep 60$");
        stopped.kill(Signals.SIGKILL);
        assertThat(stopped.waitFor(Sandbox.TIMEOUT)).isPresent();
    }
}
