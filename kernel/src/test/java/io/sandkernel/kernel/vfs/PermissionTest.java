package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.api.fs.OpenFlags.R_OK;
import static io.sandkernel.api.fs.OpenFlags.W_OK;
import static io.sandkernel.api.fs.OpenFlags.X_OK;
import static io.sandkernel.kernel.vfs.Fixture.OTHER;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.user.ProcessIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PermissionTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @Test
    void userCannotWriteRootsFileButRootCan() {
        assertErrno(Errno.EACCES, () -> vfs.open(USER, null, "/etc/passwd", O_WRONLY, 0));
        assertThat(fx.read(USER, "/etc/passwd")).startsWith("root");
        vfs.open(ROOT, null, "/etc/passwd", O_WRONLY, 0).handle().close();
    }

    @Test
    void rootReadsAndWritesModeZeroFiles() {
        fx.write(USER, "/home/user/private", "secret");
        vfs.chmod(USER, null, "/home/user/private", 0, true);
        assertErrno(Errno.EACCES, () -> fx.read(USER, "/home/user/private"));
        assertThat(fx.read(ROOT, "/home/user/private")).isEqualTo("secret");
    }

    @Test
    void groupAndOtherBitsApplyByMembership() {
        fx.write(ROOT, "/tmp/group-only", "g");
        vfs.chown(ROOT, null, "/tmp/group-only", 0, 1000, true);
        vfs.chmod(ROOT, null, "/tmp/group-only", 0640, true);
        assertThat(fx.read(USER, "/tmp/group-only")).isEqualTo("g");
        assertErrno(Errno.EACCES, () -> fx.read(OTHER, "/tmp/group-only"));
        Caller supplementary = new Caller(300, new ProcessIdentity(1002, 1002, 1002, 1002, List.of(1002, 1000)), 022);
        assertThat(fx.read(supplementary, "/tmp/group-only")).isEqualTo("g");
    }

    @Test
    void ownerBitsWinOverGroupBits() {
        fx.write(USER, "/home/user/f", "x");
        vfs.chmod(USER, null, "/home/user/f", 0070, true);
        assertErrno(Errno.EACCES, () -> fx.read(USER, "/home/user/f"));
    }

    @Test
    void createInDirectoryWithoutWritePermissionFailsWithEacces() {
        assertErrno(Errno.EACCES, () -> vfs.open(USER, null, "/etc/new", O_CREAT | O_WRONLY, 0644));
        assertErrno(Errno.EACCES, () -> vfs.mkdir(USER, null, "/etc/dir", 0755));
        assertErrno(Errno.EACCES, () -> vfs.symlink(USER, "x", null, "/etc/link"));
        assertErrno(Errno.EACCES, () -> vfs.link(USER, null, "/etc/passwd", null, "/etc/hard", false));
        assertErrno(Errno.EACCES, () -> vfs.unlink(USER, null, "/etc/passwd"));
        assertErrno(Errno.EACCES, () -> vfs.rename(USER, null, "/etc/passwd", null, "/tmp/stolen"));
    }

    @Test
    void stickyDirectoryLetsOnlyOwnersRemoveEntries() {
        fx.write(OTHER, "/tmp/others", "o");
        fx.write(USER, "/tmp/mine", "m");
        assertErrno(Errno.EPERM, () -> vfs.unlink(USER, null, "/tmp/others"));
        assertErrno(Errno.EPERM, () -> vfs.rename(USER, null, "/tmp/others", null, "/tmp/taken"));
        assertErrno(Errno.EPERM, () -> vfs.rename(USER, null, "/tmp/mine", null, "/tmp/others"));
        vfs.rename(USER, null, "/tmp/mine", null, "/tmp/mine2");
        vfs.unlink(USER, null, "/tmp/mine2");
        vfs.unlink(ROOT, null, "/tmp/others");
    }

    @Test
    void stickyDirectoryOwnerMayRemoveAnyEntry() {
        vfs.mkdir(USER, null, "/home/user/shared", 0777);
        vfs.chmod(USER, null, "/home/user/shared", 01777, true);
        fx.write(OTHER, "/home/user/shared/f", "o");
        vfs.unlink(USER, null, "/home/user/shared/f");
    }

    @Test
    void chmodByNonOwnerFailsWithEperm() {
        assertErrno(Errno.EPERM, () -> vfs.chmod(USER, null, "/etc/passwd", 0777, true));
        vfs.chmod(ROOT, null, "/etc/passwd", 04755, true);
        assertThat(vfs.stat(USER, null, "/etc/passwd", true).permissions()).isEqualTo(04755);
    }

    @Test
    void chmodKeepsSetIdAndStickyBits() {
        vfs.mkdir(USER, null, "/home/user/d", 0755);
        vfs.chmod(USER, null, "/home/user/d", 07755, true);
        assertThat(vfs.stat(USER, null, "/home/user/d", true).mode() & 07777).isEqualTo(07755);
    }

    @Test
    void chmodBySomeoneOutsideTheGroupDropsSetGid() {
        fx.write(USER, "/home/user/f", "");
        vfs.chown(ROOT, null, "/home/user/f", 1000, 50, true);
        vfs.chmod(USER, null, "/home/user/f", 02755, true);
        assertThat(vfs.stat(USER, null, "/home/user/f", true).permissions()).isEqualTo(0755);
    }

    @Test
    void chmodOfSymlinkWithoutFollowingFailsWithEnotsup() {
        vfs.symlink(ROOT, "/etc/passwd", null, "/tmp/l");
        assertErrno(Errno.ENOTSUP, () -> vfs.chmod(ROOT, null, "/tmp/l", 0600, false));
    }

    @Test
    void chownByNonRootFailsWithEperm() {
        fx.write(USER, "/home/user/f", "");
        assertErrno(Errno.EPERM, () -> vfs.chown(USER, null, "/home/user/f", 1001, -1, true));
        assertErrno(Errno.EPERM, () -> vfs.chown(USER, null, "/home/user/f", -1, 0, true));
        assertErrno(Errno.EPERM, () -> vfs.chown(OTHER, null, "/home/user/f", -1, 1001, true));
        vfs.chown(ROOT, null, "/home/user/f", 1001, 1001, true);
        assertThat(vfs.stat(ROOT, null, "/home/user/f", true).uid()).isEqualTo(1001);
    }

    @Test
    void ownerMayGiveFileToOneOfItsGroups() {
        Caller member = new Caller(300, new ProcessIdentity(1000, 1000, 1000, 1000, List.of(1000, 44)), 022);
        fx.write(USER, "/home/user/f", "");
        vfs.chown(member, null, "/home/user/f", 1000, 44, true);
        assertThat(vfs.stat(ROOT, null, "/home/user/f", true).gid()).isEqualTo(44);
    }

    @Test
    void chownClearsSetUidOfFiles() {
        fx.write(ROOT, "/tmp/suid", "");
        vfs.chmod(ROOT, null, "/tmp/suid", 06755, true);
        vfs.chown(ROOT, null, "/tmp/suid", 1000, -1, true);
        assertThat(vfs.stat(ROOT, null, "/tmp/suid", true).permissions()).isEqualTo(0755);
    }

    @Test
    void explicitTimesOnlyByOwnerAndNowByWriters() {
        fx.write(ROOT, "/tmp/shared", "");
        vfs.chmod(ROOT, null, "/tmp/shared", 0666, true);
        Instant then = Instant.parse("2000-01-01T00:00:00Z");
        assertErrno(Errno.EPERM, () -> vfs.utimens(USER, null, "/tmp/shared", TimeUpdate.at(then), TimeUpdate.omit(), true));
        vfs.utimens(USER, null, "/tmp/shared", TimeUpdate.now(), TimeUpdate.now(), true);
        assertErrno(Errno.EACCES, () -> vfs.utimens(USER, null, "/etc/passwd", TimeUpdate.now(), TimeUpdate.now(), true));
        vfs.utimens(ROOT, null, "/tmp/shared", TimeUpdate.at(then), TimeUpdate.omit(), true);
        Stat stat = vfs.stat(ROOT, null, "/tmp/shared", true);
        assertThat(stat.atime()).isEqualTo(then);
        assertThat(stat.mtime()).isEqualTo(Fixture.START);
    }

    @Test
    void newFilesInSetGidDirectoryTakeItsGroup() {
        vfs.mkdir(ROOT, null, "/srv", 0777);
        vfs.chown(ROOT, null, "/srv", 0, 77, true);
        vfs.chmod(ROOT, null, "/srv", 02777, true);
        fx.write(USER, "/srv/f", "");
        vfs.mkdir(USER, null, "/srv/d", 0755);
        assertThat(vfs.stat(ROOT, null, "/srv/f", true).gid()).isEqualTo(77);
        Stat dir = vfs.stat(ROOT, null, "/srv/d", true);
        assertThat(dir.gid()).isEqualTo(77);
        assertThat(dir.permissions() & 02000).isEqualTo(02000);
    }

    @Test
    void rootExecutesOnlyFilesWithAnExecuteBit() {
        fx.write(ROOT, "/tmp/script", "#!/bin/sh");
        vfs.chmod(ROOT, null, "/tmp/script", 0644, true);
        assertErrno(Errno.EACCES, () -> vfs.access(ROOT, null, "/tmp/script", X_OK, true, true));
        vfs.chmod(ROOT, null, "/tmp/script", 0001, true);
        assertThatCode(() -> vfs.access(ROOT, null, "/tmp/script", X_OK | R_OK | W_OK, true, true)).doesNotThrowAnyException();
        assertErrno(Errno.EACCES, () -> vfs.access(USER, null, "/tmp/script", R_OK, true, true));
        assertThatCode(() -> vfs.access(ROOT, null, "/etc", X_OK, true, true)).doesNotThrowAnyException();
    }

    @Test
    void accessUsesRealIdsUnlessEffectiveAsked() {
        Caller setuidRoot = new Caller(400, new ProcessIdentity(1000, 1000, 0, 0, List.of(1000)), 022);
        vfs.mkdir(ROOT, null, "/root", 0700);
        assertErrno(Errno.EACCES, () -> vfs.access(setuidRoot, null, "/root", R_OK, false, true));
        assertThatCode(() -> vfs.access(setuidRoot, null, "/root", R_OK, true, true)).doesNotThrowAnyException();
        assertErrno(Errno.EINVAL, () -> vfs.access(USER, null, "/etc", 8, true, true));
    }

    @Test
    void movingDirectoryToAnotherParentNeedsWriteOnIt() {
        vfs.mkdir(ROOT, null, "/tmp/rootdir", 0755);
        vfs.mkdir(USER, null, "/home/user/a", 0755);
        vfs.mkdir(USER, null, "/home/user/b", 0755);
        vfs.chmod(USER, null, "/home/user/a", 0555, true);
        assertErrno(Errno.EACCES, () -> vfs.rename(USER, null, "/home/user/a", null, "/home/user/b/a"));
        vfs.rename(USER, null, "/home/user/a", null, "/home/user/c");
    }

    @Test
    void readingDirectoryNeedsReadPermission() {
        vfs.mkdir(ROOT, null, "/listless", 0711);
        fx.write(ROOT, "/listless/known", "k");
        assertErrno(Errno.EACCES, () -> vfs.open(USER, null, "/listless", O_RDONLY, 0));
        assertThat(fx.read(USER, "/listless/known")).isEqualTo("k");
    }
}
