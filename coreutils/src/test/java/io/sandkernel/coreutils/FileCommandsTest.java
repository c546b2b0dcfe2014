package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ls, mkdir, rm, touch, cp, mv and pwd. */
class FileCommandsTest {
    private final FakeProcess process = FakeProcess.create();

    private String permissions(String path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(process.resolve(path)));
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
        FakeProcess.Result result = process.run("ls", "nope");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("ls: cannot access 'nope': No such file or directory\n");
    }

    @Test
    void lsLongFormatShowsModeLinksOwnerSizeAndDate() throws Exception {
        process.file("f", "hello");
        Files.setPosixFilePermissions(process.resolve("f"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(process.resolve("f"), FileTime.from(Instant.parse("2020-03-04T05:06:00Z")));
        assertThat(process.run("ls", "-l", "f").out()).isEqualTo("-rwxr-x--- 1 user user 5 Mar  4  2020 f\n");
    }

    @Test
    void lsLongFormatOfADirectoryStartsWithTotal() {
        process.file("d/f", "x");
        assertThat(process.run("ls", "-l", "d").out()).startsWith("total 4\n-rw-r--r-- 1 user user 1 ");
    }

    @Test
    void lsSortsByTimeWithDashT() throws Exception {
        process.file("old", "").file("new", "");
        Files.setLastModifiedTime(process.resolve("old"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(process.run("ls", "-t").out()).isEqualTo("new\nold\n");
        assertThat(process.run("ls", "-tr").out()).isEqualTo("old\nnew\n");
    }

    @Test
    void lsDirectoryItselfWithDashD() {
        process.file("d/x", "");
        assertThat(process.run("ls", "-d", "d").out()).isEqualTo("d\n");
    }

    @Test
    void mkdirCreatesADirectoryWithTheUmask() throws Exception {
        assertThat(process.run("mkdir", "d").status()).isZero();
        assertThat(permissions("d")).isEqualTo("rwxr-xr-x");
    }

    @Test
    void mkdirDashMSetsTheMode() throws Exception {
        process.run("mkdir", "-m", "700", "d");
        process.run("mkdir", "-m", "u=rwx,g=rx,o=", "e");
        process.run("mkdir", "-m", "go-w", "f");
        assertThat(permissions("d")).isEqualTo("rwx------");
        assertThat(permissions("e")).isEqualTo("rwxr-x---");
        assertThat(permissions("f")).isEqualTo("rwxr-xr-x");
    }

    @Test
    void mkdirReportsAnExistingDirectory() {
        process.run("mkdir", "d");
        FakeProcess.Result result = process.run("mkdir", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("mkdir: cannot create directory 'd': File exists\n");
    }

    @Test
    void mkdirDashPCreatesParentsAndAcceptsExistingOnes() {
        assertThat(process.run("mkdir", "-p", "a/b/c").status()).isZero();
        assertThat(process.run("mkdir", "-p", "a/b/c").status()).isZero();
        assertThat(Files.isDirectory(process.resolve("a/b/c"))).isTrue();
    }

    @Test
    void mkdirWithoutParentFails() {
        assertThat(process.run("mkdir", "x/y").err()).isEqualTo("mkdir: cannot create directory 'x/y': No such file or directory\n");
    }

    @Test
    void rmRemovesFilesAndRefusesDirectoriesWithoutDashR() {
        process.file("f", "").file("d/x", "");
        assertThat(process.run("rm", "f").status()).isZero();
        assertThat(process.exists("f")).isFalse();
        FakeProcess.Result result = process.run("rm", "d");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("rm: cannot remove 'd': Is a directory\n");
    }

    @Test
    void rmDashRRemovesTrees() {
        process.file("d/s/x", "").file("d/y", "");
        assertThat(process.run("rm", "-r", "d").status()).isZero();
        assertThat(process.exists("d")).isFalse();
    }

    @Test
    void rmDashFIgnoresMissingFiles() {
        assertThat(process.run("rm", "-f", "nope").status()).isZero();
        FakeProcess.Result result = process.run("rm", "nope");
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
    void touchCreatesAnEmptyFileAndUpdatesTimes() throws Exception {
        assertThat(process.run("touch", "new").status()).isZero();
        assertThat(process.read("new")).isEmpty();
        process.run("touch", "-d", "2001-02-03 04:05:06", "new");
        assertThat(Files.getLastModifiedTime(process.resolve("new")).toInstant())
                .isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
        process.run("touch", "-t", "199912312359.30", "new");
        assertThat(Files.getLastModifiedTime(process.resolve("new")).toInstant())
                .isEqualTo(Instant.parse("1999-12-31T23:59:30Z"));
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
    void cpCopiesAFileAndIntoADirectory() {
        process.file("a", "data").run("mkdir", "d");
        assertThat(process.run("cp", "a", "b").status()).isZero();
        assertThat(process.run("cp", "a", "b", "d").status()).isZero();
        assertThat(process.read("b")).isEqualTo("data");
        assertThat(process.read("d/a")).isEqualTo("data");
        assertThat(process.read("d/b")).isEqualTo("data");
    }

    @Test
    void cpOmitsDirectoriesWithoutDashR() {
        process.file("d/x", "1");
        FakeProcess.Result result = process.run("cp", "d", "e");
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
    void cpDashPKeepsTheMode() throws Exception {
        process.file("a", "x");
        Files.setPosixFilePermissions(process.resolve("a"), PosixFilePermissions.fromString("rwx------"));
        process.run("cp", "-p", "a", "b");
        assertThat(permissions("b")).isEqualTo("rwx------");
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
    void pwdPrintsTheWorkingDirectory() {
        assertThat(process.run("pwd").out()).isEqualTo("/home/user\n");
    }

    @Test
    void cpDashRKeepsSymbolicLinksAsLinks() throws Exception {
        process.file("d/target", "t");
        Files.createSymbolicLink(process.resolve("d/link"), process.resolve("d/target").getFileName());
        assertThat(process.run("cp", "-r", "d", "e").status()).isZero();
        assertThat(Files.isSymbolicLink(process.resolve("e/link"))).isTrue();
        assertThat(process.read("e/link")).isEqualTo("t");
    }

    @Test
    void lsLongShowsASymbolicLinkOperandItselfWithItsTarget() throws Exception {
        process.file("d/x", "");
        Files.createSymbolicLink(process.resolve("l"), process.resolve("d").getFileName());
        assertThat(process.run("ls", "l").out()).isEqualTo("x\n");
        assertThat(process.run("ls", "-l", "l").out()).matches("l\\S+ 1 user user \\d+ .* l -> d\n");
    }
}
