package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.fs.Stat;
import io.sandkernel.user.ProcessIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cp and mv on the kernel's filesystem. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CopyMoveCommandsTest {
    private static final Instant PAST = Instant.parse("2011-11-11T11:11:11.111111111Z");

    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void cpCopiesAFileAndIntoADirectory() {
        process.file("a", "data").run("mkdir", "d");
        assertThat(process.run("cp", "a", "b").status()).isZero();
        assertThat(process.run("cp", "a", "b", "d").status()).isZero();
        assertThat(process.read("b")).isEqualTo("data");
        assertThat(process.read("d/a")).isEqualTo("data");
        assertThat(process.read("d/b")).isEqualTo("data");
    }

    @Test
    void cpCopiesEveryByteOfALargeFile() {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        process.file("big", data);
        assertThat(process.run("cp", "big", "copy").status()).isZero();
        byte[] copied = process.call(p -> p.openRead("copy").readAllBytes());
        assertThat(copied).isEqualTo(data);
    }

    @Test
    void cpGivesANewFileTheSourceModeLessTheUmask() {
        process.file("a", "x").chmod("a", 0777);
        process.run("cp", "a", "b");
        assertThat(process.mode("b")).isEqualTo(0755);
    }

    @Test
    void cpOmitsDirectoriesWithoutDashR() {
        process.file("d/x", "1");
        Sandbox.Result result = process.run("cp", "d", "e");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("cp: -r not specified; omitting directory 'd'\n");
    }

    @Test
    void cpDashRCopiesTrees() {
        process.file("d/x", "1").file("d/s/y", "2");
        assertThat(process.run("cp", "-r", "d", "e").status()).isZero();
        assertThat(process.read("e/x")).isEqualTo("1");
        assertThat(process.read("e/s/y")).isEqualTo("2");
    }

    @Test
    void cpRefusesToCopyADirectoryIntoItself() {
        process.file("d/x", "1");
        assertThat(process.run("cp", "-r", "d", "d/inner").err())
                .isEqualTo("cp: cannot copy a directory, 'd', into itself, 'd/inner'\n");
    }

    @Test
    void cpDashPKeepsTheModeAndTimes() {
        process.file("a", "x").chmod("a", 0700).times("a", PAST);
        assertThat(process.run("cp", "-p", "a", "b").status()).isZero();
        Stat copy = process.lstat("b");
        assertThat(copy.permissions()).isEqualTo(0700);
        assertThat(copy.mtime()).isEqualTo(PAST);
        assertThat(copy.atime()).isEqualTo(PAST);
        assertThat(process.run("cp", "a", "c").status()).isZero();
        assertThat(process.lstat("c").mtime()).isNotEqualTo(PAST);
    }

    @Test
    void cpDashAKeepsDirectoryTimesModesAndLinks() {
        process.file("d/f", "x").symlink("f", "d/l").chmod("d", 0750).times("d/f", PAST).times("d", PAST);
        assertThat(process.run("cp", "-a", "d", "e").status()).isZero();
        assertThat(process.lstat("e").permissions()).isEqualTo(0750);
        assertThat(process.lstat("e").mtime()).isEqualTo(PAST);
        assertThat(process.lstat("e/f").mtime()).isEqualTo(PAST);
        assertThat(process.lstat("e/l").isSymbolicLink()).isTrue();
        String target = process.call(p -> p.readlink("e/l"));
        assertThat(target).isEqualTo("f");
    }

    @Test
    void cpAsRootWithDashPKeepsTheOwner() {
        process.file("a", "x");
        process.identity(ProcessIdentity.root()).run("cp", "-p", "a", "/tmp/b");
        process.run("cp", "a", "/tmp/c");
        assertThat(process.lstat("/tmp/b").uid()).isEqualTo(1000);
        assertThat(process.lstat("/tmp/c").uid()).isZero();
    }

    @Test
    void cpDashPKeepsLinksAndDefaultFollowsThem() {
        process.file("t", "target").symlink("t", "l");
        process.run("cp", "l", "followed");
        process.run("cp", "-P", "l", "kept");
        assertThat(process.lstat("followed").isRegularFile()).isTrue();
        assertThat(process.lstat("kept").isSymbolicLink()).isTrue();
        assertThat(process.read("kept")).isEqualTo("target");
    }

    @Test
    void cpUsageErrors() {
        assertThat(process.run("cp").err()).startsWith("cp: missing file operand");
        assertThat(process.run("cp", "a").err()).startsWith("cp: missing destination file operand after 'a'");
        process.file("x", "").file("y", "");
        assertThat(process.run("cp", "x", "y", "z").err()).isEqualTo("cp: target 'z': No such file or directory\n");
        assertThat(process.run("cp", "x", "y", "y").err()).isEqualTo("cp: target 'y' is not a directory\n");
        assertThat(process.run("cp", "nope", "z").err()).isEqualTo("cp: cannot stat 'nope': No such file or directory\n");
        assertThat(process.run("cp", "x", "x").err()).isEqualTo("cp: 'x' and 'x' are the same file\n");
    }

    @Test
    void cpReportsUnreadableSourcesAndUnwritableTargets() {
        process.file("secret", "s").chmod("secret", 0);
        assertThat(process.run("cp", "secret", "copy").err())
                .isEqualTo("cp: cannot open 'secret' for reading: Permission denied\n");
        process.file("x", "");
        assertThat(process.run("cp", "x", "/etc/x").err())
                .isEqualTo("cp: cannot create regular file '/etc/x': Permission denied\n");
    }

    @Test
    void cpToAFullDeviceReportsTheWriteError() {
        process.file("x", "data");
        Sandbox.Result result = process.run("cp", "x", "/dev/full");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("cp: error writing '/dev/full': No space left on device\n");
    }

    @Test
    void mvRenamesAndMovesIntoDirectories() {
        process.file("a", "1").file("b", "2").run("mkdir", "d");
        assertThat(process.run("mv", "a", "c").status()).isZero();
        assertThat(process.read("c")).isEqualTo("1");
        assertThat(process.exists("a")).isFalse();
        assertThat(process.run("mv", "b", "c", "d").status()).isZero();
        assertThat(process.read("d/b")).isEqualTo("2");
        assertThat(process.read("d/c")).isEqualTo("1");
    }

    @Test
    void mvKeepsTheInode() {
        process.file("a", "1");
        long ino = process.lstat("a").ino();
        process.run("mv", "a", "b");
        assertThat(process.lstat("b").ino()).isEqualTo(ino);
    }

    @Test
    void mvReplacesAnExistingFileUnlessDashN() {
        process.file("a", "new").file("b", "old").file("c", "keep");
        process.run("mv", "-n", "c", "b");
        assertThat(process.read("b")).isEqualTo("old");
        process.run("mv", "a", "b");
        assertThat(process.read("b")).isEqualTo("new");
    }

    @Test
    void mvMovesDirectories() {
        process.file("d/x", "1");
        assertThat(process.run("mv", "d", "e").status()).isZero();
        assertThat(process.read("e/x")).isEqualTo("1");
    }

    @Test
    void mvReportsMissingSourceAndSubdirectoryMoves() {
        assertThat(process.run("mv", "nope", "x").err()).isEqualTo("mv: cannot stat 'nope': No such file or directory\n");
        process.file("d/s/x", "");
        assertThat(process.run("mv", "d", "d/s").err())
                .isEqualTo("mv: cannot move 'd' to a subdirectory of itself, 'd/s/d'\n");
    }

    @Test
    void mvOfAnotherUsersFileOutOfTheStickyTmpIsNotPermitted() {
        process.identity(new ProcessIdentity(2000, 2000, 2000, 2000, java.util.List.of(2000))).file("/tmp/theirs", "x")
                .identity(ProcessIdentity.defaults());
        Sandbox.Result result = process.run("mv", "/tmp/theirs", "mine");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("mv: cannot move '/tmp/theirs' to 'mine': Operation not permitted\n");
    }

    @Test
    void mvAcrossMountsCopiesKeepingModeTimesAndLinksThenRemovesTheSource(@TempDir Path host) {
        try (Sandbox sandbox = Sandbox.create(builder -> builder.grantHostAccess().mount("/mnt/host", host, false))) {
            sandbox.file("d/f", "data").chmod("d/f", 0640).times("d/f", PAST).symlink("f", "d/l").file("g", "g");
            long ino = sandbox.lstat("d/f").ino();
            Sandbox.Result result = sandbox.run("mv", "d", "g", "/mnt/host");
            assertThat(result.err()).isEmpty();
            assertThat(result.status()).isZero();
            assertThat(sandbox.exists("d")).isFalse();
            assertThat(sandbox.exists("g")).isFalse();
            assertThat(sandbox.read("/mnt/host/d/f")).isEqualTo("data");
            assertThat(sandbox.read("/mnt/host/g")).isEqualTo("g");
            Stat moved = sandbox.lstat("/mnt/host/d/f");
            assertThat(moved.permissions()).isEqualTo(0640);
            assertThat(moved.mtime()).isEqualTo(PAST);
            assertThat(moved.dev()).isNotEqualTo(sandbox.lstat(".").dev());
            assertThat(moved.ino()).isNotEqualTo(ino);
            String target = sandbox.call(p -> p.readlink("/mnt/host/d/l"));
            assertThat(target).isEqualTo("f");
        }
    }

    @Test
    void mvAcrossMountsReplacesAnExistingFile(@TempDir Path host) {
        try (Sandbox sandbox = Sandbox.create(builder -> builder.grantHostAccess().mount("/mnt/host", host, false))) {
            sandbox.file("a", "new").file("/mnt/host/a", "old");
            assertThat(sandbox.run("mv", "a", "/mnt/host/a").status()).isZero();
            assertThat(sandbox.read("/mnt/host/a")).isEqualTo("new");
            assertThat(sandbox.exists("a")).isFalse();
        }
    }
}
