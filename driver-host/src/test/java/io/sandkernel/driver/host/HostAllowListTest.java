package io.sandkernel.driver.host;

import static io.sandkernel.driver.host.HostFixture.launch;
import static io.sandkernel.driver.host.HostFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.spi.StandardStreams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The host driver runs only what the embedder allowed, resolved when the driver is built. */
@Timeout(30)
class HostAllowListTest {
    @TempDir
    Path dir;

    private static StandardStreams noStreams() {
        return new StandardStreams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @Test
    void aDriverWithNothingAllowedOffersNoCommandsAndRunsNothing() {
        try (HostDriver driver = HostFixture.unconfined().build()) {
            assertThat(driver.name()).isEqualTo("host");
            assertThat(driver.commands()).isEmpty();
            assertThatThrownBy(() -> driver.start(launch("/bin/true", List.of(), Map.of(), noStreams())))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        }
    }

    @Test
    void startingACommandOutsideTheAllowListFailsWithEacces() {
        try (HostDriver driver = HostFixture.unconfined().allow("/bin/true").build()) {
            assertThatThrownBy(() -> driver.start(launch("/bin/false", List.of(), Map.of(), noStreams())))
                    .isInstanceOfSatisfying(KernelException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EACCES);
                        assertThat(e.getMessage()).contains("/bin/false").contains("not allowed");
                    });
            assertThatThrownBy(() -> driver.start(launch("true", List.of(), Map.of(), noStreams())))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        }
    }

    @Test
    void commandsAreTheAllowedNamesAndBareNamesResolveInTheSearchPath() throws Exception {
        try (HostDriver driver = HostFixture.unconfined().allow("/bin/true", "echo").searchPath("/usr/bin:/bin").build()) {
            assertThat(driver.commands()).containsExactlyInAnyOrder("/bin/true", "echo");
            Path echo = driver.executables().get("echo");
            assertThat(echo).isAbsolute();
            assertThat(echo.getFileName().toString()).isEqualTo("echo");
            assertThat(Files.isExecutable(echo)).isTrue();
            assertThat(run(driver, "/bin/true").exitCode()).isZero();
        }
    }

    @Test
    void aNameCanBeBoundToAnExecutableOfAnyName() throws Exception {
        try (HostDriver driver = HostFixture.unconfined().allow("yes-it-is-true", Path.of("/bin/true")).build()) {
            assertThat(driver.commands()).containsExactly("yes-it-is-true");
            assertThat(run(driver, "yes-it-is-true").exitCode()).isZero();
        }
    }

    @Test
    void buildingFailsForACommandThatCannotBeFound() {
        assertThatThrownBy(() -> HostFixture.unconfined().allow("no-such-command-sandkernel").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-command-sandkernel");
        assertThatThrownBy(() -> HostFixture.unconfined().allow("/no/such/file").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostFixture.unconfined().allow("bin/true").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostFixture.unconfined().allow("echo").searchPath(dir.toString()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildingFailsForAWorkingDirectoryThatIsNotADirectory() {
        assertThatThrownBy(() -> HostFixture.unconfined().workingDirectory(dir.resolve("missing")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    @Test
    void anExecutableRemovedAfterBuildFailsToStartWithEnoent() throws Exception {
        Path script = script("gone.sh");
        try (HostDriver driver = HostFixture.unconfined().allow(script.toString()).build()) {
            Files.delete(script);
            assertThatThrownBy(() -> driver.start(launch(script.toString(), List.of(), Map.of(), noStreams())))
                    .isInstanceOfSatisfying(KernelException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                        assertThat(e.getMessage()).contains(script.toString());
                    });
        }
    }

    @Test
    void anExecutableThatLostItsExecutePermissionFailsToStartWithEacces() throws Exception {
        Path script = script("locked.sh");
        try (HostDriver driver = HostFixture.unconfined().allow(script.toString()).build()) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> driver.start(launch(script.toString(), List.of(), Map.of(), noStreams())))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        }
    }

    @Test
    void aClosedDriverStartsNothing() {
        HostDriver driver = HostFixture.unconfined().allow("/bin/true").build();
        driver.close();
        assertThatThrownBy(() -> driver.start(launch("/bin/true", List.of(), Map.of(), noStreams())))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO));
    }

    private Path script(String name) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
