package io.sandkernel.kernel.vfs;

import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PathWalkTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @Test
    void missingComponentFailsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> vfs.stat(USER, null, "/nope/file", true));
        assertErrno(Errno.ENOENT, () -> vfs.stat(USER, null, "/etc/nope", true));
    }

    @Test
    void emptyPathFailsWithEnoentAndNulWithEinval() {
        assertErrno(Errno.ENOENT, () -> vfs.stat(USER, null, "", true));
        assertErrno(Errno.EINVAL, () -> vfs.stat(USER, null, "/etc/pa\0sswd", true));
    }

    @Test
    void fileUsedAsDirectoryFailsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> vfs.stat(USER, null, "/etc/passwd/x", true));
        assertErrno(Errno.ENOTDIR, () -> vfs.stat(USER, null, "/etc/passwd/", true));
        assertErrno(Errno.ENOTDIR, () -> vfs.mkdir(ROOT, null, "/etc/passwd/sub", 0755));
    }

    @Test
    void trailingSlashOnDirectoryAndDotsResolve() {
        assertThat(vfs.stat(USER, null, "/home/user/", true).isDirectory()).isTrue();
        assertThat(vfs.resolve(USER, null, "/home/./user/../user//.", true).path()).isEqualTo("/home/user");
        assertThat(vfs.resolve(USER, null, "/..", true).path()).isEqualTo("/");
        assertThat(vfs.resolve(USER, null, "/../../..//etc/../..", true).path()).isEqualTo("/");
        assertThat(vfs.resolve(USER, null, "///", true).path()).isEqualTo("/");
    }

    @Test
    void relativePathsResolveFromTheBase() {
        Resolved home = fx.dir("/home");
        assertThat(vfs.resolve(USER, home, "user", true).path()).isEqualTo("/home/user");
        assertThat(vfs.resolve(USER, home, "../etc/passwd", true).path()).isEqualTo("/etc/passwd");
        assertThat(vfs.resolve(USER, home, "/etc", true).path()).isEqualTo("/etc");
    }

    @Test
    void componentLongerThan255BytesFailsWithEnametoolong() {
        String ok = "a".repeat(255);
        vfs.mkdir(ROOT, null, "/tmp/" + ok, 0755);
        assertThat(vfs.stat(ROOT, null, "/tmp/" + ok, true).isDirectory()).isTrue();
        assertErrno(Errno.ENAMETOOLONG, () -> vfs.stat(ROOT, null, "/tmp/" + "a".repeat(256), true));
        assertErrno(Errno.ENAMETOOLONG, () -> vfs.mkdir(ROOT, null, "/tmp/" + "é".repeat(128), 0755));
    }

    @Test
    void pathOf4096BytesFailsWithEnametoolong() {
        String longPath = "/" + "./".repeat(2047) + "t";
        assertThat(longPath.length()).isEqualTo(4096);
        assertErrno(Errno.ENAMETOOLONG, () -> vfs.stat(ROOT, null, longPath, true));
        assertThat(vfs.stat(ROOT, null, longPath.substring(0, 4091) + "/tmp", true).isDirectory()).isTrue();
    }

    @Test
    void symbolicLinksResolveInTheGuestNamespace() {
        vfs.symlink(ROOT, "/etc", null, "/tmp/abs");
        vfs.symlink(ROOT, "../etc/passwd", null, "/tmp/rel");
        vfs.symlink(ROOT, "abs/passwd", null, "/tmp/chain");
        assertThat(fx.read(USER, "/tmp/abs/passwd")).startsWith("root:");
        assertThat(fx.read(USER, "/tmp/rel")).startsWith("root:");
        assertThat(fx.read(USER, "/tmp/chain")).startsWith("root:");
        assertThat(vfs.stat(USER, null, "/tmp/rel", false).type()).isEqualTo(FileType.SYMLINK);
        assertThat(vfs.stat(USER, null, "/tmp/rel", false).size()).isEqualTo("../etc/passwd".length());
        assertThat(vfs.readlink(USER, null, "/tmp/chain")).isEqualTo("abs/passwd");
        assertThat(vfs.resolve(USER, null, "/tmp/abs/..", true).path()).isEqualTo("/");
    }

    @Test
    void symbolicLinkLoopFailsWithEloop() {
        vfs.symlink(ROOT, "b", null, "/tmp/a");
        vfs.symlink(ROOT, "a", null, "/tmp/b");
        assertErrno(Errno.ELOOP, () -> vfs.stat(USER, null, "/tmp/a", true));
        assertErrno(Errno.ELOOP, () -> vfs.stat(USER, null, "/tmp/a/x", false));
        assertThat(vfs.stat(USER, null, "/tmp/a", false).isSymbolicLink()).isTrue();
    }

    @Test
    void fortySymbolicLinksResolveAndFortyOneFailWithEloop() {
        vfs.symlink(ROOT, "/etc/passwd", null, "/tmp/l0");
        for (int i = 1; i <= 40; i++) {
            vfs.symlink(ROOT, "l" + (i - 1), null, "/tmp/l" + i);
        }
        assertThat(vfs.stat(USER, null, "/tmp/l39", true).isRegularFile()).isTrue();
        assertErrno(Errno.ELOOP, () -> vfs.stat(USER, null, "/tmp/l40", true));
    }

    @Test
    void danglingSymbolicLinkFailsWithEnoentWhenFollowed() {
        vfs.symlink(ROOT, "/nowhere", null, "/tmp/dangling");
        assertErrno(Errno.ENOENT, () -> vfs.stat(USER, null, "/tmp/dangling", true));
        assertThat(vfs.stat(USER, null, "/tmp/dangling", false).isSymbolicLink()).isTrue();
    }

    @Test
    void directoryWithoutSearchPermissionFailsWithEaccesForUserButNotRoot() {
        vfs.mkdir(ROOT, null, "/secret", 0700);
        fx.write(ROOT, "/secret/file", "x");
        assertErrno(Errno.EACCES, () -> vfs.stat(USER, null, "/secret/file", true));
        assertErrno(Errno.EACCES, () -> vfs.stat(USER, null, "/secret/../etc", true));
        assertThat(vfs.stat(ROOT, null, "/secret/file", true).size()).isEqualTo(1);
        vfs.symlink(ROOT, "/secret/file", null, "/tmp/via");
        assertErrno(Errno.EACCES, () -> vfs.stat(USER, null, "/tmp/via", true));
    }

    @Test
    void resolveDirectoryChecksTypeAndSearchPermission() {
        assertThat(vfs.resolveDirectory(USER, null, "/home/user").path()).isEqualTo("/home/user");
        assertErrno(Errno.ENOTDIR, () -> vfs.resolveDirectory(USER, null, "/etc/passwd"));
        vfs.mkdir(ROOT, null, "/closed", 0700);
        assertErrno(Errno.EACCES, () -> vfs.resolveDirectory(USER, null, "/closed"));
        Resolved closed = vfs.resolveDirectory(ROOT, null, "/closed");
        assertErrno(Errno.EACCES, () -> vfs.resolveDirectory(USER, closed, "."));
    }

    @Test
    void rootDoesNotShowJimfsWorkingDirectory() {
        assertThat(vfs.readdir(ROOT, vfs.root())).extracting(e -> e.name())
                .containsExactlyInAnyOrder(".", "..", "tmp", "home", "etc");
    }
}
