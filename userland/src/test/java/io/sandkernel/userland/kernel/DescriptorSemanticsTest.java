package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_APPEND;
import static io.sandkernel.api.fs.OpenFlags.O_CLOEXEC;
import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_EXCL;
import static io.sandkernel.api.fs.OpenFlags.O_NONBLOCK;
import static io.sandkernel.api.fs.OpenFlags.O_PATH;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_TRUNC;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.FileAction;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Open file descriptions, descriptors, inheritance and poll, as Linux defines them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DescriptorSemanticsTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private static String read(ProcessApi p, int fd, int max) {
        byte[] buffer = new byte[max];
        int n = p.read(fd, buffer, 0, max);
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private static void write(ProcessApi p, int fd, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(p.write(fd, bytes, 0, bytes.length)).isEqualTo(bytes.length);
    }

    private static String content(ProcessApi p, String path) throws Exception {
        try (var in = p.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Spawns {@code argv} with {@code actions} and waits for it. */
    private static WaitResult runChild(ProcessApi p, List<FileAction> actions, String... argv) {
        int child = p.spawn(new SpawnRequest(List.of(argv), p.env(), p.cwd(), Redirect.inherit(), Redirect.inherit(),
                Redirect.inherit(), -1, false).withFileActions(actions));
        return p.waitpid(child).orElseThrow();
    }

    @Test
    void dupSharesTheOffsetAndStatusFlags() {
        InProcess.run(kernel, p -> {
            int fd = p.open("/tmp/f", O_RDWR | O_CREAT, 0644);
            write(p, fd, "abcdef");
            int copy = p.dup(fd);
            p.lseek(fd, 1, OpenFlags.SEEK_SET);
            assertThat(read(p, copy, 2)).isEqualTo("bc");
            assertThat(p.lseek(fd, 0, OpenFlags.SEEK_CUR)).isEqualTo(3);
            p.fcntl(fd, OpenFlags.F_SETFL, O_APPEND);
            assertThat(p.fcntl(copy, OpenFlags.F_GETFL, 0) & O_APPEND).isEqualTo(O_APPEND);
            assertThat(p.fcntl(copy, OpenFlags.F_GETFL, 0) & OpenFlags.O_ACCMODE).isEqualTo(O_RDWR);
            int other = p.open("/tmp/f", O_RDONLY, 0);
            assertThat(read(p, other, 2)).as("a second open has its own offset").isEqualTo("ab");
        });
    }

    @Test
    void appendTruncateCreateAndExclusiveWorkAsFlags() {
        InProcess.run(kernel, p -> {
            int first = p.open("/tmp/f", O_WRONLY | O_CREAT | O_TRUNC, 0666);
            write(p, first, "123456");
            int appending = p.open("/tmp/f", O_WRONLY | O_APPEND, 0);
            p.lseek(appending, 0, OpenFlags.SEEK_SET);
            write(p, appending, "A");
            write(p, first, "B");
            assertThat(content(p, "/tmp/f")).isEqualTo("123456B").as("the plain descriptor wrote at its offset");
            assertThat(p.lseek(appending, 0, OpenFlags.SEEK_CUR)).isEqualTo(7);
            p.close(p.open("/tmp/f", O_WRONLY | O_TRUNC, 0));
            assertThat(p.stat("/tmp/f").size()).isZero();
            p.umask(027);
            p.close(p.open("/tmp/g", O_WRONLY | O_CREAT | O_EXCL, 0777));
            assertThat(p.stat("/tmp/g").permissions()).isEqualTo(0750);
            assertThat(p.stat("/tmp/g").uid()).isEqualTo(1000);
            p.mkdir("/tmp/dir", 0777);
            assertThat(p.stat("/tmp/dir").permissions()).isEqualTo(0750);
        });
    }

    @Test
    void readWriteOpeningReadsAndWritesTheSameFile() {
        InProcess.run(kernel, p -> {
            p.close(p.open("/tmp/f", O_WRONLY | O_CREAT, 0644));
            int fd = p.open("/tmp/f", O_RDWR, 0);
            write(p, fd, "hello");
            p.lseek(fd, 0, OpenFlags.SEEK_SET);
            assertThat(read(p, fd, 10)).isEqualTo("hello");
            assertThat(p.pread(fd, new byte[3], 0, 3, 1)).isEqualTo(3);
            assertThat(p.pwrite(fd, "J".getBytes(StandardCharsets.UTF_8), 0, 1, 0)).isEqualTo(1);
            assertThat(p.lseek(fd, 0, OpenFlags.SEEK_CUR)).as("pread and pwrite keep the offset").isEqualTo(5);
            assertThat(content(p, "/tmp/f")).isEqualTo("Jello");
        });
    }

    @Test
    void pathDescriptorsStatAndServeAsBasesButDoNotReadOrWrite() {
        InProcess.run(kernel, p -> {
            int dir = p.open("/etc", O_PATH, 0);
            assertThat(p.fstat(dir).isDirectory()).isTrue();
            assertThat(p.fstatat(dir, "hostname", 0).isRegularFile()).isTrue();
            assertThat(errno(() -> p.read(dir, new byte[1], 0, 1))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.readdir(dir))).isEqualTo(Errno.EBADF);
            assertThat(p.fcntl(dir, OpenFlags.F_GETFL, 0) & O_PATH).isEqualTo(O_PATH);
        });
    }

    @Test
    void childrenInheritDescriptorsButNotCloseOnExecOnes() {
        TestPrograms.SCRIPTS.put("write-3-and-4", p -> {
            write(p, 3, "three ");
            p.stdout().print(p.fcntl(4, OpenFlags.F_GETFD, 0));
            return 0;
        });
        TestPrograms.SCRIPTS.put("has-4", p -> {
            p.stdout().print(errno(() -> p.fstat(4)));
            return 0;
        });
        InProcess.run(kernel, p -> {
            int three = p.open("/tmp/out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
            assertThat(three).isEqualTo(3);
            int four = p.open("/tmp/out", O_RDONLY | O_CLOEXEC, 0);
            assertThat(four).isEqualTo(4);
            assertThat(p.fcntl(4, OpenFlags.F_GETFD, 0)).isEqualTo(OpenFlags.FD_CLOEXEC);
            int child = p.spawn(new SpawnRequest(List.of("t-script", "has-4"), p.env(), p.cwd(), Redirect.inherit(),
                    new Redirect.File("/tmp/has4", false), Redirect.inherit(), -1, false));
            p.waitpid(child);
            assertThat(content(p, "/tmp/has4")).isEqualTo("EBADF");
            p.fcntl(4, OpenFlags.F_SETFD, 0);
            child = p.spawn(new SpawnRequest(List.of("t-script", "write-3-and-4"), p.env(), p.cwd(),
                    Redirect.inherit(), new Redirect.File("/tmp/flags", false), Redirect.inherit(), -1, false));
            assertThat(p.waitpid(child).orElseThrow().status()).isZero();
            write(p, three, "parent");
            assertThat(content(p, "/tmp/out")).as("the child wrote through the shared description")
                    .isEqualTo("three parent");
            assertThat(content(p, "/tmp/flags")).isEqualTo("0");
        });
    }

    @Test
    void fileActionsRunAfterTheStandardStreamsAreConnected() {
        TestPrograms.SCRIPTS.put("echo-to-5", p -> {
            write(p, 5, "five\n");
            p.stdout().print("out\n");
            return 0;
        });
        InProcess.run(kernel, p -> {
            WaitResult result = runChild(p, List.of(
                    FileAction.open(5, "/tmp/five", O_WRONLY | O_CREAT | O_TRUNC, 0644),
                    FileAction.dup2(5, 1),
                    FileAction.close(9)), "t-script", "echo-to-5");
            assertThat(result.status()).isZero();
            assertThat(content(p, "/tmp/five")).isEqualTo("five\nout\n");
            assertThat(errno(() -> runChild(p, List.of(FileAction.dup2(40, 1)), "t-true"))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> runChild(p, List.of(FileAction.open(5, "/none/x", O_RDONLY, 0)), "t-true")))
                    .isEqualTo(Errno.ENOENT);
        });
    }

    @Test
    void pollWaitsForAPipeAndTimesOut() {
        TestPrograms.SCRIPTS.put("late-writer", p -> {
            p.sleep(Duration.ofMillis(100));
            p.stdout().print("x");
            return 0;
        });
        InProcess.run(kernel, p -> {
            int[] fds = p.pipe2(O_CLOEXEC);
            assertThat(p.poll(List.of(new PollFd(fds[0], PollFd.POLLIN)), Duration.ofMillis(30))).containsExactly(0);
            assertThat(p.poll(List.of(new PollFd(fds[1], PollFd.POLLOUT)), Duration.ZERO))
                    .containsExactly(PollFd.POLLOUT);
            int child = p.spawn(new SpawnRequest(List.of("t-script", "late-writer"), p.env(), p.cwd(),
                    Redirect.inherit(), new Redirect.Descriptor(fds[1]), Redirect.inherit(), -1, false));
            p.close(fds[1]);
            // POLLHUP may come with it when the writer has exited already
            assertThat(p.poll(List.of(new PollFd(fds[0], PollFd.POLLIN)), Duration.ofSeconds(10))[0] & PollFd.POLLIN)
                    .isEqualTo(PollFd.POLLIN);
            assertThat(read(p, fds[0], 4)).isEqualTo("x");
            p.waitpid(child);
            assertThat(p.poll(List.of(new PollFd(fds[0], PollFd.POLLIN)), Duration.ofSeconds(10)))
                    .containsExactly(PollFd.POLLHUP);
            assertThat(p.read(fds[0], new byte[1], 0, 1)).isZero();
            assertThat(p.poll(List.of(new PollFd(fds[1], PollFd.POLLIN)), Duration.ZERO))
                    .containsExactly(PollFd.POLLNVAL);
            int file = p.open("/etc/hostname", O_RDONLY, 0);
            assertThat(p.poll(List.of(new PollFd(file, PollFd.POLLIN | PollFd.POLLOUT)), Duration.ofSeconds(-1)))
                    .containsExactly(PollFd.POLLIN | PollFd.POLLOUT);
        });
    }

    @Test
    void nonBlockingPipeFailsWithEagain() {
        InProcess.run(kernel, p -> {
            int[] fds = p.pipe2(O_NONBLOCK);
            assertThat(errno(() -> p.read(fds[0], new byte[1], 0, 1))).isEqualTo(Errno.EAGAIN);
            p.fcntl(fds[0], OpenFlags.F_SETFL, 0);
            assertThat(p.fcntl(fds[0], OpenFlags.F_GETFL, 0) & O_NONBLOCK).isZero();
            assertThat(p.fcntl(fds[1], OpenFlags.F_GETFL, 0) & O_NONBLOCK).isEqualTo(O_NONBLOCK);
        });
    }

    /** Sends SIGUSR1 to {@code pid} every few milliseconds until closed: some arrive while it blocks. */
    private final class Pester implements AutoCloseable {
        private final Thread thread;

        Pester(int pid) {
            thread = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        kernel.kill(pid, Signals.SIGUSR1);
                        Thread.sleep(10); // pacing, not waiting for a result
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        return; // the process is gone
                    }
                }
            });
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @Test
    void aSignalHandlerInterruptsPollAndSleepWithEintrButReadsRestart() {
        InProcess.run(kernel, p -> {
            java.util.concurrent.atomic.AtomicInteger handled = new java.util.concurrent.atomic.AtomicInteger();
            p.signal(Signals.SIGUSR1, signal -> handled.incrementAndGet());
            int[] fds = p.pipe2(O_CLOEXEC);
            try (Pester pester = new Pester(p.pid())) {
                assertThat(errno(() -> p.poll(List.of(new PollFd(fds[0], PollFd.POLLIN)), Duration.ofSeconds(20))))
                        .isEqualTo(Errno.EINTR);
                assertThat(errno(() -> p.sleep(Duration.ofSeconds(20)))).isEqualTo(Errno.EINTR);
            }
            int before = handled.get();
            assertThat(before).isPositive();
            try (Pester pester = new Pester(p.pid())) {
                Thread.ofVirtual().start(() -> {
                    while (handled.get() < before + 3) {
                        Thread.onSpinWait(); // the reader is interrupted by handlers meanwhile
                    }
                    p.write(fds[1], new byte[] {7}, 0, 1); // from another thread of the process
                });
                byte[] one = new byte[1];
                assertThat(p.read(fds[0], one, 0, 1)).as("the read restarts after handlers").isEqualTo(1);
                assertThat(one[0]).isEqualTo((byte) 7);
            }
        });
    }
}
