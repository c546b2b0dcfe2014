package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class HostConfinementTest {
    @TempDir
    Path base;
    private Path inside;
    private Path outside;
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @BeforeEach
    void mountHostDirectory() throws IOException {
        inside = Files.createDirectory(base.resolve("inside"));
        outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "OUTSIDE");
        Files.writeString(inside.resolve("hello.txt"), "INSIDE");
        Files.createDirectory(inside.resolve("sub"));
        Files.createSymbolicLink(inside.resolve("abs"), outside.resolve("secret.txt").toAbsolutePath());
        Files.createSymbolicLink(inside.resolve("rel"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(inside.resolve("absdir"), outside.toAbsolutePath());
        Files.createSymbolicLink(inside.resolve("reldir"), Path.of("../outside"));
        Files.createSymbolicLink(inside.resolve("sub/deep"), Path.of("../../outside/secret.txt"));
        Files.createSymbolicLink(inside.resolve("hostroot"), Path.of("/"));
        Files.createSymbolicLink(inside.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(inside.resolve("loop2"), Path.of("loop1"));
        vfs.mkdir(ROOT, null, "/host", 0755);
        vfs.mount("/host", NioBackend.hostDirectory(inside, 1000, 1000), false);
    }

    @AfterEach
    void removeLinkToHostRoot() throws IOException {
        Files.deleteIfExists(inside.resolve("hostroot"));
    }

    /** Reads a path through the VFS; an error counts as "not outside". */
    private String readOrError(String path) {
        try {
            return fx.read(USER, path);
        } catch (KernelException e) {
            return e.errno().name();
        }
    }

    @Test
    void filesInsideAreReadableAndOwnedByTheConfiguredUser() {
        assertThat(fx.read(USER, "/host/hello.txt")).isEqualTo("INSIDE");
        Stat stat = vfs.stat(USER, null, "/host/hello.txt", true);
        assertThat(stat.uid()).isEqualTo(1000);
        assertThat(stat.gid()).isEqualTo(1000);
        assertThat(stat.size()).isEqualTo(6);
        assertThat(vfs.mounts()).contains(new MountInfo("/host", "hostfs", false));
    }

    @Test
    void plantedAbsoluteSymlinksResolveInTheGuestNamespace() {
        assertThat(readOrError("/host/abs")).isEqualTo("ENOENT");
        assertThat(readOrError("/host/absdir/secret.txt")).isEqualTo("ENOENT");
        assertThat(vfs.resolve(USER, null, "/host/hostroot", true).path()).isEqualTo("/");
        assertThat(readOrError("/host/hostroot" + outside.resolve("secret.txt"))).isEqualTo("ENOENT");
        assertThat(vfs.readlink(USER, null, "/host/abs")).isEqualTo(outside.resolve("secret.txt").toString());
    }

    @Test
    void plantedRelativeSymlinksStopAtTheMountBoundary() {
        assertThat(readOrError("/host/rel")).isEqualTo("ENOENT");
        assertThat(readOrError("/host/reldir/secret.txt")).isEqualTo("ENOENT");
        assertThat(readOrError("/host/sub/deep")).isEqualTo("ENOENT");
        vfs.mkdir(ROOT, null, "/outside", 0755);
        fx.write(ROOT, "/outside/secret.txt", "GUEST");
        assertThat(readOrError("/host/rel")).isEqualTo("GUEST");
        assertThat(readOrError("/host/sub/deep")).isEqualTo("GUEST");
    }

    @Test
    void dotDotChainsNeverLeaveTheGuestRoot() {
        assertThat(vfs.resolve(USER, null, "/host/../../../..", true).path()).isEqualTo("/");
        assertThat(vfs.resolve(USER, null, "/host/sub/../../host/sub/../..", true).path()).isEqualTo("/");
        Resolved sub = vfs.resolveDirectory(USER, null, "/host/sub");
        assertThat(readOrError("/host/sub/../../outside/secret.txt")).isEqualTo("ENOENT");
        assertThat(vfs.resolve(USER, sub, "../../..", true).path()).isEqualTo("/");
    }

    @Test
    void symlinkLoopOnTheHostFailsWithEloop() {
        assertErrno(Errno.ELOOP, () -> vfs.stat(USER, null, "/host/loop1", true));
        assertErrno(Errno.ELOOP, () -> vfs.open(USER, null, "/host/loop1", O_CREAT | O_WRONLY, 0644));
    }

    @Test
    void symlinksCreatedThroughTheVfsCannotReachOutside() {
        vfs.symlink(USER, outside.toAbsolutePath().toString(), null, "/host/made-abs");
        vfs.symlink(USER, "../outside", null, "/host/made-rel");
        vfs.symlink(USER, "../../../../../../../../" + outside, null, "/host/sub/made-deep");
        assertThat(readOrError("/host/made-abs/secret.txt")).isEqualTo("ENOENT");
        assertThat(readOrError("/host/made-rel/secret.txt")).isEqualTo("ENOENT");
        assertThat(readOrError("/host/sub/made-deep/secret.txt")).isEqualTo("ENOENT");
        assertThat(Files.isSymbolicLink(inside.resolve("made-abs"))).isTrue();
    }

    @Test
    void creatingThroughASymlinkToOutsideNeverCreatesOutside() {
        vfs.symlink(USER, outside.resolve("created.txt").toAbsolutePath().toString(), null, "/host/to-outside");
        assertErrno(Errno.ENOENT, () -> vfs.open(USER, null, "/host/to-outside", O_CREAT | O_WRONLY, 0644));
        assertErrno(Errno.ENOENT, () -> vfs.open(USER, null, "/host/reldir/new.txt", O_CREAT | O_WRONLY, 0644));
        assertErrno(Errno.ENOENT, () -> vfs.mkdir(USER, null, "/host/absdir/newdir", 0755));
        assertThat(outside.resolve("created.txt")).doesNotExist();
        assertThat(outside.resolve("new.txt")).doesNotExist();
        assertThat(outside.resolve("newdir")).doesNotExist();
    }

    @Test
    void writingCreatingAndRemovingInsideWorks() throws IOException {
        try (FileHandle h = vfs.open(USER, null, "/host/new.txt", O_CREAT | O_RDWR, 0640).handle()) {
            h.write(ByteBuffer.wrap("written".getBytes(StandardCharsets.UTF_8)), 0);
        }
        assertThat(Files.readString(inside.resolve("new.txt"))).isEqualTo("written");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(inside.resolve("new.txt"))))
                .isEqualTo("rw-r-----");
        vfs.mkdir(USER, null, "/host/dir", 0750);
        vfs.rename(USER, null, "/host/new.txt", null, "/host/dir/moved.txt");
        assertThat(Files.readString(inside.resolve("dir/moved.txt"))).isEqualTo("written");
        vfs.link(USER, null, "/host/dir/moved.txt", null, "/host/hard.txt", false);
        assertThat(vfs.stat(USER, null, "/host/hard.txt", true).nlink()).isEqualTo(2);
        vfs.unlink(USER, null, "/host/dir/moved.txt");
        vfs.unlink(USER, null, "/host/hard.txt");
        vfs.rmdir(USER, null, "/host/dir");
        assertThat(inside.resolve("dir")).doesNotExist();
        assertThat(vfs.readdir(USER, vfs.resolveDirectory(USER, null, "/host"))).extracting(e -> e.name())
                .contains(".", "..", "hello.txt", "sub", "abs", "loop1");
    }

    @Test
    void chownIsRefusedToUsersAndIgnoredForRoot() {
        Caller member = new Caller(300, new io.sandkernel.user.ProcessIdentity(1000, 1000, 1000, 1000,
                java.util.List.of(1000, 44)), 022);
        assertErrno(Errno.EPERM, () -> vfs.chown(member, null, "/host/hello.txt", -1, 44, true));
        assertErrno(Errno.EPERM, () -> vfs.chown(USER, null, "/host/hello.txt", 0, -1, true));
        vfs.chown(USER, null, "/host/hello.txt", 1000, 1000, true);
        vfs.chown(ROOT, null, "/host/hello.txt", 0, 0, true);
        assertThat(vfs.stat(ROOT, null, "/host/hello.txt", true).uid()).isEqualTo(1000);
    }

    @Test
    void chmodNeverSetsSetIdBitsOnTheHost() {
        vfs.chmod(USER, null, "/host/hello.txt", 04755, true);
        assertThat(vfs.stat(USER, null, "/host/hello.txt", true).permissions()).isEqualTo(0755);
    }

    @Test
    void renameAndLinkBetweenHostAndMemoryFailWithExdev() {
        assertErrno(Errno.EXDEV, () -> vfs.rename(USER, null, "/host/hello.txt", null, "/tmp/hello.txt"));
        assertErrno(Errno.EXDEV, () -> vfs.link(ROOT, null, "/etc/passwd", null, "/host/passwd", false));
    }

    @Test
    void hostGrowthCountsAgainstTheByteLimit() {
        Fixture small = new Fixture(new VfsLimits(3000, 1000));
        small.vfs.mkdir(ROOT, null, "/h", 0755);
        small.vfs.mount("/h", NioBackend.hostDirectory(inside, 0, 0), false);
        long before = small.vfs.usedBytes();
        try (FileHandle h = small.vfs.open(ROOT, null, "/h/big", O_CREAT | O_RDWR, 0644).handle()) {
            long room = 3000 - before;
            assertThat(h.write(ByteBuffer.allocate((int) room + 10), 0)).isEqualTo((int) room);
            assertErrno(Errno.ENOSPC, () -> h.write(ByteBuffer.allocate(1), room));
        }
        small.vfs.unlink(ROOT, null, "/h/big");
        small.vfs.unlink(ROOT, null, "/h/hello.txt");
        assertThat(small.vfs.usedBytes()).isEqualTo(before);
    }

    @Test
    void keptDirectoryIsCheckedAgainAfterItWasReplacedByASymlink() {
        vfs.mkdir(USER, null, "/host/work", 0755);
        fx.write(USER, "/host/work/data.txt", "INSIDE");
        Resolved cwd = vfs.resolveDirectory(USER, null, "/host/work");
        vfs.rename(USER, null, "/host/work", null, "/host/work-moved");
        vfs.symlink(USER, "../outside", null, "/host/work");
        assertErrno(Errno.ENOENT, () -> Fixture.read(vfs, USER, cwd, "data.txt"));
        assertErrno(Errno.ENOENT, () -> vfs.stat(cwd));
    }

    @Test
    void hostSwapBetweenLookupAndOpenIsDetected() throws IOException {
        FileSystemBackend backend = NioBackend.hostDirectory(inside, 1000, 1000);
        Node dir = backend.root();
        Node file = backend.lookup(USER, dir, "hello.txt");
        Files.move(inside.resolve("hello.txt"), base.resolve("kept-alive.txt"));
        Files.writeString(inside.resolve("hello.txt"), "REPLACED");
        assertThatThrownBy(() -> backend.open(USER, file, O_RDONLY)).isInstanceOf(KernelException.class)
                .satisfies(e -> assertThat(((KernelException) e).errno()).isIn(Errno.ELOOP, Errno.EACCES));
        Node sub = backend.lookup(USER, dir, "sub");
        Files.delete(inside.resolve("sub/deep"));
        Files.delete(inside.resolve("sub"));
        Files.createSymbolicLink(inside.resolve("sub"), outside);
        assertErrno(Errno.ENOENT, () -> backend.revalidate(sub));
        assertThat(backend.lookup(USER, dir, "sub").type()).isEqualTo(io.sandkernel.api.fs.FileType.SYMLINK);
    }

    @Test
    void lookupNeverFollowsAHostSymlink() throws IOException {
        FileSystemBackend backend = NioBackend.hostDirectory(inside, 1000, 1000);
        Node absdir = backend.lookup(USER, backend.root(), "absdir");
        assertThat(absdir.type()).isEqualTo(io.sandkernel.api.fs.FileType.SYMLINK);
        assertThat(Files.isSymbolicLink(inside.resolve("absdir"))).isTrue();
        assertThat(Files.exists(inside.resolve("absdir"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
