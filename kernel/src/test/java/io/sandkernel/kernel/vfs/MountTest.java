package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_TRUNC;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.api.fs.OpenFlags.W_OK;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MountTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @BeforeEach
    void mountSecondFilesystems() {
        vfs.mkdir(ROOT, null, "/mnt", 0755);
        vfs.mkdir(ROOT, null, "/mnt/data", 0755);
        vfs.mkdir(ROOT, null, "/ro", 0755);
        vfs.mount("/mnt/data", NioBackend.inMemory(fx.clock), false);
        vfs.mkdir(ROOT, null, "/mnt/data/inner", 0755);
        fx.write(ROOT, "/mnt/data/inner/file", "in data");
        NioBackend readOnly = NioBackend.inMemory(fx.clock);
        Mount ro = vfs.mount("/ro", readOnly, false);
        assertThat(ro.readOnly()).isFalse();
    }

    @Test
    void mountsAreListedWithTypeAndMode() {
        assertThat(vfs.mounts()).containsExactly(new MountInfo("/", "tmpfs", false),
                new MountInfo("/mnt/data", "tmpfs", false), new MountInfo("/ro", "tmpfs", false));
    }

    @Test
    void eachMountHasItsOwnDevice() {
        long rootDev = vfs.stat(ROOT, null, "/etc/passwd", true).dev();
        long dataDev = vfs.stat(ROOT, null, "/mnt/data/inner/file", true).dev();
        assertThat(dataDev).isNotEqualTo(rootDev);
        assertThat(vfs.stat(ROOT, null, "/mnt/data", true).dev()).isEqualTo(dataDev);
    }

    @Test
    void dotDotAtMountRootGoesToTheParentMount() {
        assertThat(vfs.resolve(ROOT, null, "/mnt/data/inner/../..", true).path()).isEqualTo("/mnt");
        assertThat(vfs.resolve(ROOT, null, "/mnt/data/..", true).path()).isEqualTo("/mnt");
        Resolved inner = fx.dir("/mnt/data/inner");
        assertThat(vfs.resolve(ROOT, inner, "../../../etc/passwd", true).path()).isEqualTo("/etc/passwd");
        assertThat(inner.path()).isEqualTo("/mnt/data/inner");
    }

    @Test
    void readdirOfMountPointShowsTheMountedRoot() {
        Resolved mnt = fx.dir("/mnt");
        long mountedRoot = vfs.stat(ROOT, null, "/mnt/data", true).ino();
        assertThat(vfs.readdir(ROOT, mnt)).filteredOn(e -> e.name().equals("data"))
                .singleElement().satisfies(e -> assertThat(e.ino()).isEqualTo(mountedRoot));
        assertThat(vfs.readdir(ROOT, fx.dir("/mnt/data")).get(1).ino())
                .isEqualTo(vfs.stat(ROOT, null, "/mnt", true).ino());
    }

    @Test
    void renameAcrossMountsFailsWithExdev() {
        assertErrno(Errno.EXDEV, () -> vfs.rename(ROOT, null, "/etc/passwd", null, "/mnt/data/passwd"));
        assertErrno(Errno.EXDEV, () -> vfs.rename(ROOT, null, "/mnt/data/inner", null, "/tmp/inner"));
    }

    @Test
    void linkAcrossMountsFailsWithExdev() {
        assertErrno(Errno.EXDEV, () -> vfs.link(ROOT, null, "/etc/passwd", null, "/mnt/data/passwd", false));
    }

    @Test
    void rmdirOfMountPointFailsWithEbusy() {
        assertErrno(Errno.EBUSY, () -> vfs.rmdir(ROOT, null, "/mnt/data"));
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, null, "/mnt/data", null, "/mnt/other"));
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, null, "/mnt", null, "/mnt2"));
        vfs.mkdir(ROOT, null, "/empty", 0755);
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, null, "/empty", null, "/ro"));
    }

    @Test
    void mountOnMissingOrNonDirectoryOrBusyPathFails() {
        assertErrno(Errno.ENOENT, () -> vfs.mount("/missing", NioBackend.inMemory(fx.clock), false));
        assertErrno(Errno.ENOTDIR, () -> vfs.mount("/etc/passwd", NioBackend.inMemory(fx.clock), false));
        assertErrno(Errno.EBUSY, () -> vfs.mount("/mnt/data", NioBackend.inMemory(fx.clock), false));
        assertErrno(Errno.EBUSY, () -> vfs.mount("/", NioBackend.inMemory(fx.clock), false));
    }

    @Test
    void everyModificationOnReadOnlyMountFailsWithErofs() {
        Fixture other = new Fixture();
        Vfs ro = other.vfs;
        ro.mkdir(ROOT, null, "/ro", 0755);
        NioBackend backend = NioBackend.inMemory(other.clock);
        Mount mount = ro.mount("/ro", backend, true);
        assertThat(mount.readOnly()).isTrue();
        assertThat(ro.mounts()).contains(new MountInfo("/ro", "tmpfs", true));
        // the backend starts empty: populate it through a second, writable VFS over the same backend
        Vfs writer = new Vfs(VfsLimits.defaults(), other.clock);
        writer.mount("/", backend, false);
        writer.mkdir(ROOT, null, "/dir", 0755);
        OpenResult created = writer.open(ROOT, null, "/file", O_CREAT | O_WRONLY, 0644);
        created.handle().close();

        assertErrno(Errno.EROFS, () -> ro.mkdir(ROOT, null, "/ro/new", 0755));
        assertErrno(Errno.EROFS, () -> ro.open(ROOT, null, "/ro/new", O_CREAT | O_WRONLY, 0644));
        assertErrno(Errno.EROFS, () -> ro.open(ROOT, null, "/ro/file", O_WRONLY, 0));
        assertErrno(Errno.EROFS, () -> ro.open(ROOT, null, "/ro/file", O_RDONLY | O_TRUNC, 0));
        assertErrno(Errno.EROFS, () -> ro.unlink(ROOT, null, "/ro/file"));
        assertErrno(Errno.EROFS, () -> ro.rmdir(ROOT, null, "/ro/dir"));
        assertErrno(Errno.EROFS, () -> ro.rename(ROOT, null, "/ro/file", null, "/ro/moved"));
        assertErrno(Errno.EROFS, () -> ro.symlink(ROOT, "x", null, "/ro/link"));
        assertErrno(Errno.EROFS, () -> ro.link(ROOT, null, "/ro/file", null, "/ro/hard", false));
        assertErrno(Errno.EROFS, () -> ro.chmod(ROOT, null, "/ro/file", 0600, true));
        assertErrno(Errno.EROFS, () -> ro.chown(ROOT, null, "/ro/file", 1, 1, true));
        assertErrno(Errno.EROFS, () -> ro.utimens(ROOT, null, "/ro/file", TimeUpdate.now(), TimeUpdate.now(), true));
        assertErrno(Errno.EROFS, () -> ro.truncate(ROOT, null, "/ro/file", 0));
        assertErrno(Errno.EROFS, () -> ro.access(ROOT, null, "/ro/file", W_OK, true, true));
        assertErrno(Errno.EEXIST, () -> ro.mkdir(ROOT, null, "/ro/dir", 0755));
        ro.open(ROOT, null, "/ro/file", O_RDONLY, 0).handle().close();
        assertThat(ro.statfs(ROOT, null, "/ro").readOnly()).isTrue();
        assertErrno(Errno.EROFS, () -> ro.open(USER, null, "/ro/file", O_WRONLY, 0));
        assertErrno(Errno.EACCES, () -> ro.mkdir(USER, null, "/etc/x", 0755));
    }

    @Test
    void mountCountsExistingFilesOfCountedBackends() {
        Vfs first = new Vfs(VfsLimits.defaults(), fx.clock);
        NioBackend backend = NioBackend.inMemory(fx.clock);
        first.mount("/", backend, false);
        first.mkdir(ROOT, null, "/a", 0755);
        try (FileHandle h = first.open(ROOT, null, "/a/f", O_CREAT | O_WRONLY, 0644).handle()) {
            h.write(java.nio.ByteBuffer.allocate(123), 0);
        }
        Vfs second = new Vfs(VfsLimits.defaults(), fx.clock);
        second.mount("/", backend, false);
        assertThat(second.usedBytes()).isEqualTo(123);
        assertThat(second.usedInodes()).isEqualTo(3);
    }

    @Test
    void operationsBeforeRootIsMountedFailWithEnoent() {
        Vfs empty = new Vfs(VfsLimits.defaults(), fx.clock);
        assertErrno(Errno.ENOENT, () -> empty.stat(ROOT, null, "/", true));
        assertErrno(Errno.ENOENT, () -> empty.mount("/x", NioBackend.inMemory(fx.clock), false));
    }
}
