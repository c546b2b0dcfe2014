package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /dev}: character devices with Linux's numbers and behaviour, terminals, the std links. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DevicesTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private static int major(long rdev) {
        return (int) ((rdev >>> 8) & 0xFFF);
    }

    private static int minor(long rdev) {
        return (int) ((rdev & 0xFF) | ((rdev >>> 12) & 0xFFF00));
    }

    private static void assertDevice(ProcessApi p, String path, int major, int minor) {
        Stat stat = p.stat(path);
        assertThat(stat.type()).as(path).isEqualTo(FileType.CHARACTER_DEVICE);
        assertThat(stat.permissions()).as(path).isEqualTo(0666);
        assertThat(major(stat.rdev())).as(path).isEqualTo(major);
        assertThat(minor(stat.rdev())).as(path).isEqualTo(minor);
        assertThat(stat.uid()).as(path).isZero();
    }

    @Test
    void devicesAreCharacterDevicesWithLinuxNumbers() {
        InProcess.run(kernel, p -> {
            assertDevice(p, "/dev/null", 1, 3);
            assertDevice(p, "/dev/zero", 1, 5);
            assertDevice(p, "/dev/full", 1, 7);
            assertDevice(p, "/dev/random", 1, 8);
            assertDevice(p, "/dev/urandom", 1, 9);
            assertDevice(p, "/dev/tty", 5, 0);
            assertThat(p.readlink("/dev/stdin")).isEqualTo("/proc/self/fd/0");
            assertThat(p.readlink("/dev/stdout")).isEqualTo("/proc/self/fd/1");
            assertThat(p.readlink("/dev/stderr")).isEqualTo("/proc/self/fd/2");
            assertThat(p.readlink("/dev/fd")).isEqualTo("/proc/self/fd");
            assertThat(p.stat("/dev").isDirectory()).isTrue();
            assertThat(p.statfs("/dev").type()).isEqualTo("devtmpfs");
        });
    }

    @Test
    void nullZeroFullAndRandomBehaveAsOnLinux() {
        InProcess.run(kernel, p -> {
            byte[] buffer = new byte[64];
            int nul = p.open("/dev/null", O_RDWR, 0);
            assertThat(p.read(nul, buffer, 0, 64)).isZero();
            assertThat(p.write(nul, buffer, 0, 64)).isEqualTo(64);
            assertThat(p.lseek(nul, 100, OpenFlags.SEEK_SET)).isZero();
            p.close(p.open("/dev/null", O_WRONLY | OpenFlags.O_TRUNC, 0));
            int zero = p.open("/dev/zero", O_RDONLY, 0);
            java.util.Arrays.fill(buffer, (byte) 1);
            assertThat(p.read(zero, buffer, 0, 64)).isEqualTo(64);
            assertThat(buffer).containsOnly(0);
            int full = p.open("/dev/full", O_RDWR, 0);
            assertThat(errno(() -> p.write(full, buffer, 0, 1))).isEqualTo(Errno.ENOSPC);
            assertThat(p.read(full, buffer, 0, 64)).isEqualTo(64);
            int random = p.open("/dev/urandom", O_RDONLY, 0);
            byte[] first = new byte[32];
            byte[] second = new byte[32];
            p.read(random, first, 0, 32);
            p.read(random, second, 0, 32);
            assertThat(first).isNotEqualTo(second);
            assertThat(errno(() -> p.unlink("/dev/null"))).isIn(Errno.EACCES, Errno.EPERM);
            assertThat(errno(() -> p.mkdir("/dev/mine", 0755))).isIn(Errno.EACCES, Errno.EPERM);
        });
    }

    @Test
    void devTtyWithoutAControllingTerminalFailsWithEnodev() {
        InProcess.run(kernel, p -> {
            assertThat(errno(() -> p.open("/dev/tty", O_RDWR, 0))).isEqualTo(Errno.ENODEV);
            assertThat(p.listDirectory("/dev/pts")).isEmpty();
        });
    }

    @Test
    void devStdoutAndDevFdReopenTheStandardStreams() {
        TestPrograms.SCRIPTS.put("dev-stdout", p -> {
            int fd = p.open("/dev/stdout", O_WRONLY, 0);
            byte[] text = "through /dev/stdout\n".getBytes(StandardCharsets.UTF_8);
            p.write(fd, text, 0, text.length);
            int err = p.open("/dev/fd/2", O_WRONLY, 0);
            p.write(err, text, 0, text.length);
            return 0;
        });
        ExecResult result = kernel.exec("t-script", "dev-stdout");
        assertThat(result.stdout()).isEqualTo("through /dev/stdout\n");
        assertThat(result.stderr()).isEqualTo("through /dev/stdout\n");
    }

    @Test
    void devTtyAndDevPtsAreTheShellsTerminal() throws Exception {
        TestPrograms.SCRIPTS.put("tty-check", p -> {
            int tty = p.open("/dev/tty", O_RDWR, 0);
            Stat stat = p.fstat(tty);
            p.fcntl(tty, OpenFlags.F_SETFL, OpenFlags.O_NONBLOCK);
            Errno nothingTyped = errno(() -> p.read(tty, new byte[1], 0, 1));
            int[] ready = p.poll(java.util.List.of(new io.sandkernel.api.fs.PollFd(tty,
                    io.sandkernel.api.fs.PollFd.POLLIN | io.sandkernel.api.fs.PollFd.POLLOUT)), java.time.Duration.ZERO);
            String line = "tty " + p.isatty(tty) + " " + major(stat.rdev()) + "," + minor(stat.rdev()) + " "
                    + p.readlink("/proc/self/fd/0") + " " + p.listDirectory("/dev/pts").get(0).name() + " "
                    + p.stat("/dev/pts/0").type() + " " + (p.tcgetpgrp(tty) == p.getpgid(0)) + " " + nothingTyped
                    + " " + ready[0] + "\n";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            p.write(tty, bytes, 0, bytes.length);
            return 0;
        });
        try (ShellSession session = kernel.openShell(ShellOptions.defaults())) {
            CompletableFuture<String> seen = collect(session.output(),
                    "tty true 136,0 /dev/pts/0 0 CHARACTER_DEVICE true EAGAIN 4");
            session.write("t-script tty-check\n");
            assertThat(seen.get(20, TimeUnit.SECONDS)).contains("tty true 136,0");
            session.write("exit\n");
        }
    }

    /** Reads {@code output} until {@code expected} appears; the future holds the text so far. */
    private static CompletableFuture<String> collect(InputStream output, String expected) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[1024];
            try {
                int n;
                while ((n = output.read(buffer)) >= 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (text.toString().replace("\r\n", "\n").contains(expected)) {
                        seen.complete(text.toString());
                        return;
                    }
                }
            } catch (IOException e) {
                // hung up
            }
            seen.completeExceptionally(new AssertionError("not seen: " + expected + " in\n" + text));
        });
        return seen;
    }
}
