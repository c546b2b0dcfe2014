package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.user.ProcessIdentity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ls, mkdir, rm, touch and pwd on the kernel's filesystem, as the guest user unless said. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileCommandsTest {
    private static final ProcessIdentity OTHER = new ProcessIdentity(2000, 2000, 2000, 2000, List.of(2000));

    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void lsListsOneNamePerLineSortedAndHidesDotFiles() {
        process.file("b", "").file("a", "").file(".hidden", "").file("C", "");
        assertThat(process.run("ls").out()).isEqualTo("C\na\nb\n");
    }

    @Test
    void lsDashAShowsDotEntries() {
        process.file("a", "").file(".h", "");
        assertThat(process.run("ls", "-a").out()).isEqualTo(".\n..\n.h\na\n");
        assertThat(process.run("ls", "-A").out()).isEqualTo(".h\na\n");
    }

    @Test
    void lsListsFilesBeforeDirectoriesWithHeaders() {
        process.file("d/x", "").file("f", "");
        assertThat(process.run("ls", "d", "f").out()).isEqualTo("f\n\nd:\nx\n");
    }

    @Test
    void lsRecursiveShowsEveryDirectory() {
        process.file("d/x", "").file("d/s/y", "");
        assertThat(process.run("ls", "-R", "d").out()).isEqualTo("d:\ns\nx\n\nd/s:\ny\n");
    }

    @Test
    void lsMissingOperandExitsTwo() {
        Sandbox.Result result = process.run("ls", "nope");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("ls: cannot access 'nope': No such file or directory\n");
    }

    @Test
    void lsLongFormatShowsModeLinksOwnerSizeAndDate() {
        process.file("f", "hello").chmod("f", 0750).times("f", Instant.parse("2020-03-04T05:06:00Z"));
        assertThat(process.run("ls", "-l", "f").out()).isEqualTo("-rwxr-x--- 1 user user 5 Mar  4  2020 f\n");
        assertThat(process.run("ls", "-n", "f").out()).isEqualTo("-rwxr-x--- 1 1000 1000 5 Mar  4  2020 f\n");
    }

    @Test
    void lsLongFormatShowsSetIdAndStickyBits() {
        process.file("s", "").chmod("s", 06755).file("S", "").chmod("S", 06644).directory("t").chmod("t", 01777);
        assertThat(process.run("ls", "-ld", "s", "S", "t").out()).containsPattern("(?m)^-rwsr-sr-x 1 .* s$")
                .containsPattern("(?m)^-rwSr-Sr-- 1 .* S$").containsPattern("(?m)^drwxrwxrwt 2 .* t$");
    }

    @Test
    void lsLongFormatCountsHardLinks() {
        process.file("f", "x").call(p -> {
            p.link("f", "g");
            return null;
        });
        assertThat(process.run("ls", "-l", "f").out()).startsWith("-rw-r--r-- 2 user user 1 ");
    }

    @Test
    void lsLongFormatOfADirectoryStartsWithTotal() {
        process.file("d/f", "x");
        assertThat(process.run("ls", "-l", "d").out()).startsWith("total 4\n-rw-r--r-- 1 user user 1 ");
    }

    @Test
    void lsLongShowsTmpStickyAndOwnedByRoot() {
        assertThat(process.run("ls", "-ld", "/tmp").out()).matches("drwxrwxrwt +\\d+ root +root +\\d+ .* /tmp\n");
    }

    @Test
    void lsLongOfTheRootShowsRootOwnedSystemDirectories() {
        String listing = process.run("ls", "-la", "/").out();
        assertThat(listing).containsPattern("(?m)^drwxr-xr-x +\\d+ root +root +\\d+ .* \\.$");
        assertThat(listing).containsPattern("(?m)^drwxr-xr-x +\\d+ root +root +\\d+ .* etc$");
        assertThat(listing).containsPattern("(?m)^drwxrwxrwt +\\d+ root +root +\\d+ .* tmp$");
        assertThat(listing).containsPattern("(?m)^drwx------ +\\d+ root +root +\\d+ .* root$");
        assertThat(process.run("ls", "-ld", "/home/user").out()).matches("drwx\\S+ +\\d+ user +user .*\n");
    }

    @Test
    void lsLongShowsCharacterDevicesWithTheirNumbers() {
        assertThat(process.run("ls", "-l", "/dev/null", "/dev/zero", "/dev/full").out())
                .containsPattern("(?m)^crw-rw-rw- 1 root +root +1, 7 .* /dev/full$")
                .containsPattern("(?m)^crw-rw-rw- 1 root +root +1, 3 .* /dev/null$")
                .containsPattern("(?m)^crw-rw-rw- 1 root +root +1, 5 .* /dev/zero$");
    }

    @Test
    void lsDashIShowsInodeNumbersAlignedAndEqualForHardLinks() {
        process.file("a", "x").call(p -> {
            p.link("a", "b");
            return null;
        });
        long ino = process.lstat("a").ino();
        String listing = process.run("ls", "-i").out();
        assertThat(listing).isEqualTo(ino + " a\n" + ino + " b\n");
        assertThat(process.run("ls", "-li", "a").out()).startsWith(ino + " -rw-r--r-- 2 user user 1 ");
    }

    @Test
    void lsSortsByTimeWithDashT() {
        process.file("old", "").file("new", "").times("old", Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(process.run("ls", "-t").out()).isEqualTo("new\nold\n");
        assertThat(process.run("ls", "-tr").out()).isEqualTo("old\nnew\n");
    }

    @Test
    void lsDirectoryItselfWithDashD() {
        process.file("d/x", "");
        assertThat(process.run("ls", "-d", "d").out()).isEqualTo("d\n");
    }

    @Test
    void lsLongShowsASymbolicLinkOperandItselfWithItsTarget() {
        process.file("d/x", "").symlink("d", "l");
        assertThat(process.run("ls", "l").out()).isEqualTo("x\n");
        assertThat(process.run("ls", "-l", "l").out()).matches("lrwxrwxrwx 1 user user 1 .* l -> d\n");
        assertThat(process.run("ls", "-F").out()).isEqualTo("d/\nl@\n");
    }

    @Test
    void lsOfAnUnreadableDirectoryFailsWithPermissionDenied() {
        process.directory("closed").chmod("closed", 0);
        Sandbox.Result result = process.run("ls", "closed");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("ls: cannot open directory 'closed': Permission denied\n");
    }

    @Test
    void lsLongInADirectoryWithoutSearchPermissionShowsQuestionMarks() {
        process.file("d/x", "").chmod("d", 0644);
        Sandbox.Result result = process.run("ls", "-l", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("ls: cannot access 'd/x': Permission denied\n");
        assertThat(result.out()).isEqualTo("total 0\n-????????? ? ? ? ?            ? x\n");
        assertThat(process.run("ls", "d").out()).isEqualTo("x\n");
    }

    @Test
    void mkdirCreatesADirectoryWithTheUmask() {
        assertThat(process.run("mkdir", "d").status()).isZero();
        assertThat(process.mode("d")).isEqualTo(0755);
        assertThat(process.lstat("d").isDirectory()).isTrue();
    }

    @Test
    void mkdirDashMSetsTheModeWhateverTheUmask() {
        process.run("mkdir", "-m", "700", "d");
        process.run("mkdir", "-m", "u=rwx,g=rx,o=", "e");
        process.run("mkdir", "-m", "go-w", "f");
        process.run("mkdir", "-m", "1777", "g");
        process.run("mkdir", "-m", "0777", "h");
        assertThat(process.mode("d")).isEqualTo(0700);
        assertThat(process.mode("e")).isEqualTo(0750);
        assertThat(process.mode("f")).isEqualTo(0755);
        assertThat(process.mode("g")).isEqualTo(01777);
        assertThat(process.mode("h")).isEqualTo(0777);
    }

    @Test
    void mkdirReportsAnExistingDirectory() {
        process.run("mkdir", "d");
        Sandbox.Result result = process.run("mkdir", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("mkdir: cannot create directory 'd': File exists\n");
    }

    @Test
    void mkdirDashPCreatesParentsAndAcceptsExistingOnes() {
        assertThat(process.run("mkdir", "-p", "a/b/c").status()).isZero();
        assertThat(process.run("mkdir", "-pv", "a/b/c", "a/x/y").out())
                .isEqualTo("mkdir: created directory 'a/x'\nmkdir: created directory 'a/x/y'\n");
        assertThat(process.lstat("a/b/c").isDirectory()).isTrue();
    }

    @Test
    void mkdirWithoutParentFails() {
        assertThat(process.run("mkdir", "x/y").err()).isEqualTo("mkdir: cannot create directory 'x/y': No such file or directory\n");
    }

    @Test
    void mkdirInARootOwnedDirectoryIsDenied() {
        Sandbox.Result result = process.run("mkdir", "/etc/mine");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("mkdir: cannot create directory '/etc/mine': Permission denied\n");
    }

    @Test
    void rmRemovesFilesAndRefusesDirectoriesWithoutDashR() {
        process.file("f", "").file("d/x", "");
        assertThat(process.run("rm", "f").status()).isZero();
        assertThat(process.exists("f")).isFalse();
        Sandbox.Result result = process.run("rm", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove 'd': Is a directory\n");
    }

    @Test
    void rmDashRRemovesTreesWithoutFollowingLinks() {
        process.file("d/s/x", "").file("d/y", "").file("keep/z", "").symlink("../keep", "d/link");
        assertThat(process.run("rm", "-rv", "d").out()).isEqualTo("removed 'd/link'\nremoved 'd/s/x'\n"
                + "removed directory 'd/s'\nremoved 'd/y'\nremoved directory 'd'\n");
        assertThat(process.exists("d")).isFalse();
        assertThat(process.read("keep/z")).isEmpty();
    }

    @Test
    void rmDashFIgnoresMissingFiles() {
        assertThat(process.run("rm", "-f", "nope").status()).isZero();
        Sandbox.Result result = process.run("rm", "nope");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove 'nope': No such file or directory\n");
    }

    @Test
    void rmDashDRemovesOnlyEmptyDirectories() {
        process.run("mkdir", "e");
        process.file("full/x", "");
        assertThat(process.run("rm", "-d", "e").status()).isZero();
        assertThat(process.run("rm", "-d", "full").err()).isEqualTo("rm: cannot remove 'full': Directory not empty\n");
    }

    @Test
    void rmRefusesDotAndDotDot() {
        assertThat(process.run("rm", "-rf", ".").err())
                .isEqualTo("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    }

    @Test
    void rmOfAnotherUsersFileInTheStickyTmpIsNotPermitted() {
        process.identity(OTHER).file("/tmp/theirs", "x").identity(ProcessIdentity.defaults());
        Sandbox.Result result = process.run("rm", "-f", "/tmp/theirs");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove '/tmp/theirs': Operation not permitted\n");
        assertThat(process.exists("/tmp/theirs")).isTrue();
        process.file("/tmp/mine", "y");
        assertThat(process.run("rm", "/tmp/mine").status()).isZero();
    }

    @Test
    void rmInAReadOnlyDirectoryIsDeniedAndLeavesTheParent() {
        process.file("d/x", "").chmod("d", 0555);
        Sandbox.Result result = process.run("rm", "-r", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove 'd/x': Permission denied\n");
        assertThat(process.exists("d/x")).isTrue();
    }

    @Test
    void rmRecursiveReportsAnUnreadableSubdirectoryAndKeepsItsParents() {
        process.file("a/sub/f", "").chmod("a/sub", 0);
        Sandbox.Result result = process.run("rm", "-r", "a");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove 'a/sub': Permission denied\n");
        assertThat(process.exists("a/sub")).isTrue();
    }

    @Test
    void rmRecursiveOfTheRootIsRefused() {
        Sandbox.Result result = process.run("rm", "-rf", "/");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: it is dangerous to operate recursively on '/'\n"
                + "rm: use --no-preserve-root to override this failsafe\n");
    }

    @Test
    void touchCreatesAnEmptyFileWithTheUmaskAndSetsGivenTimes() {
        assertThat(process.run("touch", "new").status()).isZero();
        assertThat(process.read("new")).isEmpty();
        assertThat(process.mode("new")).isEqualTo(0644);
        process.run("touch", "-d", "2001-02-03 04:05:06", "new");
        assertThat(process.lstat("new").mtime()).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
        assertThat(process.lstat("new").atime()).isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
        process.run("touch", "-t", "199912312359.30", "new");
        assertThat(process.lstat("new").mtime()).isEqualTo(Instant.parse("1999-12-31T23:59:30Z"));
        process.run("touch", "-d", "@1000000000.5", "new");
        assertThat(process.lstat("new").mtime()).isEqualTo(Instant.parse("2001-09-09T01:46:40.5Z"));
    }

    @Test
    void touchDashDReadsLocalTimeInTheTzZone() {
        process.env("TZ", "Europe/Paris").run("touch", "-d", "2021-07-01 12:00", "f");
        assertThat(process.lstat("f").mtime()).isEqualTo(Instant.parse("2021-07-01T10:00:00Z"));
    }

    @Test
    void touchDashAAndDashMChangeOnlyOneTime() {
        process.file("f", "").times("f", Instant.parse("2000-01-01T00:00:00Z"));
        process.run("touch", "-a", "-d", "2010-01-01", "f");
        assertThat(process.lstat("f").atime()).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(process.lstat("f").mtime()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        process.run("touch", "-m", "-d", "2020-01-01", "f");
        assertThat(process.lstat("f").atime()).isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
        assertThat(process.lstat("f").mtime()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void touchDashRCopiesTheReferenceTimes() {
        process.file("ref", "").times("ref", Instant.parse("2012-12-12T12:12:12.123456789Z")).file("f", "");
        assertThat(process.run("touch", "-r", "ref", "f").status()).isZero();
        assertThat(process.lstat("f").mtime()).isEqualTo(Instant.parse("2012-12-12T12:12:12.123456789Z"));
        assertThat(process.run("touch", "-r", "none", "f").err())
                .isEqualTo("touch: failed to get attributes of 'none': No such file or directory\n");
    }

    @Test
    void touchOfNowWorksOnAWritableFileOfAnotherUserButNotOnAReadOnlyOne() {
        process.identity(OTHER).file("/tmp/open", "").chmod("/tmp/open", 0666).file("/tmp/closed", "")
                .identity(ProcessIdentity.defaults());
        assertThat(process.run("touch", "/tmp/open").status()).isZero();
        Sandbox.Result closed = process.run("touch", "/tmp/closed");
        assertThat(closed.status()).isEqualTo(1);
        assertThat(closed.err()).isEqualTo("touch: cannot touch '/tmp/closed': Permission denied\n");
    }

    @Test
    void touchDashCDoesNotCreate() {
        assertThat(process.run("touch", "-c", "ghost").status()).isZero();
        assertThat(process.exists("ghost")).isFalse();
    }

    @Test
    void touchInAMissingDirectoryFails() {
        assertThat(process.run("touch", "no/f").err()).isEqualTo("touch: cannot touch 'no/f': No such file or directory\n");
    }

    @Test
    void touchOfADirectorySetsItsTimes() {
        process.directory("d");
        assertThat(process.run("touch", "-d", "2003-03-03", "d").status()).isZero();
        assertThat(process.lstat("d").mtime()).isEqualTo(Instant.parse("2003-03-03T00:00:00Z"));
    }

    @Test
    void pwdPrintsTheWorkingDirectory() {
        assertThat(process.run("pwd").out()).isEqualTo("/home/user/work\n");
    }
}
