package io.sandkernel.driver.host;

import static io.sandkernel.driver.host.HostFixture.alive;
import static io.sandkernel.driver.host.HostFixture.await;
import static io.sandkernel.driver.host.HostFixture.awaitState;
import static io.sandkernel.driver.host.HostFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host programs run confined: they reach no host file outside their binds, see no host process
 * and no network, and their whole process tree dies with them. Each check runs under bubblewrap
 * and under the unshare fallback, where the tool works on this machine.
 */
@Timeout(60)
class HostConfinementTest {
    @TempDir
    Path dir;

    static Stream<String> confinements() {
        return Stream.of("bwrap", "unshare");
    }

    /** The named confinement; the test is skipped, saying why, when it cannot confine here. */
    private static HostConfinement confinement(String tool) {
        Path path = Path.of("/usr/bin", tool);
        assumeTrue(Files.isExecutable(path), tool + " is not installed");
        HostConfinement confinement = tool.equals("bwrap") ? HostConfinement.bubblewrap(path)
                : HostConfinement.unshare(path);
        assumeTrue(ConfinementProbe.works(confinement, Path.of("/bin/true")), tool + " cannot confine here");
        return confinement;
    }

    private static HostDriver.Builder confined(String tool) {
        return HostDriver.builder().confinement(confinement(tool));
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void aShellReadsNoHostFileOutsideItsBinds(String tool) throws Exception {
        Path secret = Files.createTempFile("sandkernel-secret", ".txt"); // in the host's /tmp
        String canary = "canary-" + UUID.randomUUID();
        Files.writeString(secret, canary);
        Path jvmDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        try (HostDriver driver = confined(tool).allow("sh").build()) {
            HostFixture.Run sh = run(driver, "sh", "-c", "cat " + secret + " /etc/shadow;"
                    + " for d in /root /home " + jvmDirectory + "; do ls -A $d 2>/dev/null; done; echo done");

            assertThat(sh.exitCode()).isZero();
            assertThat(sh.out()).as("no secret, and nothing in /root, /home or the JVM's directory")
                    .isEqualTo("done\n");
            assertThat(sh.err()).contains(secret.toString()).contains("/etc/shadow");
        } finally {
            Files.delete(secret);
        }
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void boundDirectoriesAreWritableAtTheirGuestPathsAndReadOnlyWhenBoundSo(String tool) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path shelf = Files.createDirectory(dir.resolve("shelf"));
        Files.writeString(shelf.resolve("book"), "words\n");
        try (HostDriver driver = confined(tool).allow("sh").bind("/data", data, false).bind("/srv/shelf", shelf, true)
                .build()) {
            HostFixture.Run sh = run(driver, "sh", "-c", "echo written > /data/new; cat /srv/shelf/book;"
                    + " echo no > /srv/shelf/book; touch /srv/shelf/other; echo status $?");

            assertThat(sh.exitCode()).isZero();
            assertThat(sh.out()).isEqualTo("words\nstatus 1\n");
            assertThat(sh.err()).contains("Read-only file system");
        }
        assertThat(Files.readString(data.resolve("new"))).isEqualTo("written\n");
        assertThat(Files.readString(shelf.resolve("book"))).isEqualTo("words\n");
        assertThat(shelf.resolve("other")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void aProgramSeesOnlyItsOwnProcessesAndNoNetwork(String tool) throws Exception {
        try (HostDriver driver = confined(tool).allow("sh").build()) {
            HostFixture.Run sh = run(driver, "sh", "-c", "for p in /proc/[0-9]*; do echo \"${p#/proc/}"
                    + " $(cat $p/comm)\"; done; echo net; tail -n +3 /proc/net/dev | cut -d: -f1");

            assertThat(sh.exitCode()).isZero();
            String[] parts = sh.out().split("net\n");
            List<String> processes = parts[0].lines().toList();
            assertThat(processes).as("only the confinement's own few processes").hasSizeLessThanOrEqualTo(4)
                    .noneMatch(line -> line.contains("java"))
                    .allMatch(line -> Long.parseLong(line.split(" ")[0]) < 100);
            assertThat(parts[1].lines().map(String::strip).toList()).containsExactly("lo");
        }
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void descendantsThatCallSetsidAndClearTheirEnvironmentDieWhenTheDriverCloses(String tool) throws Exception {
        String marker = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        HostDriver driver = confined(tool).allow("sh").build();
        HostFixture.Run sh;
        List<Long> escaped;
        try {
            sh = run(driver, HostFixture.silentStdin(), "sh", "-c",
                    "setsid env -i sleep " + marker + " & setsid sh -c 'env -i sleep " + marker + " &'; wait");
            await("two detached sleeps", () -> hostProcessesWithArgument(marker).size() == 2);
            escaped = hostProcessesWithArgument(marker);
        } finally {
            driver.close();
        }

        for (long pid : escaped) {
            await("sleep " + pid + " to die with the driver", () -> !alive(pid));
        }
        assertThat(sh.exitCode()).isEqualTo(137);
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void sigkillOfTheProcessKillsItsWholeTree(String tool) throws Exception {
        String marker = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        try (HostDriver driver = confined(tool).allow("sh").build()) {
            HostFixture.Run sh = run(driver, HostFixture.silentStdin(), "sh", "-c",
                    "setsid env -i sleep " + marker + " & wait");
            await("the detached sleep", () -> hostProcessesWithArgument(marker).size() == 1);
            long sleep = hostProcessesWithArgument(marker).get(0);

            sh.process.kill(Signals.SIGKILL);

            assertThat(sh.exitCode()).isEqualTo(137);
            await("sleep " + sleep + " to die with its tree", () -> !alive(sleep));
        }
    }

    @ParameterizedTest
    @MethodSource("confinements")
    void signalsReachTheProgramNotItsWrappers(String tool) throws Exception {
        try (HostDriver driver = confined(tool).allow("sh").build()) {
            HostFixture.Run sh = run(driver, HostFixture.silentStdin(), "sh", "-c",
                    "trap 'echo got TERM; exit 7' TERM; echo ready; while :; do sleep 0.05; done");
            await("the trap to be set", () -> sh.out().contains("ready"));
            long program = ((HostProcess) sh.process).program().pid();
            assertThat(program).isNotEqualTo(sh.pid());

            sh.process.kill(Signals.SIGSTOP);
            awaitState(program, 'T');
            sh.process.kill(Signals.SIGCONT);
            sh.process.kill(Signals.SIGTERM);

            assertThat(sh.exitCode()).isEqualTo(7);
            assertThat(sh.out()).isEqualTo("ready\ngot TERM\n");
        }
    }

    @Test
    void whereNothingConfinesAStartFailsWithEnosys() {
        try (HostDriver driver = HostDriver.builder().confinement(HostConfinement.refusing("no namespaces in this test"))
                .allow("true").build()) {
            assertThatThrownBy(() -> run(driver, "true"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOSYS))
                    .hasMessageContaining("no namespaces in this test")
                    .hasMessageContaining("--allow-host-unconfined");
        }
    }

    @Test
    void anExplicitAllowanceRunsProgramsUnconfinedWhereNothingConfines() throws Exception {
        try (HostDriver driver = HostDriver.builder().confinement(HostConfinement.refusing("no namespaces in this test"))
                .allowUnconfined().allow("sh").build()) {
            HostFixture.Run sh = run(driver, "sh", "-c", "echo $$");

            assertThat(sh.exitCode()).isZero();
            assertThat(Long.parseLong(sh.out().strip())).as("the program is the OS process itself").isEqualTo(sh.pid());
        }
    }

    @Test
    void theDefaultConfinementIsTheBestThatWorksHere() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bwrap is not installed");
        try (HostDriver driver = HostDriver.builder().allow("sh").build()) {
            HostFixture.Run sh = run(driver, "sh", "-c", "echo $$");

            assertThat(sh.exitCode()).isZero();
            assertThat(sh.out().strip()).as("pid in a namespace of its own").isEqualTo("2");
        }
    }

    /** Live host processes whose command line is exactly {@code sleep <marker>}. */
    private static List<Long> hostProcessesWithArgument(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)
                        && p.info().arguments().map(a -> List.of(a).equals(List.of(marker))).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
