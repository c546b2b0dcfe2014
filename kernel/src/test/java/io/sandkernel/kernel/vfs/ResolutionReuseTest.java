package io.sandkernel.kernel.vfs;

import static io.sandkernel.kernel.vfs.Fixture.OTHER;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path resolved again right after the same resolution gives the answer a fresh walk would: the
 * kept answer ({@link LastResolution}) never outlives a change of names, mounts, modes, owners or
 * the caller, nor hides a change made behind the kernel's back in a host directory.
 */
@Timeout(10)
class ResolutionReuseTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;

    @Test
    void aRenamedDirectoryIsNoLongerFoundUnderItsOldName() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        fx.write(ROOT, "/tmp/d/f", "x");
        assertThat(vfs.stat(ROOT, null, "/tmp/d/f", true).type()).isEqualTo(FileType.REGULAR);
        assertThat(vfs.stat(ROOT, null, "/tmp/d/f", true).type()).isEqualTo(FileType.REGULAR);
        vfs.rename(ROOT, null, "/tmp/d", null, "/tmp/e");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/d/f", true));
        assertThat(fx.read(ROOT, "/tmp/e/f")).isEqualTo("x");
    }

    @Test
    void anUnlinkedAndRecreatedFileIsTheNewOne() {
        fx.write(ROOT, "/tmp/f", "old");
        long oldIno = vfs.stat(ROOT, null, "/tmp/f", true).ino();
        vfs.unlink(ROOT, null, "/tmp/f");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/f", true));
        fx.write(ROOT, "/tmp/f", "new");
        assertThat(vfs.stat(ROOT, null, "/tmp/f", true).ino()).isNotEqualTo(oldIno);
        assertThat(fx.read(ROOT, "/tmp/f")).isEqualTo("new");
    }

    @Test
    void searchPermissionTakenAwayAfterAResolutionIsEnforced() {
        vfs.mkdir(USER, null, "/home/user/sub", 0755);
        fx.write(USER, "/home/user/sub/f", "mine");
        // the directory is changed through a descriptor (fchmod, fchown): no other path is resolved
        // between the two opens of the file
        Resolved sub = vfs.resolve(USER, null, "/home/user/sub", true);
        assertThat(fx.read(USER, "/home/user/sub/f")).isEqualTo("mine");
        vfs.chmod(USER, sub, 0600);
        assertErrno(Errno.EACCES, () -> fx.read(USER, "/home/user/sub/f"));
        vfs.chmod(USER, sub, 0700);
        assertThat(fx.read(USER, "/home/user/sub/f")).isEqualTo("mine");
        vfs.chown(ROOT, sub, 0, 0);
        assertErrno(Errno.EACCES, () -> fx.read(USER, "/home/user/sub/f"));
    }

    @Test
    void searchPermissionTakenAwayByPathIsEnforced() {
        vfs.mkdir(USER, null, "/home/user/sub", 0755);
        fx.write(USER, "/home/user/sub/f", "mine");
        assertThat(fx.read(USER, "/home/user/sub/f")).isEqualTo("mine");
        vfs.chmod(USER, null, "/home/user/sub", 0600, true);
        assertErrno(Errno.EACCES, () -> fx.read(USER, "/home/user/sub/f"));
    }

    @Test
    void whatRootResolvedIsNotGivenToAnotherIdentity() {
        vfs.mkdir(USER, null, "/home/user/private", 0700);
        fx.write(USER, "/home/user/private/f", "secret");
        vfs.chmod(USER, null, "/home/user/private/f", 0644, true);
        assertThat(vfs.stat(ROOT, null, "/home/user/private/f", true).size()).isEqualTo(6);
        assertErrno(Errno.EACCES, () -> vfs.stat(OTHER, null, "/home/user/private/f", true));
        assertThat(vfs.stat(USER, null, "/home/user/private/f", true).size()).isEqualTo(6);
    }

    @Test
    void aRelativePathResolvesFromEachStartingDirectory() {
        vfs.mkdir(ROOT, null, "/tmp/a", 0755);
        vfs.mkdir(ROOT, null, "/tmp/b", 0755);
        fx.write(ROOT, "/tmp/a/f", "in a");
        fx.write(ROOT, "/tmp/b/f", "in b");
        Resolved a = fx.dir("/tmp/a");
        Resolved b = fx.dir("/tmp/b");
        assertThat(Fixture.read(vfs, ROOT, a, "f")).isEqualTo("in a");
        assertThat(Fixture.read(vfs, ROOT, b, "f")).isEqualTo("in b");
        assertThat(Fixture.read(vfs, ROOT, a, "f")).isEqualTo("in a");
    }

    @Test
    void followingALinkAndNotFollowingItAreResolvedApart() {
        fx.write(ROOT, "/tmp/target", "t");
        vfs.symlink(ROOT, "target", null, "/tmp/link");
        assertThat(vfs.stat(ROOT, null, "/tmp/link", true).type()).isEqualTo(FileType.REGULAR);
        assertThat(vfs.stat(ROOT, null, "/tmp/link", false).type()).isEqualTo(FileType.SYMLINK);
        assertThat(vfs.stat(ROOT, null, "/tmp/link", true).type()).isEqualTo(FileType.REGULAR);
    }

    @Test
    void aMountOverAResolvedDirectoryHidesWhatWasUnderIt() {
        vfs.mkdir(ROOT, null, "/tmp/m", 0755);
        fx.write(ROOT, "/tmp/m/under", "u");
        assertThat(fx.read(ROOT, "/tmp/m/under")).isEqualTo("u");
        vfs.mount("/tmp/m", NioBackend.inMemory(fx.clock), false);
        assertErrno(Errno.ENOENT, () -> fx.read(ROOT, "/tmp/m/under"));
    }

    @Test
    void aHostFileRemovedBehindTheKernelsBackIsGone(@TempDir Path inside) throws IOException {
        Files.writeString(inside.resolve("f"), "host");
        vfs.mkdir(ROOT, null, "/host", 0755);
        vfs.mount("/host", NioBackend.hostDirectory(inside, 0, 0), false);
        assertThat(fx.read(ROOT, "/host/f")).isEqualTo("host");
        Files.delete(inside.resolve("f"));
        assertErrno(Errno.ENOENT, () -> fx.read(ROOT, "/host/f"));
    }

    @Test
    void namesBesideAResolvedFileAreLookedUpInItsDirectory() {
        vfs.mkdir(ROOT, null, "/tmp/d", 0755);
        fx.write(ROOT, "/tmp/d/a", "a");
        fx.write(ROOT, "/tmp/d/b", "b");
        vfs.symlink(ROOT, "a", null, "/tmp/d/link");
        assertThat(fx.read(ROOT, "/tmp/d/a")).isEqualTo("a");
        assertThat(fx.read(ROOT, "/tmp/d/b")).isEqualTo("b");
        assertThat(fx.read(ROOT, "/tmp/d/link")).isEqualTo("a");
        assertErrno(Errno.ENOENT, () -> vfs.stat(ROOT, null, "/tmp/d/missing", true));
        assertThat(vfs.stat(ROOT, null, "/tmp/d/..", true).ino()).isEqualTo(vfs.stat(ROOT, null, "/tmp", true).ino());
        assertErrno(Errno.ENOTDIR, () -> vfs.stat(ROOT, null, "/tmp/d/a/", true));
        assertErrno(Errno.EINVAL, () -> vfs.stat(ROOT, null, "/tmp/d/b\0", true));
    }

    @Test
    void aKeptDirectoryIsGivenBackOnlyForANameDirectlyInItInTheSameGeneration() {
        LastResolution last = new LastResolution();
        Resolved tmp = fx.dir("/tmp");
        long generation = last.generation();
        last.rememberDirectory(generation, USER, null, "/tmp/", tmp);
        PathWalker.Last found = last.findDirectory(generation, USER, null, "/tmp/x");
        assertThat(found).isNotNull();
        assertThat(found.dir()).isSameAs(tmp);
        assertThat(found.name()).isEqualTo("x");
        assertThat(last.findDirectory(generation, USER, null, "/tmp/x/y")).isNull();
        assertThat(last.findDirectory(generation, USER, null, "/tmp/x/")).isNull();
        assertThat(last.findDirectory(generation, USER, null, "/tmp/")).isNull();
        assertThat(last.findDirectory(generation, USER, null, "/tmpx")).isNull();
        assertThat(last.findDirectory(generation, OTHER, null, "/tmp/x")).isNull();
        assertThat(last.findDirectory(generation, USER, tmp, "/tmp/x")).isNull();
        last.attributesChanged();
        assertThat(last.findDirectory(last.generation(), USER, null, "/tmp/x")).isNull();
    }

    @Test
    void aKeptAnswerIsGivenBackOnlyForTheSameQuestionInTheSameGeneration() {
        LastResolution last = new LastResolution();
        Resolved file = fx.dir("/tmp");
        long generation = last.generation();
        last.remember(generation, USER, null, "/tmp", true, file);
        assertThat(last.find(generation, USER, null, "/tmp", true)).isSameAs(file);
        assertThat(last.find(generation, OTHER, null, "/tmp", true)).isNull();
        assertThat(last.find(generation, USER, null, "/tmp", false)).isNull();
        assertThat(last.find(generation, USER, file, "/tmp", true)).isNull();
        assertThat(last.find(generation, USER, null, "/tmp/", true)).isNull();
        last.attributesChanged();
        assertThat(last.find(last.generation(), USER, null, "/tmp", true)).isNull();
        last.changing();
        long during = last.generation();
        last.remember(during, USER, null, "/tmp", true, file);
        assertThat(last.find(during, USER, null, "/tmp", true)).isNull();
        last.changed();
        assertThat(last.find(last.generation(), USER, null, "/tmp", true)).isNull();
    }
}
