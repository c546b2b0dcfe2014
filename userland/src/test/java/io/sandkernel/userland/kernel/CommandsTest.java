package io.sandkernel.userland.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.Signals;
import io.sandkernel.process.ProcessInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kernel's own commands (kill, ps, init) and the default command set. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void killCommandSendsTermByDefaultAndNamedOrNumberedSignals() throws Exception {
        KernelProcess a = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        KernelProcess b = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        KernelProcess c = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        assertThat(kernel.exec("kill", String.valueOf(a.pid())).exitCode()).isZero();
        assertThat(kernel.exec("kill", "-9", String.valueOf(b.pid())).exitCode()).isZero();
        assertThat(kernel.exec("kill", "-s", "USR1", String.valueOf(c.pid())).exitCode()).isZero();
        assertThat(a.waitFor(WAIT)).hasValue(143);
        assertThat(b.waitFor(WAIT)).hasValue(137);
        assertThat(c.waitFor(WAIT)).hasValue(128 + Signals.SIGUSR1);
    }

    @Test
    void killCommandReportsErrors() {
        ExecResult missing = kernel.exec("kill", "999999");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such process");
        assertThat(kernel.exec("kill", "-BOGUS", "1").exitCode()).isEqualTo(2);
        assertThat(kernel.exec("kill").exitCode()).isEqualTo(2);
        ExecResult init = kernel.exec("kill", "-9", "1");
        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.stderr()).contains("Operation not permitted");
    }

    @Test
    void killCommandListsSignals() {
        assertThat(kernel.exec("kill", "-l").stdout()).contains("SIGTERM").contains("SIGKILL");
        assertThat(kernel.exec("kill", "-l", "143").stdout()).isEqualTo("TERM\n");
        assertThat(kernel.exec("kill", "-l", "KILL").stdout()).isEqualTo("9\n");
    }

    @Test
    void psShowsInitAndStoppedProcesses() throws Exception {
        KernelProcess stopped = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        stopped.kill(Signals.SIGSTOP);
        String ps = kernel.exec("ps").stdout();
        assertThat(ps).containsPattern("(?m)^\\s+1\\s+0\\s+1\\s+1\\s+Rs\\s+init$");
        assertThat(ps).containsPattern("(?m)^\\s+" + stopped.pid() + "\\s+0\\s+\\d+\\s+\\d+\\s+Ts\\s+t-sleep$");
    }

    @Test
    void initAdoptsAndReapsOrphans() throws Exception {
        TestPrograms.SCRIPTS.put("orphan-maker", p -> {
            int child = p.spawn(new SpawnRequest(List.of("t-sleep", "200"), p.env(), p.cwd(), new Redirect.Null(),
                    new Redirect.Null(), new Redirect.Null(), -1, false));
            p.stdout().println(child);
            return 0;
        });
        KernelProcess parent = kernel.spawn("t-script", List.of("orphan-maker"), SpawnOptions.defaults());
        int orphan = Integer.parseInt(TestPrograms.readLine(parent.stdout()));
        assertThat(parent.waitFor(WAIT)).hasValue(0);
        assertThat(TestPrograms.eventually(WAIT, () -> !kernel.processes().containsKey(orphan)
                || kernel.processes().get(orphan).ppid() == 1)).isTrue();
        assertThat(TestPrograms.eventually(WAIT, () -> !kernel.processes().containsKey(orphan))).isTrue();
        assertThat(kernel.processes().get(1).status()).isEqualTo(ProcessStatus.RUNNING);
    }

    @Test
    void defaultCommandsIncludeTheCoreutils() {
        assertThat(kernel.commands()).containsKeys("echo", "cat", "true", "false", "kill", "ps");
        assertThat(kernel.exec("echo", "hello").stdout()).isEqualTo("hello\n");
        assertThat(kernel.exec("false").exitCode()).isEqualTo(1);
        assertThat(kernel.exec(List.of("cat"), ExecOptions.defaults().withStdin("in\n")).stdout()).isEqualTo("in\n");
    }

    @Test
    void psReadsProcWithTheTablesPidsParentsGroupsAndSessions() throws Exception {
        TestPrograms.SCRIPTS.put("group-leader", p -> {
            p.spawn(new SpawnRequest(List.of("t-sleep", "60000"), p.env(), p.cwd(), new Redirect.Null(),
                    new Redirect.Null(), new Redirect.Null(), 0, false));
            p.spawn(new SpawnRequest(List.of("t-sleep", "60000"), p.env(), p.cwd(), new Redirect.Null(),
                    new Redirect.Null(), new Redirect.Null(), -1, false));
            p.sleep(Duration.ofSeconds(60));
            return 0;
        });
        KernelProcess leader = kernel.spawn("t-script", List.of("group-leader"), SpawnOptions.defaults());
        assertThat(TestPrograms.eventually(WAIT, () -> kernel.processes().values().stream()
                .filter(info -> info.ppid() == leader.pid()).count() == 2)).isTrue();
        SortedMap<Integer, ProcessInfo> before = kernel.processes();
        String ps = kernel.exec("ps").stdout();
        SortedMap<Integer, ProcessInfo> after = kernel.processes();
        Map<Integer, String[]> rows = new TreeMap<>();
        for (String line : ps.lines().skip(1).toList()) {
            String[] fields = line.trim().split("\\s+", 6);
            rows.put(Integer.parseInt(fields[0]), fields);
        }
        int compared = 0;
        for (ProcessInfo info : before.values()) {
            if (info.equals(after.get(info.pid()))) {
                String[] row = rows.get(info.pid());
                assertThat(row).as("ps row of %s in%n%s", info, ps).isNotNull();
                assertThat(List.of(row[1], row[2], row[3])).as("ppid pgid sid of %d", info.pid())
                        .containsExactly(String.valueOf(info.ppid()), String.valueOf(info.pgid()),
                                String.valueOf(info.sid()));
                assertThat(row[5]).isEqualTo(info.command());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(4); // init, the leader and its two children
        assertThat(rows.keySet()).containsAll(before.keySet().stream().filter(after::containsKey).toList());
    }

    @Test
    void psDashFShowsTheArgumentsFromProcCmdline() {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        assertThat(kernel.exec("ps", "-f").stdout())
                .containsPattern("(?m)^\\s+" + sleeper.pid() + "\\s.*\\st-sleep 60000$");
    }

    @Test
    void devicesThroughTheShell() {
        assertThat(kernel.exec("head -c 5 /dev/zero | wc -c", ExecOptions.defaults().withTimeout(WAIT)).stdout())
                .isEqualTo("5\n");
        assertThat(kernel.exec("cat /dev/null; echo end", ExecOptions.defaults().withTimeout(WAIT)).stdout())
                .isEqualTo("end\n");
        ExecResult full = kernel.exec("seq 3 > /dev/full", ExecOptions.defaults().withTimeout(WAIT));
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.stderr()).isEqualTo("seq: write error: No space left on device\n");
    }

    @Test
    void aPipeClosedEarlyEndsTheWriterBySigpipeNotByAnError() {
        ExecResult result = kernel.exec("yes | head -n 2", ExecOptions.defaults().withTimeout(WAIT));
        assertThat(result.stdout()).isEqualTo("y\ny\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }
}
