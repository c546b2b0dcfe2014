package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_CLOEXEC;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /proc}, generated from the process table in Linux's formats. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProcFsTest {
    private static final ProcessIdentity OTHER = new ProcessIdentity(2000, 2000, 2000, 2000, List.of(2000));
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private static String content(ProcessApi p, String path) throws Exception {
        try (var in = p.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private KernelProcess sleeper(ProcessIdentity identity) {
        return kernel.spawn("t-sleep", List.of("60000", "second arg"), SpawnOptions.defaults()
                .withIdentity(identity).withEnv(Map.of("SECRET", "hunter2")));
    }

    @Test
    void selfIsALinkToTheCallersPid() {
        InProcess.run(kernel, p -> {
            assertThat(p.readlink("/proc/self")).isEqualTo(Integer.toString(p.pid()));
            assertThat(p.stat("/proc/self").isDirectory()).isTrue();
            assertThat(p.stat("/proc/self").ino()).isEqualTo(p.stat("/proc/" + p.pid()).ino());
            assertThat(p.listDirectory("/proc")).extracting(DirEntry::name)
                    .contains("1", Integer.toString(p.pid()), "self", "mounts", "uptime", "meminfo");
        });
    }

    @Test
    void statHasTheFiftyTwoFieldsOfLinux() throws Exception {
        KernelProcess sleeper = sleeper(ProcessIdentity.defaults());
        InProcess.run(kernel, p -> {
            String stat = content(p, "/proc/" + sleeper.pid() + "/stat");
            assertThat(stat).startsWith(sleeper.pid() + " (t-sleep) R 0 " + sleeper.pid() + " " + sleeper.pid() + " 0 -1 ")
                    .endsWith("\n");
            String[] fields = stat.substring(stat.indexOf(") ") + 2).strip().split(" ");
            assertThat(fields).hasSize(52 - 2);
            String own = content(p, "/proc/self/stat");
            assertThat(own).startsWith(p.pid() + " (t-script) R " + p.ppid() + " ");
        });
        sleeper.kill(io.sandkernel.process.Signals.SIGSTOP);
        InProcess.run(kernel, p -> assertThat(content(p, "/proc/" + sleeper.pid() + "/stat"))
                .contains(" (t-sleep) T "));
    }

    @Test
    void statusNamesTheProcessItsStateAndIds() throws Exception {
        KernelProcess sleeper = sleeper(OTHER);
        InProcess.run(kernel, p -> {
            String status = content(p, "/proc/" + sleeper.pid() + "/status");
            assertThat(status).startsWith("Name:\tt-sleep\nUmask:\t0022\nState:\tR (running)\n")
                    .contains("\nPid:\t" + sleeper.pid() + "\n", "\nPPid:\t0\n", "\nUid:\t2000\t2000\t2000\t2000\n",
                            "\nGid:\t2000\t2000\t2000\t2000\n", "\nGroups:\t2000 \n", "\nThreads:\t1\n",
                            "\nSigBlk:\t0000000000000000\n");
        });
    }

    @Test
    void cmdlineCommAndExe() throws Exception {
        KernelProcess sleeper = sleeper(ProcessIdentity.defaults());
        InProcess.run(kernel, p -> {
            String dir = "/proc/" + sleeper.pid();
            assertThat(content(p, dir + "/cmdline")).isEqualTo("t-sleep\u000060000\u0000second arg\u0000");
            assertThat(content(p, dir + "/comm")).isEqualTo("t-sleep\n");
            assertThat(p.readlink(dir + "/exe")).isEqualTo("/bin/t-sleep");
            assertThat(p.stat(dir + "/stat").size()).as("generated files report size 0").isZero();
        });
    }

    @Test
    void environAndFdAreOnlyForTheOwnerAndRoot() throws Exception {
        KernelProcess other = sleeper(OTHER);
        KernelProcess mine = sleeper(ProcessIdentity.defaults());
        InProcess.run(kernel, p -> {
            assertThat(errno(() -> content(p, "/proc/" + other.pid() + "/environ"))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.listDirectory("/proc/" + other.pid() + "/fd"))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.readlink("/proc/" + other.pid() + "/cwd"))).isEqualTo(Errno.EACCES);
            assertThat(content(p, "/proc/" + mine.pid() + "/environ")).contains("SECRET=hunter2\u0000")
                    .contains("HOME=/home/user\u0000");
            assertThat(content(p, "/proc/" + other.pid() + "/cmdline")).startsWith("t-sleep");
        });
        InProcess.runAs(kernel, ProcessIdentity.root(), p -> {
            assertThat(content(p, "/proc/" + other.pid() + "/environ")).contains("SECRET=hunter2");
            assertThat(p.listDirectory("/proc/" + other.pid() + "/fd")).extracting(DirEntry::name)
                    .containsExactly("0", "1", "2");
        });
    }

    @Test
    void fdListsDescriptorsAsMagicLinksThatOpenWhatTheyReferTo() {
        InProcess.run(kernel, p -> {
            int[] pipe = p.pipe2(O_CLOEXEC);
            int file = p.open("/etc/hostname", O_RDONLY, 0);
            p.read(file, new byte[3], 0, 3);
            assertThat(p.listDirectory("/proc/self/fd")).extracting(DirEntry::name)
                    .contains("0", "1", "2", Integer.toString(pipe[0]), Integer.toString(file));
            long ino = p.fstat(pipe[0]).ino();
            assertThat(p.readlink("/proc/self/fd/" + pipe[0])).isEqualTo("pipe:[" + ino + "]");
            assertThat(p.readlink("/proc/self/fd/" + file)).isEqualTo("/etc/hostname");
            assertThat(p.lstat("/proc/self/fd/" + file).type()).isEqualTo(FileType.SYMLINK);
            assertThat(p.stat("/proc/self/fd/" + pipe[1]).type()).isEqualTo(FileType.FIFO);
            int again = p.open("/proc/self/fd/" + file, O_RDONLY, 0);
            assertThat(content(p, "/proc/self/fd/" + file)).as("a new description with its own offset")
                    .isEqualTo("sandkernel\n");
            assertThat(p.lseek(again, 0, io.sandkernel.api.fs.OpenFlags.SEEK_CUR)).isZero();
            int writer = p.open("/proc/self/fd/" + pipe[0], O_WRONLY, 0);
            p.write(writer, new byte[] {'z'}, 0, 1);
            byte[] one = new byte[1];
            assertThat(p.read(pipe[0], one, 0, 1)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) 'z');
            p.close(file);
            assertThat(errno(() -> p.readlink("/proc/self/fd/" + file))).isEqualTo(Errno.ENOENT);
        });
    }

    @Test
    void cwdIsAMagicLinkToTheWorkingDirectory() {
        InProcess.run(kernel, p -> {
            p.chdir("/etc");
            assertThat(p.readlink("/proc/self/cwd")).isEqualTo("/etc");
            assertThat(p.stat("/proc/self/cwd/hostname").isRegularFile()).isTrue();
            assertThat(p.stat("/proc/self/cwd").ino()).isEqualTo(p.stat("/etc").ino());
        });
    }

    @Test
    void mountsUptimeAndMeminfo() {
        InProcess.run(kernel, p -> {
            assertThat(content(p, "/proc/mounts")).isEqualTo("""
                    tmpfs / tmpfs rw 0 0
                    devtmpfs /dev devtmpfs rw 0 0
                    proc /proc proc rw 0 0
                    """);
            assertThat(content(p, "/proc/uptime")).matches("\\d+\\.\\d\\d \\d+\\.\\d\\d\n");
            String meminfo = content(p, "/proc/meminfo");
            assertThat(meminfo).startsWith(String.format("MemTotal:       %8d kB%n",
                    kernel.limits().memoryBytes() / 1024).replace(System.lineSeparator(), "\n"));
            assertThat(meminfo).contains("\nMemFree:", "\nSwapTotal:             0 kB\n");
            assertThat(errno(() -> p.open("/proc/uptime", O_WRONLY, 0))).isEqualTo(Errno.EACCES);
        });
    }

    @Test
    void aZombieShowsInStateZUntilReaped() {
        InProcess.run(kernel, p -> {
            int child = p.spawn(new SpawnRequest(List.of("t-true"), p.env(), p.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), -1, false));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String stat;
            do {
                stat = content(p, "/proc/" + child + "/stat");
            } while (!stat.contains(") Z ") && System.nanoTime() < deadline);
            assertThat(stat).contains("(t-true) Z " + p.pid() + " ");
            assertThat(p.listDirectory("/proc/" + child + "/fd")).isEmpty();
            p.waitpid(child);
            assertThat(errno(() -> p.stat("/proc/" + child))).isEqualTo(Errno.ENOENT);
        });
    }
}
