package io.sandkernel.userland.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.KernelException;
import io.sandkernel.driver.host.HostConfinement;
import io.sandkernel.driver.host.HostDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.userland.Sandkernel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An allowed host program is host code execution unless it is confined: these are the tricks that
 * make one program run others ({@code git}'s shell aliases, {@code env}), and what those others
 * still cannot do through the kernel's host driver: read the host's files outside the mounts, see
 * the host's processes or network, or outlive the kernel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostProgramConfinementTest {
    private static final ExecOptions TEN_SECONDS = ExecOptions.defaults().withTimeout(Duration.ofSeconds(10));

    @TempDir
    Path mounted;
    private Path secret;
    private String canary;

    @BeforeEach
    void plantASecretOutsideTheMounts() throws IOException {
        assumeTrue(confinesHere(), "host programs cannot be confined here (no working bwrap or unshare)");
        secret = Files.createTempFile("sandkernel-secret", ".txt"); // in the host's /tmp
        canary = "canary-" + UUID.randomUUID();
        Files.writeString(secret, canary);
    }

    @AfterEach
    void removeTheSecret() throws IOException {
        if (secret != null) {
            Files.deleteIfExists(secret);
        }
    }

    /** Whether the default confinement confines on this machine (rather than refusing). */
    static boolean confinesHere() {
        try {
            HostConfinement.detect().confine(List.of("/bin/true"),
                    new HostConfinement.View(List.of(), "/", Path.of("/bin/true")));
            return true;
        } catch (KernelException e) {
            return false;
        }
    }

    private Kernel kernel(String... hostPrograms) {
        // no bind: the kernel tells the driver its mounts, and the program sees /data there
        HostDriver host = HostDriver.builder().allow(hostPrograms).build();
        return Sandkernel.builder().mount("/data", mounted, false).grantHostAccess().driver(host).build();
    }

    @Test
    void aGitShellAliasRunsConfined() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        try (Kernel kernel = kernel("git")) {
            ExecResult alias = kernel.exec("cd /data && git -c alias.x='!cat " + secret + "; id -u; echo made > new;"
                    + " ls /proc | grep -c ^[0-9]' x", TEN_SECONDS);
            ExecResult diff = kernel.exec("git diff --no-index /etc/shadow /dev/null", TEN_SECONDS);

            assertThat(alias.stdout()).doesNotContain(canary);
            assertThat(alias.stderr()).contains(secret.toString());
            assertThat(Integer.parseInt(alias.stdout().lines().toList().get(1).strip()))
                    .as("processes visible to the alias").isLessThanOrEqualTo(6);
            assertThat(mounted.resolve("new")).as("the alias ran in the mounted directory").hasContent("made");
            assertThat(diff.exitCode()).isNotZero();
            assertThat(diff.stdout()).doesNotContain("root:");
        }
    }

    @Test
    void aGitExecPathInTheMountRunsItsScriptConfined() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
        Path script = mounted.resolve("git-steal");
        Files.writeString(script, "#!/bin/sh\ncat " + secret + "\necho ran\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Kernel kernel = kernel("git")) {
            ExecResult result = kernel.exec("GIT_EXEC_PATH=/data git steal", TEN_SECONDS);

            assertThat(result.stdout()).isEqualTo("ran\n").doesNotContain(canary);
            assertThat(result.stderr()).contains(secret.toString());
        }
    }

    @Test
    void aShellStartedThroughEnvReadsOnlyTheMountsAndHasNoNetwork() throws IOException {
        Files.writeString(mounted.resolve("shared"), "for the program\n");
        try (Kernel kernel = kernel("env")) {
            ExecResult result = kernel.exec(List.of("env", "sh", "-c", "cat /data/shared " + secret
                    + "; cat /proc/net/dev | tail -n +3 | cut -d: -f1; ls /sys/class/net 2>/dev/null"), TEN_SECONDS);

            assertThat(result.stdout()).isEqualTo("for the program\n    lo\n").doesNotContain(canary);
            assertThat(result.stderr()).contains("No such file or directory");
        }
    }

    @Test
    void aSetsidDescendantWithAClearedEnvironmentDiesWhenTheKernelCloses() throws Exception {
        String marker = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        List<Long> escaped;
        try (Kernel kernel = kernel("env")) {
            KernelProcess parent = kernel.spawn("env", List.of("sh", "-c",
                    "setsid env -i sleep " + marker + " </dev/null >/dev/null 2>&1 & echo started; wait"),
                    SpawnOptions.defaults());
            BufferedReader output = new BufferedReader(new InputStreamReader(parent.stdout(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("started");
            escaped = awaitHostSleep(marker);
            assertThat(escaped).as("the detached sleep, in a session of its own").hasSize(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(escaped.get(0)).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(System.nanoTime()).as("sleep %d still alive after close", escaped.get(0)).isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(hostSleeps(marker)).isEmpty();
    }

    private static List<Long> awaitHostSleep(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Long> found = hostSleeps(marker);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            found = hostSleeps(marker);
        }
        return found;
    }

    /** Live host processes whose command line is exactly {@code sleep <marker>}. */
    private static List<Long> hostSleeps(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)
                        && p.info().arguments().map(a -> List.of(a).equals(List.of(marker))).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
