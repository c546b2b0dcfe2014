package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The file commands as an unprivileged user (the differential tables run as root, like their
 * GNU oracle here): the kernel's permission checks surface in GNU's words. Also what a table
 * compares only sorted: the order of find's output around -exec children, -ok's questions, and
 * tree's box drawing in the default UTF-8 locale.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileCommandsBehaviourTest {
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.create();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void findReportsAnUnreadableDirectoryAndGoesOn() {
        sandbox.file("locked/secret", "s").file("open/file", "f").chmod("locked", 0);
        Sandbox.Result result = sandbox.run("find", ".", "-name", "*e*");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("./locked\n./open\n./open/file\n");
        assertThat(result.err()).isEqualTo("find: './locked': Permission denied\n");
    }

    @Test
    void changingWhatBelongsToRootIsRefusedInGnusWords() {
        sandbox.file("mine", "m");
        Sandbox.Result chmod = sandbox.run("chmod", "644", "/etc/passwd");
        assertThat(chmod.status()).isEqualTo(1);
        assertThat(chmod.err()).isEqualTo("chmod: changing permissions of '/etc/passwd': Operation not permitted\n");
        assertThat(sandbox.run("chown", "root", "mine").err())
                .isEqualTo("chown: changing ownership of 'mine': Operation not permitted\n");
        assertThat(sandbox.run("chgrp", "root", "mine").err())
                .isEqualTo("chgrp: changing group of 'mine': Operation not permitted\n");
        Sandbox.Result verbose = sandbox.run("chown", "-v", "root", "mine");
        assertThat(verbose.out()).isEqualTo("failed to change ownership of 'mine' from user to root\n");
        assertThat(sandbox.run("ln", "-s", "x", "/etc/link").err())
                .isEqualTo("ln: failed to create symbolic link '/etc/link': Permission denied\n");
        assertThat(sandbox.run("truncate", "-s", "0", "/etc/passwd").err())
                .isEqualTo("truncate: cannot open '/etc/passwd' for writing: Permission denied\n");
        assertThat(sandbox.run("mktemp", "-p", "/etc").err())
                .isEqualTo("mktemp: failed to create file via template '/etc/tmp.XXXXXXXXXX': Permission denied\n");
        assertThat(sandbox.run("install", "-o", "root", "mine", "copy").err())
                .isEqualTo("install: cannot change ownership of 'copy': Operation not permitted\n");
        assertThat(sandbox.run("rmdir", "/home/user").err())
                .isEqualTo("rmdir: failed to remove '/home/user': Permission denied\n");
    }

    @Test
    void findKeepsItsOutputInOrderWithTheCommandsItRuns() {
        sandbox.file("a", "1").file("b", "2");
        Sandbox.Result result = sandbox.run("find", "a", "b", "-print", "-exec", "echo", "ran", "{}", ";", "-printf", "%p!\\n");
        assertThat(result.out()).isEqualTo("a\nran a\na!\nb\nran b\nb!\n");
        Sandbox.Result batch = sandbox.run("find", "a", "b", "-print", "-exec", "echo", "batch", "{}", "+");
        assertThat(batch.out()).isEqualTo("a\nb\nbatch a b\n");
    }

    @Test
    void findOkAsksOnStandardErrorAndReadsTheAnswers() {
        sandbox.file("a", "1").file("b", "2");
        Sandbox.Result result = sandbox.runWithInput("y\nn\n", "find", "a", "b", "-ok", "echo", "yes", "{}", ";");
        assertThat(result.out()).isEqualTo("yes a\n");
        assertThat(result.err()).isEqualTo("< echo yes a > ? < echo yes b > ? ");
    }

    @Test
    void findDeleteRemovesATreeDepthFirst() {
        sandbox.file("t/a/b/c", "x").file("t/d", "y");
        Sandbox.Result result = sandbox.run("find", "t", "-delete");
        assertThat(result.status()).isZero();
        assertThat(sandbox.exists("t")).isFalse();
    }

    @Test
    void xargsRunsCommandsInParallelAndCollectsEveryStatus() {
        Sandbox.Result result = sandbox.runWithInput("1 2 3 4 5 6\n", "xargs", "-P", "3", "-n", "1", "echo", "n");
        assertThat(result.status()).isZero();
        assertThat(result.out().lines().sorted().toList()).containsExactly("n 1", "n 2", "n 3", "n 4", "n 5", "n 6");
        Sandbox.Result failing = sandbox.runWithInput("a b c\n", "xargs", "-P", "2", "-n", "1", "false");
        assertThat(failing.status()).isEqualTo(123);
    }

    @Test
    void findAndXargsTogetherHandleNamesWithBlanks() {
        sandbox.file("d/with space.txt", "one\n").file("d/plain.txt", "two\n");
        byte[] names = sandbox.run("find", "d", "-name", "*.txt", "-print0").outBytes();
        Sandbox.Result counted = sandbox.runWithInput(names, "xargs", "-0", "wc", "-l");
        assertThat(counted.out()).contains("1 d/with space.txt").contains("2 total");
    }

    @Test
    void treeDrawsBoxesInTheDefaultUtf8Locale() {
        sandbox.file("top/a", "").file("top/sub/b", "");
        sandbox.env("LC_ALL", "");
        sandbox.env("LANG", "C.UTF-8");
        assertThat(sandbox.run("tree", "top").out()).isEqualTo(
                "top\n\u251c\u2500\u2500 a\n\u2514\u2500\u2500 sub\n    \u2514\u2500\u2500 b\n\n2 directories, 2 files\n");
    }

    @Test
    void ddCopiesLargeStreamsWithFullBlocks() {
        Sandbox.Result result = sandbox.run("dd", "if=/dev/zero", "of=/dev/null", "bs=64K", "count=64", "status=noxfer");
        assertThat(result.status()).isZero();
        assertThat(result.err()).isEqualTo("64+0 records in\n64+0 records out\n");
        Sandbox.Result copied = sandbox.run("dd", "if=/dev/zero", "of=zeros", "bs=1K", "count=5");
        assertThat(copied.err()).matches("5\\+0 records in\n5\\+0 records out\n5120 bytes \\(5\\.1 kB, 5\\.0 KiB\\) copied, \\S+ s, \\S+ \\S+/s\n");
        assertThat(sandbox.lstat("zeros").size()).isEqualTo(5120);
    }

    @Test
    void statAndFileDescribeTheKernelsDevices() {
        assertThat(sandbox.run("stat", "-c", "%F %t %T %a", "/dev/null").out()).isEqualTo("character special file 1 3 666\n");
        assertThat(sandbox.run("file", "/dev/null", "/dev/zero").out())
                .isEqualTo("/dev/null: character special (1/3)\n/dev/zero: character special (1/5)\n");
        assertThat(sandbox.run("stat", "-f", "-c", "%T", "/", "/proc").out()).isEqualTo("tmpfs\nproc\n");
        assertThat(sandbox.run("stat", "-c", "%w %W", "/").out()).isEqualTo("- 0\n");
    }
}
