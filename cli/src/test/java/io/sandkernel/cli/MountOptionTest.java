package io.sandkernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mount DIR:GUESTDIR[:ro]}: a host directory of programs installed on the kernel's PATH. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MountOptionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void programsOfAMountedHostDirectoryRunFromThePath(@TempDir Path bin) throws Exception {
        Path greet = bin.resolve("greet");
        Files.writeString(greet, "#!/bin/sh\necho \"hi $1\"\n");
        Files.setPosixFilePermissions(greet, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(run("--mount", bin + ":/usr/local/bin:ro", "-c", "greet there")).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi there\n");
    }

    @Test
    void aReadOnlyMountRefusesWrites(@TempDir Path bin) {
        assertThat(run("--mount", bin + ":/opt/tools:ro", "-c", "echo x > /opt/tools/f")).isNotZero();
        assertThat(Files.exists(bin.resolve("f"))).isFalse();
    }

    @Test
    void anAllowedHostProgramSeesTheMountsAtTheirGuestPathsAndNothingElseOfTheHost(@TempDir Path data)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap"))
                || Files.isExecutable(Path.of("/usr/bin/unshare")), "neither bwrap nor unshare is installed");
        Files.writeString(data.resolve("in"), "from the mount\n");
        Path secret = Files.createTempFile("sandkernel-secret", ".txt");
        try {
            Files.writeString(secret, "canary");
            assertThat(run("--mount", data + ":/data", "--allow-host", "env", "-c",
                    "env sh -c 'cat /data/in > /data/out; cat " + secret + "'")).isNotZero();
            assertThat(Files.readString(data.resolve("out"))).isEqualTo("from the mount\n");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("canary");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(secret.toString());
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void aRelativeGuestDirectoryIsAUsageError(@TempDir Path bin) {
        assertThat(run("--mount", bin + ":opt", "-c", "true")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mount");
    }
}
