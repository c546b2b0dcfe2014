package io.sandkernel.kernel.vfs;

import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NamespaceTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @Test
    void mkdirAppliesUmaskAndOwner() {
        vfs.mkdir(USER, null, "/home/user/d", 0777);
        Stat stat = vfs.stat(USER, null, "/home/user/d", true);
        assertThat(stat.permissions()).isEqualTo(0755);
        assertThat(stat.uid()).isEqualTo(1000);
        assertThat(stat.gid()).isEqualTo(1000);
        assertThat(stat.nlink()).isEqualTo(2);
        assertThat(vfs.stat(USER, null, "/home/user", true).nlink()).isEqualTo(3);
    }

    @Test
    void mkdirOfExistingNameFailsWithEexist() {
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, null, "/etc", 0755));
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, null, "/etc/passwd", 0755));
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, null, "/", 0755));
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, null, "/etc/.", 0755));
        vfs.symlink(ROOT, "/nowhere", null, "/tmp/dangling");
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, null, "/tmp/dangling", 0755));
    }

    @Test
    void mkdirWithTrailingSlashCreatesTheDirectory() {
        vfs.mkdir(ROOT, null, "/tmp/new/", 0755);
        assertThat(vfs.stat(ROOT, null, "/tmp/new", true).isDirectory()).isTrue();
    }

    @Test
    void rmdirOfNonEmptyDirectoryFailsWithEnotempty() {
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rmdir(ROOT, null, "/etc"));
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rmdir(ROOT, null, "/etc/.."));
    }

    @Test
    void rmdirOfRootFailsWithEbusyAndOfDotWithEinval() {
        assertErrno(Errno.EBUSY, () -> vfs.rmdir(ROOT, null, "/"));
        assertErrno(Errno.EINVAL, () -> vfs.rmdir(ROOT, null, "/tmp/."));
    }

    @Test
    void rmdirOfFileFailsWithEnotdirAndOfMissingWithEnoent() {
        assertErrno(Errno.ENOTDIR, () -> vfs.rmdir(ROOT, null, "/etc/passwd"));
        assertErrno(Errno.ENOENT, () -> vfs.rmdir(ROOT, null, "/etc/nothing"));
    }

    @Test
    void rmdirRemovesAnEmptyDirectory() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        vfs.rmdir(ROOT, null, "/tmp/d/");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/d", true));
        assertThat(vfs.stat(ROOT, null, "/tmp", true).nlink()).isEqualTo(2);
    }

    @Test
    void unlinkOfDirectoryFailsWithEisdir() {
        assertErrno(Errno.EISDIR, () -> vfs.unlink(ROOT, null, "/etc"));
        assertErrno(Errno.EISDIR, () -> vfs.unlink(ROOT, null, "/etc/."));
        assertErrno(Errno.EISDIR, () -> vfs.unlink(ROOT, null, "/"));
    }

    @Test
    void unlinkWithTrailingSlashOnFileFailsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> vfs.unlink(ROOT, null, "/etc/passwd/"));
    }

    @Test
    void unlinkRemovesTheNameAndNotTheSymlinkTarget() {
        vfs.symlink(ROOT, "/etc/passwd", null, "/tmp/link");
        vfs.unlink(ROOT, null, "/tmp/link");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/link", false));
        assertThat(fx.read(ROOT, "/etc/passwd")).startsWith("root");
        assertErrno(Errno.ENOENT, () -> vfs.unlink(ROOT, null, "/tmp/link"));
    }

    @Test
    void hardLinksShareInodeAndCountLinks() {
        vfs.link(ROOT, null, "/etc/passwd", null, "/etc/passwd2", false);
        Stat one = vfs.stat(ROOT, null, "/etc/passwd", true);
        Stat two = vfs.stat(ROOT, null, "/etc/passwd2", true);
        assertThat(two.ino()).isEqualTo(one.ino());
        assertThat(one.nlink()).isEqualTo(2);
        vfs.unlink(ROOT, null, "/etc/passwd");
        assertThat(vfs.stat(ROOT, null, "/etc/passwd2", true).nlink()).isEqualTo(1);
        assertThat(fx.read(ROOT, "/etc/passwd2")).startsWith("root");
    }

    @Test
    void linkToDirectoryFailsWithEpermAndToExistingNameWithEexist() {
        assertErrno(Errno.EPERM, () -> vfs.link(ROOT, null, "/etc", null, "/tmp/etc", false));
        assertErrno(Errno.EEXIST, () -> vfs.link(ROOT, null, "/etc/passwd", null, "/etc/passwd", false));
    }

    @Test
    void linkFollowsSymlinkOnlyWhenAsked() {
        vfs.symlink(ROOT, "/etc/passwd", null, "/tmp/sym");
        vfs.link(ROOT, null, "/tmp/sym", null, "/tmp/hard-to-link", false);
        vfs.link(ROOT, null, "/tmp/sym", null, "/tmp/hard-to-file", true);
        assertThat(vfs.stat(ROOT, null, "/tmp/hard-to-link", false).isSymbolicLink()).isTrue();
        assertThat(vfs.stat(ROOT, null, "/tmp/hard-to-file", false).ino())
                .isEqualTo(vfs.stat(ROOT, null, "/etc/passwd", true).ino());
    }

    @Test
    void symlinkWithEmptyTargetFailsWithEnoentAndOnExistingNameWithEexist() {
        assertErrno(Errno.ENOENT, () -> vfs.symlink(ROOT, "", null, "/tmp/empty"));
        assertErrno(Errno.EEXIST, () -> vfs.symlink(ROOT, "x", null, "/etc/passwd"));
        assertErrno(Errno.ENAMETOOLONG, () -> vfs.symlink(ROOT, "x".repeat(4096), null, "/tmp/long"));
    }

    @Test
    void symlinkTargetIsStoredExactly() {
        vfs.symlink(ROOT, "a//b/../c/", null, "/tmp/odd");
        assertThat(vfs.readlink(ROOT, null, "/tmp/odd")).isEqualTo("a//b/../c/");
        assertErrno(Errno.EINVAL, () -> vfs.readlink(ROOT, null, "/etc/passwd"));
    }

    @Test
    void renameMovesAndReplacesFiles() {
        fx.write(ROOT, "/tmp/a", "A");
        fx.write(ROOT, "/tmp/b", "B");
        vfs.rename(ROOT, null, "/tmp/a", null, "/tmp/b");
        assertThat(fx.read(ROOT, "/tmp/b")).isEqualTo("A");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/a", true));
        vfs.rename(ROOT, null, "/tmp/b", null, "/home/b");
        assertThat(fx.read(ROOT, "/home/b")).isEqualTo("A");
    }

    @Test
    void renameOfHardLinksToTheSameFileDoesNothing() {
        vfs.link(ROOT, null, "/etc/passwd", null, "/etc/alias", false);
        vfs.rename(ROOT, null, "/etc/passwd", null, "/etc/alias");
        assertThat(vfs.stat(ROOT, null, "/etc/passwd", true).nlink()).isEqualTo(2);
    }

    @Test
    void renameOfDirectoryIntoItsOwnSubdirectoryFailsWithEinval() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        vfs.mkdir(ROOT, null, "/tmp/d/sub", 0755);
        assertErrno(Errno.EINVAL, () -> vfs.rename(ROOT, null, "/tmp/d", null, "/tmp/d/sub/x"));
        assertErrno(Errno.EINVAL, () -> vfs.rename(ROOT, null, "/tmp/d", null, "/tmp/d/x"));
    }

    @Test
    void renameOfDirectoryOverNonEmptyDirectoryFailsWithEnotempty() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rename(ROOT, null, "/tmp/d", null, "/etc"));
        assertErrno(Errno.ENOTEMPTY, () -> vfs.rename(ROOT, null, "/tmp/d", null, "/tmp"));
    }

    @Test
    void renameOfDirectoryOverEmptyDirectoryReplacesIt() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        vfs.mkdir(ROOT, null, "/tmp/d/inner", 0755);
        vfs.mkdir(ROOT, null, "/home/empty", 0755);
        vfs.rename(ROOT, null, "/tmp/d", null, "/home/empty");
        assertThat(vfs.stat(ROOT, null, "/home/empty/inner", true).isDirectory()).isTrue();
        assertThat(vfs.stat(ROOT, null, "/tmp", true).nlink()).isEqualTo(2);
        assertThat(vfs.stat(ROOT, null, "/home", true).nlink()).isEqualTo(4);
    }

    @Test
    void renameOfFileOverDirectoryFailsWithEisdirAndDirectoryOverFileWithEnotdir() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        assertErrno(Errno.EISDIR, () -> vfs.rename(ROOT, null, "/etc/passwd", null, "/tmp/d"));
        assertErrno(Errno.ENOTDIR, () -> vfs.rename(ROOT, null, "/tmp/d", null, "/etc/passwd"));
        assertErrno(Errno.ENOTDIR, () -> vfs.rename(ROOT, null, "/etc/passwd/", null, "/tmp/x"));
    }

    @Test
    void renameOfDotOrRootFailsWithEbusyAndMissingSourceWithEnoent() {
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, null, "/tmp/.", null, "/tmp2"));
        assertErrno(Errno.EBUSY, () -> vfs.rename(ROOT, null, "/", null, "/x"));
        assertErrno(Errno.ENOENT, () -> vfs.rename(ROOT, null, "/tmp/none", null, "/tmp/x"));
    }

    @Test
    void renamedWorkingDirectoryFollowsItsDirectory() {
        vfs.mkdir(ROOT, null, "/tmp/a", 0755);
        vfs.mkdir(ROOT, null, "/tmp/a/b", 0755);
        fx.write(ROOT, "/tmp/a/b/f", "F");
        Resolved cwd = fx.dir("/tmp/a/b");
        vfs.rename(ROOT, null, "/tmp/a", null, "/home/z");
        assertThat(cwd.path()).isEqualTo("/home/z/b");
        assertThat(Fixture.read(vfs, ROOT, cwd, "f")).isEqualTo("F");
        assertThat(vfs.resolve(ROOT, cwd, "..", true).path()).isEqualTo("/home/z");
    }

    @Test
    void removedWorkingDirectoryStillStatsButFindsNothing() {
        vfs.mkdir(ROOT, null, "/tmp/gone", 0755);
        Resolved cwd = fx.dir("/tmp/gone");
        vfs.rmdir(ROOT, null, "/tmp/gone");
        assertThat(vfs.stat(ROOT, cwd, ".", true).nlink()).isZero();
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, cwd, "x", true));
        assertErrno(Errno.ENOENT, cwd::path);
        assertErrno(Errno.ENOENT, () -> vfs.open(ROOT, cwd, "new", io.sandkernel.api.fs.OpenFlags.O_CREAT
                | io.sandkernel.api.fs.OpenFlags.O_WRONLY, 0644));
    }

    @Test
    void readdirListsDotsAndEntriesWithTypes() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        fx.write(ROOT, "/tmp/d/f", "");
        vfs.symlink(ROOT, "f", null, "/tmp/d/l");
        Resolved d = fx.dir("/tmp/d");
        assertThat(vfs.readdir(ROOT, d)).extracting(e -> e.name() + ":" + e.type())
                .containsExactly(".:DIRECTORY", "..:DIRECTORY", "f:REGULAR", "l:SYMLINK");
        assertThat(vfs.readdir(ROOT, d).get(1).ino()).isEqualTo(vfs.stat(ROOT, null, "/tmp", true).ino());
        assertThat(vfs.readdir(ROOT, d).get(2).ino()).isEqualTo(vfs.stat(ROOT, null, "/tmp/d/f", true).ino());
    }
}
