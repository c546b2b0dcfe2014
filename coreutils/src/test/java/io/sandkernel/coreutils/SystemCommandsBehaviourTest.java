package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The system commands whose output depends on the machine or the moment, which GNU cannot be
 * an oracle for: the sandbox's identity (uname, hostname, nproc, getconf), now (date), the
 * kernel's file systems (df), what the kernel cannot do (mkfifo, setting the clock or the host
 * name), and the launchers' handling of time and signals (timeout, time, nice, nohup).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemCommandsBehaviourTest {
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.create();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void unamePresentsALinuxIdentityWithTheKernelsHostName() {
        assertThat(sandbox.run("uname").out()).isEqualTo("Linux\n");
        assertThat(sandbox.run("uname", "-n").out()).isEqualTo("sandkernel\n");
        assertThat(sandbox.run("uname", "-a").out())
                .matches("Linux sandkernel 6\\.1\\.0-sandkernel #1 SMP PREEMPT_DYNAMIC Sandkernel \\S+ \\S+ GNU/Linux\n");
        assertThat(sandbox.run("uname", "-p", "-i").out()).isEqualTo("unknown unknown\n");
        assertThat(sandbox.run("uname", "-srmo").out()).matches("Linux 6\\.1\\.0-sandkernel \\S+ GNU/Linux\n");
        Sandbox.Result bad = sandbox.run("uname", "-x");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n");
        assertThat(sandbox.run("uname", "extra").err()).startsWith("uname: extra operand 'extra'\n");
    }

    @Test
    void hostnameReadsTheKernelsNameAndCannotChangeIt() {
        assertThat(sandbox.run("hostname").out()).isEqualTo("sandkernel\n");
        assertThat(sandbox.run("hostname", "-s").out()).isEqualTo("sandkernel\n");
        assertThat(sandbox.run("hostname", "-f").out()).isEqualTo("sandkernel\n");
        assertThat(sandbox.run("hostname", "-d").out()).isEqualTo("\n");
        Sandbox.Result set = sandbox.run("hostname", "other");
        assertThat(set.status()).isEqualTo(1);
        assertThat(set.err()).isEqualTo("hostname: you must be root to change the host name\n");
        assertThat(sandbox.run("cat", "/etc/hostname").out()).isEqualTo("sandkernel\n");
    }

    @Test
    void nprocCountsTheProcessorsLessIgnoredOnesAndHonoursOpenMp() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(sandbox.run("nproc").out()).isEqualTo(processors + "\n");
        assertThat(sandbox.run("nproc", "--ignore=1000").out()).isEqualTo("1\n");
        sandbox.env("OMP_NUM_THREADS", "3");
        assertThat(sandbox.run("nproc").out()).isEqualTo("3\n");
        assertThat(sandbox.run("nproc", "--all").out()).isEqualTo(processors + "\n");
        assertThat(sandbox.run("getconf", "_NPROCESSORS_ONLN").out()).isEqualTo(processors + "\n");
    }

    @Test
    void getconfReportsTheKernelsLimits() {
        assertThat(sandbox.run("getconf", "ARG_MAX").out()).isEqualTo("262144\n");
        assertThat(sandbox.run("getconf", "OPEN_MAX").out()).isEqualTo("256\n");
        assertThat(sandbox.run("getconf", "PAGESIZE").out()).isEqualTo("4096\n");
        assertThat(sandbox.run("getconf", "-a").out()).contains("LONG_BIT                           64\n");
    }

    @Test
    void dateWithoutADateIsNow() {
        long before = Instant.now().getEpochSecond();
        long printed = Long.parseLong(sandbox.run("date", "+%s").out().strip());
        long after = Instant.now().getEpochSecond();
        assertThat(printed).isBetween(before, after);
        assertThat(sandbox.run("date").out()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d UTC \\d{4}\n");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String yesterday = sandbox.run("date", "-d", "yesterday", "+%F").out().strip();
        String tomorrow = sandbox.run("date", "-d", "tomorrow", "+%F").out().strip();
        assertThat(LocalDate.parse(yesterday)).isIn(today.minusDays(1), today);
        assertThat(LocalDate.parse(tomorrow)).isIn(today.plusDays(1), today.plusDays(2));
        long inTwoHours = Long.parseLong(sandbox.run("date", "-d", "+2 hours", "+%s").out().strip());
        assertThat(inTwoHours - before).isBetween(7199L, 7210L);
        long daysAgo = Long.parseLong(sandbox.run("date", "-d", "3 days ago", "+%s").out().strip());
        assertThat(before - daysAgo).isBetween(3 * 86400L - 10, 3 * 86400L + 1);
    }

    @Test
    void theClockCannotBeSet() {
        Sandbox.Result set = sandbox.run("date", "-s", "2024-01-01");
        assertThat(set.status()).isEqualTo(1);
        assertThat(set.err()).isEqualTo("date: cannot set date: Operation not permitted\n");
        assertThat(sandbox.run("date", "010100002024").err()).isEqualTo("date: cannot set date: Operation not permitted\n");
    }

    @Test
    void dfListsTheKernelsFileSystemsFromStatfs() {
        Sandbox.Result df = sandbox.run("df");
        assertThat(df.status()).isZero();
        assertThat(df.out()).startsWith("Filesystem     1K-blocks  Used Available Use% Mounted on\n")
                .containsPattern("(?m)^tmpfs +65536 +\\d+ +\\d+ +\\d+% /$");
        assertThat(sandbox.run("df", "-hT", "/tmp").out())
                .matches("Filesystem     Type   Size  Used Avail Use% Mounted on\ntmpfs          tmpfs   64M .*% /\n");
        assertThat(sandbox.run("df", "-P").out()).startsWith("Filesystem     1024-blocks  Used Available Capacity Mounted on\n");
        assertThat(sandbox.run("df", "-i").out()).contains("Inodes").contains("IUse%");
        assertThat(sandbox.run("df", "-a").out()).contains(" /proc\n");
        Sandbox.Result missing = sandbox.run("df", "missing");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("df: missing: No such file or directory\n");
    }

    @Test
    void groupsNamesTheProcesssGroups() {
        assertThat(sandbox.run("groups").out()).isEqualTo("user\n");
        assertThat(sandbox.run("groups", "root", "user").out()).isEqualTo("root : root\nuser : user\n");
        Sandbox.Result unknown = sandbox.run("groups", "nobody");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("groups: 'nobody': no such user\n");
    }

    @Test
    void whichFindsTheKernelsProgramsByName() {
        Sandbox.Result found = sandbox.run("which", "echo", "find");
        assertThat(found.status()).isZero();
        assertThat(found.out()).isEqualTo("echo\nfind\n");
        Sandbox.Result missing = sandbox.run("which", "echo", "nosuchcommand");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).isEqualTo("echo\n");
        assertThat(sandbox.run("which").status()).isEqualTo(1);
        sandbox.file("bin/tool", "#!/bin/sh\n").chmod("bin/tool", 0755).file("bin/plain", "x");
        sandbox.env("PATH", "/home/user/work/bin:/usr/bin:/bin");
        assertThat(sandbox.run("which", "-a", "tool", "plain").out()).isEqualTo("/home/user/work/bin/tool\n");
        assertThat(sandbox.run("which", "./bin/tool").out()).isEqualTo("./bin/tool\n");
    }

    @Test
    void mkfifoFailsAsOnAFileSystemWithoutFifos() {
        Sandbox.Result made = sandbox.run("mkfifo", "pipe");
        assertThat(made.status()).isEqualTo(1);
        assertThat(made.err()).isEqualTo("mkfifo: cannot create fifo 'pipe': Operation not permitted\n");
        assertThat(sandbox.exists("pipe")).isFalse();
        sandbox.file("taken", "");
        assertThat(sandbox.run("mkfifo", "taken").err()).isEqualTo("mkfifo: cannot create fifo 'taken': File exists\n");
        assertThat(sandbox.run("mkfifo", "no/dir").err())
                .isEqualTo("mkfifo: cannot create fifo 'no/dir': No such file or directory\n");
        assertThat(sandbox.run("mkfifo", "-m", "xyz", "p").err()).isEqualTo("mkfifo: invalid mode\n");
        assertThat(sandbox.run("mkfifo").status()).isEqualTo(1);
    }

    @Test
    void timeoutSignalsTheCommandsGroupAndReports124() {
        long start = System.nanoTime();
        Sandbox.Result timedOut = sandbox.run("timeout", "0.3", "sleep", "30");
        assertThat(timedOut.status()).isEqualTo(124);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(sandbox.run("timeout", "--preserve-status", "0.2", "sleep", "30").status()).isEqualTo(143);
        assertThat(sandbox.run("timeout", "-s", "KILL", "0.2", "sleep", "30").status()).isEqualTo(137);
        assertThat(sandbox.run("timeout", "5", "true").status()).isZero();
    }

    @Test
    void timeoutReachesACommandBlockedInARead() throws Exception {
        // xargs waits on a pipe the test keeps open: the signal must reach it inside the read
        KernelProcess process = sandbox.start("timeout", "0.2", "xargs", "echo");
        OptionalInt status = process.waitFor(Duration.ofSeconds(10));
        process.stdin().close();
        assertThat(status).hasValue(124);
    }

    @Test
    void timeoutOfAChildRunningFindStopsTheWalk() {
        sandbox.call(p -> {
            for (int i = 0; i < 60; i++) {
                p.mkdir("d" + i, 0755);
                for (int j = 0; j < 20; j++) {
                    p.mkdir("d" + i + "/e" + j, 0755);
                }
            }
            return null;
        });
        long start = System.nanoTime();
        Sandbox.Result result = sandbox.run("timeout", "0.05", "find", ".", "-exec", "sleep", "0.01", ";");
        assertThat(result.status()).isEqualTo(124);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void timeMeasuresTheElapsedTimeAndPassesTheStatusOn() {
        Sandbox.Result timed = sandbox.run("time", "-p", "sleep", "0.2");
        assertThat(timed.status()).isZero();
        assertThat(timed.err()).matches("real (\\d+\\.\\d\\d)\nuser \\d+\\.\\d\\d\nsys 0\\.00\n");
        double real = Double.parseDouble(timed.err().substring(5, timed.err().indexOf('\n')));
        assertThat(real).isBetween(0.19, 5.0);
        Sandbox.Result failed = sandbox.run("time", "false");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).matches("(?s)Command exited with non-zero status 1\n\\d+\\.\\d\\duser 0\\.00system 0:00\\..*");
        assertThat(sandbox.run("time", "-f", "%e", "true").err()).matches("\\d+\\.\\d\\d\n");
    }

    @Test
    void niceAcceptsAnAdjustmentAndRunsTheCommandAtTheOneKernelPriority() {
        assertThat(sandbox.run("nice").out()).isEqualTo("0\n");
        assertThat(sandbox.run("nice", "-n", "10", "nice").out()).isEqualTo("0\n");
        Sandbox.Result echo = sandbox.run("nice", "-n", "19", "echo", "low");
        assertThat(echo.out()).isEqualTo("low\n");
        assertThat(sandbox.run("nice", "-n", "-5", "false").status()).isEqualTo(1);
    }

    @Test
    void nohupRunsTheCommandWithItsOwnStreamsWhenTheyAreNoTerminal() {
        Sandbox.Result result = sandbox.run("nohup", "echo", "hung");
        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("hung\n");
        assertThat(result.err()).isEmpty();
        assertThat(sandbox.exists("nohup.out")).isFalse();
    }
}
