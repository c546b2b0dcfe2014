package io.sandkernel.kernel.fd;

import static io.sandkernel.api.fs.OpenFlags.AT_FDCWD;
import static io.sandkernel.api.fs.OpenFlags.O_APPEND;
import static io.sandkernel.api.fs.OpenFlags.O_CLOEXEC;
import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_DIRECTORY;
import static io.sandkernel.api.fs.OpenFlags.O_PATH;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.kernel.vfs.VfsLimits;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The descriptor layer of one process over an in-memory VFS, without a process around it. */
class ProcessFilesTest {
    private final Vfs vfs = Vfs.inMemory(VfsLimits.defaults(), Clock.systemUTC());
    private final AtomicInteger sigpipes = new AtomicInteger();
    private final ProcessFiles files = newFiles(ProcessIdentity.root());

    private ProcessFiles newFiles(ProcessIdentity identity) {
        return new ProcessFiles(vfs, new FdTable(16), 7, identity, 022, vfs.root(), (uid, gid) -> new Pipe(() -> { },
                uid, gid), sigpipes::incrementAndGet);
    }

    @AfterEach
    void close() {
        files.fds().closeAll();
        vfs.close();
    }

    private static Errno errno(Runnable action) {
        try {
            action.run();
        } catch (KernelException e) {
            return e.errno();
        }
        throw new AssertionError("no failure");
    }

    private void write(int fd, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(files.write(fd, bytes, 0, bytes.length)).isEqualTo(bytes.length);
    }

    private String read(int fd) {
        byte[] buffer = new byte[64];
        int n = files.read(fd, buffer, 0, buffer.length);
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void descriptorsAreTheLowestFreeAndShareDescriptionsAfterDup() {
        int fd = files.openat(AT_FDCWD, "/f", O_RDWR | O_CREAT, 0644);
        assertThat(fd).isZero();
        write(fd, "hello");
        int copy = files.dup(fd);
        assertThat(copy).isEqualTo(1);
        files.lseek(fd, 1, OpenFlags.SEEK_SET);
        assertThat(read(copy)).isEqualTo("ello");
        assertThat(read(copy)).isEmpty();
        assertThat(files.dup2(fd, 9)).isEqualTo(9);
        assertThat(files.lseek(9, 0, OpenFlags.SEEK_CUR)).isEqualTo(5);
    }

    @Test
    void appendGoesToTheEndWhateverTheOffset() {
        int fd = files.openat(AT_FDCWD, "/f", O_WRONLY | O_CREAT | O_APPEND, 0644);
        write(fd, "ab");
        files.lseek(fd, 0, OpenFlags.SEEK_SET);
        write(fd, "cd");
        assertThat(files.fstat(fd).size()).isEqualTo(4);
        assertThat(files.fcntl(fd, OpenFlags.F_GETFL, 0) & O_APPEND).isEqualTo(O_APPEND);
        files.fcntl(fd, OpenFlags.F_SETFL, 0);
        files.lseek(fd, 0, OpenFlags.SEEK_SET);
        write(fd, "X");
        int reader = files.openat(AT_FDCWD, "/f", O_RDONLY, 0);
        assertThat(read(reader)).isEqualTo("Xbcd");
    }

    @Test
    void closeOnExecIsKeptPerDescriptorAndDroppedOnInheritance() {
        int kept = files.openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
        int dropped = files.openat(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        assertThat(files.fcntl(dropped, OpenFlags.F_GETFD, 0)).isEqualTo(OpenFlags.FD_CLOEXEC);
        int dup = files.fcntl(dropped, OpenFlags.F_DUPFD_CLOEXEC, 5);
        assertThat(dup).isEqualTo(5);
        FdTable child = files.fds().inherit(16);
        assertThat(child.snapshot().keySet()).containsExactly(kept);
        child.closeAll();
    }

    @Test
    void aBrokenPipeRaisesSigpipeThenFailsWithEpipe() {
        int[] pipe = files.pipe2(0);
        files.close(pipe[0]);
        assertThat(errno(() -> write(pipe[1], "x"))).isEqualTo(Errno.EPIPE);
        assertThat(sigpipes).hasValue(1);
    }

    @Test
    void pathDescriptorsAndDirectoryDescriptorsServeAsBases() {
        files.mkdirat(AT_FDCWD, "/d", 0755);
        int dir = files.openat(AT_FDCWD, "/d", O_PATH, 0);
        files.close(files.openat(dir, "inner", O_WRONLY | O_CREAT, 0600));
        assertThat(files.fstatat(dir, "inner", 0).permissions()).isEqualTo(0600);
        assertThat(files.fstatat(dir, "", OpenFlags.AT_EMPTY_PATH).isDirectory()).isTrue();
        assertThat(errno(() -> files.fstatat(dir, "", 0))).isEqualTo(Errno.ENOENT);
        files.fchdir(dir);
        assertThat(files.cwd()).isEqualTo("/d");
        files.renameat(AT_FDCWD, "inner", dir, "renamed");
        assertThat(files.fstatat(AT_FDCWD, "/d/renamed", 0).isRegularFile()).isTrue();
    }

    @Test
    void aNonRootCallerGetsUmaskedModesAndPermissionErrors() {
        files.mkdirat(AT_FDCWD, "/home", 0755);
        ProcessFiles guest = newFiles(ProcessIdentity.defaults());
        assertThat(errno(() -> guest.mkdirat(AT_FDCWD, "/home/x", 0777))).isEqualTo(Errno.EACCES);
        files.fchownat(AT_FDCWD, "/home", 1000, 1000, 0);
        guest.umask(077);
        guest.mkdirat(AT_FDCWD, "/home/x", 0777);
        assertThat(guest.fstatat(AT_FDCWD, "/home/x", 0).permissions()).isEqualTo(0700);
        assertThat(guest.caller()).isEqualTo(new Caller(7, ProcessIdentity.defaults(), 077));
        guest.fds().closeAll();
    }
}
