package io.sandkernel.userland.kernel;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.process.DriverProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class KernelExecTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void execCollectsStdoutAndExitCode() {
        ExecResult result = kernel.exec("t-echo", "hello", "world");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello world\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.timedOut()).isFalse();
        assertThat(kernel.exec("t-exit", "42").exitCode()).isEqualTo(42);
    }

    @Test
    void execFeedsStdin() {
        ExecResult result = kernel.exec(List.of("t-cat"), ExecOptions.defaults().withStdin("one\ntwo\n"));
        assertThat(result.stdout()).isEqualTo("one\ntwo\n");
    }

    @Test
    void uncaughtExceptionEndsWithStatusOneAndAMessageWithoutJavaText() {
        TestPrograms.SCRIPTS.put("boom", p -> {
            throw new IllegalStateException("kaboom");
        });
        ExecResult result = kernel.exec("t-script", "boom");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).endsWith(": internal error\n").doesNotContain("kaboom")
                .doesNotContain("Exception");
    }

    @Test
    void defaultEnvironmentAndWorkingDirectory() {
        assertThat(kernel.exec("t-env", "HOME").stdout()).isEqualTo("/home/user\n");
        assertThat(kernel.exec("t-env", "USER").stdout()).isEqualTo("user\n");
        assertThat(kernel.exec("t-env", "PATH").stdout()).contains("/bin");
        for (String name : List.of("SHELL", "TERM", "HOSTNAME", "PWD", "LANG")) {
            assertThat(kernel.exec("t-env", name).stdout()).isNotEqualTo("null\n");
        }
        assertThat(kernel.exec("t-pwd").stdout()).isEqualTo("/home/user\n");
        ExecResult inTmp = kernel.exec(List.of("t-pwd"), ExecOptions.defaults().withCwd("/tmp")
                .withEnv(Map.of("X", "1")));
        assertThat(inTmp.stdout()).isEqualTo("/tmp\n");
    }

    @Test
    void unknownCommandFailsWithEnoent() {
        assertThatThrownBy(() -> kernel.exec("no-such-command"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void filesystemHasALinuxLayoutAndUsers() throws Exception {
        assertThat(read("/etc/passwd")).contains("user:x:1000:1000::/home/user:/bin/sh")
                .contains("root:x:0:0");
        assertThat(read("/etc/group")).contains("user:x:1000:");
        assertThat(read("/etc/hostname")).isEqualTo("sandkernel\n");
        assertThat(kernel.stat("/tmp").isDirectory()).isTrue();
        assertThat(kernel.user(1000).name()).isEqualTo("user");
        assertThat(kernel.groupName(0)).isEqualTo("root");
        assertThatThrownBy(() -> kernel.user(4242))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThatThrownBy(() -> kernel.groupName(4242))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    private String read(String path) {
        return new String(kernel.readFile(path), StandardCharsets.UTF_8);
    }

    @Test
    void pathsCannotEscapeTheRoot() {
        assertThat(kernel.stat("/../../etc/passwd").ino()).isEqualTo(kernel.stat("/etc/passwd").ino());
    }

    @Test
    void hostDirectoryIsDeniedUnlessGranted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThatThrownBy(() -> Sandkernel.builder().hostDirectory(dir).build())
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        Files.writeString(dir.resolve("f.txt"), "host\n");
        try (Kernel granted = Kernel.builder().hostDirectory(dir).grantHostAccess()
                .driver(new JvmDriver(TestPrograms.commands())).build()) {
            ExecResult result = granted.exec(List.of("t-cat"), ExecOptions.defaults().withCwd("/"));
            assertThat(result.exitCode()).isZero();
            assertThat(new String(granted.readFile("/f.txt"), StandardCharsets.UTF_8)).isEqualTo("host\n");
            granted.writeFile("/g.txt", "guest\n".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readString(dir.resolve("g.txt"))).isEqualTo("guest\n");
        }
    }

    @Test
    void devNullAndFileRedirects() throws Exception {
        TestPrograms.SCRIPTS.put("files", p -> {
            try (var out = p.openWrite("/tmp/a.txt", false)) {
                out.write("first\n".getBytes(StandardCharsets.UTF_8));
            }
            try (var out = p.openWrite("/tmp/a.txt", true)) {
                out.write("second\n".getBytes(StandardCharsets.UTF_8));
            }
            try (var out = p.openWrite("/dev/null", false)) {
                out.write("gone".getBytes(StandardCharsets.UTF_8));
            }
            try (var in = p.openRead("/dev/null")) {
                p.stdout().println("null read " + in.read());
            }
            try (var in = p.openRead("../../tmp/a.txt")) {
                p.stdout().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return 0;
        });
        ExecResult result = kernel.exec("t-script", "files");
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("null read -1\nfirst\nsecond\n");
        KernelProcess redirected = kernel.spawn("t-echo", List.of("to", "file"), SpawnOptions.defaults()
                .withRedirects(new Redirect.Null(), new Redirect.File("/tmp/b.txt", false), new Redirect.Null()));
        assertThat(redirected.waitFor()).isZero();
        assertThat(read("/tmp/b.txt")).isEqualTo("to file\n");
    }

    @Test
    void spawnGivesAProcessLikeHandle() throws Exception {
        KernelProcess cat = kernel.spawn("t-cat", List.of(), SpawnOptions.defaults());
        assertThat(cat.pid()).isPositive();
        assertThat(cat.isAlive()).isTrue();
        TestPrograms.write(cat.stdin(), "ping\n");
        assertThat(TestPrograms.readLine(cat.stdout())).isEqualTo("ping");
        cat.stdin().close();
        assertThat(cat.waitFor(Duration.ofSeconds(5))).hasValue(0);
        assertThat(cat.onExit().get(5, TimeUnit.SECONDS)).isZero();
        assertThat(cat.stdout().read()).isEqualTo(-1);
        assertThat(cat.isAlive()).isFalse();
    }

    @Test
    void outputCanGoToHostStreams() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        KernelProcess echo = kernel.spawn("t-echo", List.of("callback"), SpawnOptions.defaults().withOutput(out, null));
        assertThat(echo.waitFor()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("callback\n");
    }

    @Test
    void lastMountedDriverWinsAndCommandsNameTheirDriver() {
        assertThat(kernel.commands()).containsEntry("t-echo", "jvm").containsEntry("kill", "jvm")
                .containsEntry("ps", "jvm");
        kernel.mount(new RuntimeDriver() {
            @Override
            public String name() {
                return "other";
            }

            @Override
            public Set<String> commands() {
                return Set.of("t-echo");
            }

            @Override
            public DriverProcess start(ProcessLaunch launch) {
                return new JvmDriver(Map.of("t-echo", (Program) p -> {
                    p.stdout().println("from other");
                    return 0;
                })).start(launch);
            }
        });
        assertThat(kernel.commands()).containsEntry("t-echo", "other");
        assertThat(kernel.exec("t-echo", "x").stdout()).isEqualTo("from other\n");
    }

    @Test
    void psListsTheTable() {
        ExecResult ps = kernel.exec("ps");
        assertThat(ps.stdout()).startsWith("    PID    PPID    PGID     SID STAT COMMAND");
        assertThat(ps.stdout()).contains(" Rs   ps");
    }

    @Test
    void processesListsRunningProcesses() throws Exception {
        KernelProcess sleeper = kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
        assertThat(kernel.processes()).containsKey(sleeper.pid());
        assertThat(kernel.processes().get(sleeper.pid()).command()).isEqualTo("t-sleep");
        sleeper.kill(9);
        assertThat(sleeper.waitFor(Duration.ofSeconds(5))).hasValue(137);
    }

    @Test
    void newFilesHonourTheUmask() throws Exception {
        TestPrograms.SCRIPTS.put("umask", p -> {
            int previous = p.umask(077);
            p.openWrite("/tmp/private", false).close();
            p.stdout().println(Integer.toOctalString(previous));
            return 0;
        });
        assertThat(kernel.exec("t-script", "umask").stdout()).isEqualTo("22\n");
        assertThat(kernel.stat("/tmp/private").permissions()).isEqualTo(0600);
    }

    @Test
    void chdirResolvesRelativePathsAndRejectsMissingDirectories() {
        TestPrograms.SCRIPTS.put("chdir", p -> {
            p.chdir("/tmp");
            p.chdir("..");
            p.chdir("etc");
            StringBuilder out = new StringBuilder(p.cwd());
            try (var in = p.openRead("hostname")) {
                out.append(' ').append(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
            for (String bad : List.of("/nope", "/etc/passwd")) {
                try {
                    p.chdir(bad);
                } catch (KernelException e) {
                    out.append(' ').append(e.errno());
                }
            }
            p.stdout().println(out);
            return 0;
        });
        assertThat(kernel.exec("t-script", "chdir").stdout()).isEqualTo("/etc sandkernel ENOENT ENOTDIR\n");
    }
}
