package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.AT_FDCWD;
import static io.sandkernel.api.fs.OpenFlags.AT_REMOVEDIR;
import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_DIRECTORY;
import static io.sandkernel.api.fs.OpenFlags.O_EXCL;
import static io.sandkernel.api.fs.OpenFlags.O_NOFOLLOW;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.Kernel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each file system call's Linux errno for each way it fails, as a guest process sees them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileSyscallsTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private static void write(ProcessApi p, String path, String text) throws Exception {
        try (var out = p.openWrite(path, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void openFailsAsLinuxDoes() {
        InProcess.run(kernel, p -> {
            write(p, "/tmp/file", "x");
            p.mkdir("/tmp/dir", 0755);
            p.symlink("loop-b", "/tmp/loop-a");
            p.symlink("loop-a", "/tmp/loop-b");
            p.symlink("file", "/tmp/link");
            assertThat(errno(() -> p.open("/tmp/missing", O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.open("/tmp/missing/x", O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.open("", O_RDONLY, 0))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.open("/tmp/file", O_CREAT | O_EXCL | O_WRONLY, 0644))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> p.open("/tmp/file/x", O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.open("/tmp/file", O_RDONLY | O_DIRECTORY, 0))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.open("/tmp/dir", O_WRONLY, 0))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.open("/tmp/dir", O_RDWR, 0))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.open("/tmp/loop-a", O_RDONLY, 0))).isEqualTo(Errno.ELOOP);
            assertThat(errno(() -> p.open("/tmp/link", O_RDONLY | O_NOFOLLOW, 0))).isEqualTo(Errno.ELOOP);
            assertThat(errno(() -> p.open("/tmp/" + "n".repeat(256), O_RDONLY, 0))).isEqualTo(Errno.ENAMETOOLONG);
            assertThat(errno(() -> p.open("/tmp/" + "d/".repeat(2100), O_RDONLY, 0))).isEqualTo(Errno.ENAMETOOLONG);
            assertThat(errno(() -> p.openat(77, "file", O_RDONLY, 0))).isEqualTo(Errno.EBADF);
            int file = p.open("/tmp/file", O_RDONLY, 0);
            assertThat(errno(() -> p.openat(file, "x", O_RDONLY, 0))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.open("/etc/passwd", O_WRONLY, 0))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.open("/newfile", O_CREAT | O_WRONLY, 0644))).isEqualTo(Errno.EACCES);
        });
    }

    @Test
    void openatResolvesRelativeToADirectoryDescriptorAndIgnoresItForAbsolutePaths() {
        InProcess.run(kernel, p -> {
            p.mkdir("/tmp/base", 0755);
            write(p, "/tmp/base/inner", "inner");
            int dir = p.open("/tmp/base", O_RDONLY | O_DIRECTORY, 0);
            int fd = p.openat(dir, "inner", O_RDONLY, 0);
            byte[] buffer = new byte[16];
            assertThat(new String(buffer, 0, p.read(fd, buffer, 0, 16), StandardCharsets.UTF_8)).isEqualTo("inner");
            assertThat(p.fstatat(dir, "inner", 0).size()).isEqualTo(5);
            assertThat(p.fstatat(77, "/etc/passwd", 0).isRegularFile()).isTrue();
            p.fchdir(dir);
            assertThat(p.cwd()).isEqualTo("/tmp/base");
            assertThat(p.stat("inner").size()).isEqualTo(5);
        });
    }

    @Test
    void readAndWriteCheckTheAccessModeAndReadReturnsZeroAtEndOfFile() {
        InProcess.run(kernel, p -> {
            write(p, "/tmp/f", "ab");
            int reading = p.open("/tmp/f", O_RDONLY, 0);
            int writing = p.open("/tmp/f", O_WRONLY, 0);
            byte[] buffer = new byte[4];
            assertThat(errno(() -> p.write(reading, buffer, 0, 1))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.read(writing, buffer, 0, 1))).isEqualTo(Errno.EBADF);
            assertThat(p.read(reading, buffer, 0, 4)).isEqualTo(2);
            assertThat(p.read(reading, buffer, 0, 4)).isZero();
            assertThat(errno(() -> p.read(42, buffer, 0, 1))).isEqualTo(Errno.EBADF);
            int dir = p.open("/tmp", O_RDONLY, 0);
            assertThat(errno(() -> p.read(dir, buffer, 0, 1))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.read(reading, buffer, 2, 4))).isEqualTo(Errno.EFAULT);
        });
    }

    @Test
    void lseekFailsOnPipesAndForBadArguments() {
        InProcess.run(kernel, p -> {
            write(p, "/tmp/f", "abcdef");
            int fd = p.open("/tmp/f", O_RDONLY, 0);
            assertThat(p.lseek(fd, 2, OpenFlags.SEEK_SET)).isEqualTo(2);
            assertThat(p.lseek(fd, 1, OpenFlags.SEEK_CUR)).isEqualTo(3);
            assertThat(p.lseek(fd, -1, OpenFlags.SEEK_END)).isEqualTo(5);
            assertThat(p.lseek(fd, 10, OpenFlags.SEEK_SET)).isEqualTo(10);
            assertThat(p.read(fd, new byte[4], 0, 4)).isZero();
            assertThat(errno(() -> p.lseek(fd, -20, OpenFlags.SEEK_CUR))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.lseek(fd, 0, 7))).isEqualTo(Errno.EINVAL);
            int[] pipe = p.pipe();
            assertThat(errno(() -> p.lseek(pipe[0], 0, OpenFlags.SEEK_SET))).isEqualTo(Errno.ESPIPE);
            assertThat(errno(() -> p.pread(pipe[0], new byte[1], 0, 1, 0))).isEqualTo(Errno.ESPIPE);
            assertThat(errno(() -> p.pwrite(pipe[1], new byte[1], 0, 1, 0))).isEqualTo(Errno.ESPIPE);
            assertThat(errno(() -> p.pread(fd, new byte[1], 0, 1, -1))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.lseek(99, 0, OpenFlags.SEEK_SET))).isEqualTo(Errno.EBADF);
        });
    }

    @Test
    void descriptorCallsFailWithEbadfEinvalAndEmfile() {
        InProcess.run(kernel, p -> {
            assertThat(errno(() -> p.close(50))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.dup(50))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.dup2(50, 3))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.dup2(0, 256))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.dup2(0, -1))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.dup3(0, 0, 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.dup3(0, 5, OpenFlags.O_APPEND))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.fcntl(0, 999, 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.fcntl(50, OpenFlags.F_GETFD, 0))).isEqualTo(Errno.EBADF);
            assertThat(errno(() -> p.fcntl(0, OpenFlags.F_DUPFD, 256))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.pipe2(OpenFlags.O_APPEND))).isEqualTo(Errno.EINVAL);
            assertThat(p.dup2(1, 1)).isEqualTo(1);
            int opened = 0;
            try {
                while (true) {
                    p.open("/etc/hostname", O_RDONLY, 0);
                    opened++;
                }
            } catch (io.sandkernel.KernelException e) {
                assertThat(e.errno()).isEqualTo(Errno.EMFILE);
            }
            assertThat(opened).isEqualTo(256 - 3);
            assertThat(errno(() -> p.dup(0))).isEqualTo(Errno.EMFILE);
            assertThat(errno(() -> p.pipe())).isEqualTo(Errno.EMFILE);
        });
    }

    @Test
    void directoryCallsFailAsLinuxDoes() {
        InProcess.run(kernel, p -> {
            p.mkdir("/tmp/d", 0755);
            write(p, "/tmp/d/f", "x");
            write(p, "/tmp/f", "x");
            assertThat(errno(() -> p.mkdir("/tmp/d", 0755))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> p.mkdir("/tmp/none/d", 0755))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.mkdir("/tmp/f/d", 0755))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.mkdir("/etc/mine", 0755))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.rmdir("/tmp/d"))).isEqualTo(Errno.ENOTEMPTY);
            assertThat(errno(() -> p.rmdir("/tmp/f"))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.rmdir("/tmp/none"))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.unlink("/tmp/d"))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.unlink("/tmp/none"))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.unlinkat(AT_FDCWD, "/tmp/f", 0x4000))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.unlink("/etc/passwd"))).isEqualTo(Errno.EACCES);
            int file = p.open("/tmp/f", O_RDONLY, 0);
            assertThat(errno(() -> p.readdir(file))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.fchdir(file))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.chdir("/tmp/f"))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.chdir("/root"))).isEqualTo(Errno.EACCES);
            p.unlink("/tmp/d/f");
            p.unlinkat(AT_FDCWD, "/tmp/d", AT_REMOVEDIR);
            assertThat(errno(() -> p.stat("/tmp/d"))).isEqualTo(Errno.ENOENT);
        });
    }

    @Test
    void readdirListsDotsFirstWithInodesAndTypes() {
        InProcess.run(kernel, p -> {
            p.mkdir("/tmp/list", 0755);
            write(p, "/tmp/list/file", "x");
            p.mkdir("/tmp/list/sub", 0755);
            p.symlink("file", "/tmp/list/link");
            int dir = p.open("/tmp/list", O_RDONLY | O_DIRECTORY, 0);
            List<DirEntry> entries = p.readdir(dir);
            assertThat(entries.subList(0, 2)).extracting(DirEntry::name).containsExactly(".", "..");
            assertThat(entries).extracting(DirEntry::name).containsExactlyInAnyOrder(".", "..", "file", "sub", "link");
            for (DirEntry entry : entries) {
                Stat stat = p.fstatat(dir, entry.name(), OpenFlags.AT_SYMLINK_NOFOLLOW);
                assertThat(entry.ino()).as(entry.name()).isEqualTo(stat.ino());
                assertThat(entry.type()).as(entry.name()).isEqualTo(stat.type());
            }
            assertThat(p.listDirectory("/tmp/list")).extracting(DirEntry::type)
                    .containsExactly(FileType.REGULAR, FileType.SYMLINK, FileType.DIRECTORY);
        });
    }

    @Test
    void renameFailsAsLinuxDoes() {
        InProcess.run(kernel, p -> {
            p.mkdir("/tmp/a", 0755);
            p.mkdir("/tmp/b", 0755);
            write(p, "/tmp/b/inside", "x");
            write(p, "/tmp/f", "x");
            assertThat(errno(() -> p.rename("/tmp/none", "/tmp/x"))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.rename("/tmp/a", "/tmp/b"))).isEqualTo(Errno.ENOTEMPTY);
            assertThat(errno(() -> p.rename("/tmp/f", "/tmp/a"))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.rename("/tmp/a", "/tmp/f"))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> p.rename("/tmp/a", "/tmp/a/sub"))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.rename("/tmp/f", "/etc/f"))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.rename("/tmp/f", "/proc/f"))).isEqualTo(Errno.EXDEV);
            p.rename("/tmp/f", "/tmp/a/moved");
            assertThat(p.stat("/tmp/a/moved").isRegularFile()).isTrue();
            p.rename("/tmp/a", "/tmp/c");
            assertThat(p.stat("/tmp/c/moved").isRegularFile()).isTrue();
        });
    }

    @Test
    void linksFailAsLinuxDoes() {
        InProcess.run(kernel, p -> {
            write(p, "/tmp/f", "x");
            p.mkdir("/tmp/d", 0755);
            assertThat(errno(() -> p.link("/tmp/d", "/tmp/d2"))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.link("/tmp/none", "/tmp/l"))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.link("/tmp/f", "/tmp/d"))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> p.link("/tmp/f", "/dev/f"))).isEqualTo(Errno.EXDEV);
            p.link("/tmp/f", "/tmp/hard");
            assertThat(p.stat("/tmp/hard").ino()).isEqualTo(p.stat("/tmp/f").ino());
            assertThat(p.stat("/tmp/f").nlink()).isEqualTo(2);
            assertThat(errno(() -> p.symlink("f", "/tmp/hard"))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> p.symlink("f", "/tmp/none/l"))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.symlink("/tmp/f", "/etc/l"))).isEqualTo(Errno.EACCES);
            p.symlink("dangling", "/tmp/sym");
            assertThat(p.readlink("/tmp/sym")).isEqualTo("dangling");
            assertThat(p.lstat("/tmp/sym").isSymbolicLink()).isTrue();
            assertThat(p.lstat("/tmp/sym").size()).isEqualTo("dangling".length());
            assertThat(errno(() -> p.stat("/tmp/sym"))).isEqualTo(Errno.ENOENT);
            p.link("/tmp/sym", "/tmp/sym-hard");
            assertThat(p.lstat("/tmp/sym-hard").isSymbolicLink()).as("linkat links a symbolic link itself").isTrue();
            assertThat(p.lstat("/tmp/sym-hard").ino()).isEqualTo(p.lstat("/tmp/sym").ino());
            assertThat(p.lstat("/tmp/sym").nlink()).isEqualTo(2);
            assertThat(p.readlink("/tmp/sym-hard")).isEqualTo("dangling");
            p.unlink("/tmp/sym");
            assertThat(p.lstat("/tmp/sym-hard").nlink()).isEqualTo(1);
            assertThat(errno(() -> p.readlink("/tmp/f"))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.readlink("/tmp/none"))).isEqualTo(Errno.ENOENT);
        });
    }

    @Test
    void attributeCallsFailAsLinuxDoes() {
        InProcess.run(kernel, p -> {
            write(p, "/tmp/f", "hello");
            p.mkdir("/tmp/d", 0755);
            assertThat(errno(() -> p.chmod("/etc/passwd", 0777))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.chmod("/tmp/none", 0777))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.chown("/tmp/f", 0, -1))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.chown("/tmp/f", -1, 0))).isEqualTo(Errno.EPERM);
            p.chown("/tmp/f", -1, 1000);
            p.chmod("/tmp/f", 0600);
            assertThat(p.stat("/tmp/f").permissions()).isEqualTo(0600);
            assertThat(errno(() -> p.truncate("/tmp/d", 0))).isEqualTo(Errno.EISDIR);
            assertThat(errno(() -> p.truncate("/tmp/f", -1))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.truncate("/etc/passwd", 0))).isEqualTo(Errno.EACCES);
            p.truncate("/tmp/f", 2);
            assertThat(p.stat("/tmp/f").size()).isEqualTo(2);
            int reading = p.open("/tmp/f", O_RDONLY, 0);
            assertThat(errno(() -> p.ftruncate(reading, 0))).isEqualTo(Errno.EINVAL);
            int[] pipe = p.pipe();
            assertThat(errno(() -> p.ftruncate(pipe[1], 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> p.fsync(pipe[1]))).isEqualTo(Errno.EINVAL);
            p.fsync(reading);
            assertThat(errno(() -> p.utimensat(AT_FDCWD, "/etc/passwd", 0, 0, 0))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.utimensat(AT_FDCWD, "/etc/passwd", OpenFlags.UTIME_NOW, OpenFlags.UTIME_NOW,
                    0))).isEqualTo(Errno.EACCES);
            p.utimensat(AT_FDCWD, "/tmp/f", 1_000_000_000L * 86_400, OpenFlags.UTIME_OMIT, 0);
            assertThat(p.stat("/tmp/f").atime().getEpochSecond()).isEqualTo(86_400);
            assertThat(errno(() -> p.access("/etc/passwd", OpenFlags.W_OK))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.access("/tmp/none", OpenFlags.F_OK))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> p.access("/tmp/f", 8))).isEqualTo(Errno.EINVAL);
            p.access("/etc/passwd", OpenFlags.R_OK);
        });
    }

    @Test
    void statfsReportsTheFilesystemOfAPath() {
        InProcess.run(kernel, p -> {
            var root = p.statfs("/tmp");
            assertThat(root.type()).isEqualTo("tmpfs");
            assertThat(root.totalBlocks() * root.blockSize()).isEqualTo(kernel.limits().maxFilesystemBytes());
            assertThat(root.totalInodes()).isEqualTo(kernel.limits().maxInodes());
            assertThat(p.statfs("/proc").type()).isEqualTo("proc");
            assertThat(p.statfs("/dev/null").type()).isEqualTo("devtmpfs");
            assertThat(errno(() -> p.statfs("/none"))).isEqualTo(Errno.ENOENT);
        });
    }
}
