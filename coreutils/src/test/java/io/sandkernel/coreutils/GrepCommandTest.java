package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** grep, and the BRE/ERE translation behind it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GrepCommandTest {
    private static final String FRUIT = "apple\nBanana\ncherry\napple pie\n";

    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void grepPrintsMatchingLinesAndExitsZero() {
        Sandbox.Result result = process.runWithInput(FRUIT, "grep", "apple");
        assertThat(result.out()).isEqualTo("apple\napple pie\n");
        assertThat(result.status()).isZero();
    }

    @Test
    void grepExitsOneWhenNothingMatches() {
        Sandbox.Result result = process.runWithInput(FRUIT, "grep", "kiwi");
        assertThat(result.out()).isEmpty();
        assertThat(result.status()).isEqualTo(1);
    }

    @Test
    void grepExitsTwoOnAMissingFile() {
        Sandbox.Result result = process.run("grep", "x", "nope");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("grep: nope: No such file or directory\n");
    }

    @Test
    void grepQuietSucceedsDespiteErrorsWhenALineMatches() {
        process.file("f", "x\n");
        assertThat(process.run("grep", "-q", "x", "nope", "f").status()).isZero();
    }

    @Test
    void grepIgnoreCaseAndInvert() {
        assertThat(process.runWithInput(FRUIT, "grep", "-i", "banana").out()).isEqualTo("Banana\n");
        assertThat(process.runWithInput(FRUIT, "grep", "-v", "a").out()).isEqualTo("cherry\n");
    }

    @Test
    void grepCountAndLineNumbers() {
        assertThat(process.runWithInput(FRUIT, "grep", "-c", "apple").out()).isEqualTo("2\n");
        assertThat(process.runWithInput(FRUIT, "grep", "-n", "e$").out()).isEqualTo("1:apple\n4:apple pie\n");
    }

    @Test
    void grepPrefixesFileNamesForSeveralFiles() {
        process.file("a", "hit\n").file("b", "miss\nhit\n");
        assertThat(process.run("grep", "hit", "a", "b").out()).isEqualTo("a:hit\nb:hit\n");
        assertThat(process.run("grep", "-h", "hit", "a", "b").out()).isEqualTo("hit\nhit\n");
        assertThat(process.run("grep", "-H", "hit", "a").out()).isEqualTo("a:hit\n");
    }

    @Test
    void grepListsMatchingFiles() {
        process.file("a", "hit\n").file("b", "miss\n");
        assertThat(process.run("grep", "-l", "hit", "a", "b").out()).isEqualTo("a\n");
        assertThat(process.run("grep", "-L", "hit", "a", "b").out()).isEqualTo("b\n");
    }

    @Test
    void grepBasicRegexTreatsPlusAndParenthesesLiterally() {
        assertThat(process.runWithInput("a+b\naab\n(x)\n", "grep", "a+b").out()).isEqualTo("a+b\n");
        assertThat(process.runWithInput("a+b\naab\n(x)\n", "grep", "(x)").out()).isEqualTo("(x)\n");
    }

    @Test
    void grepBasicRegexSupportsGnuEscapes() {
        assertThat(process.runWithInput("aab\nb\nab\n", "grep", "^a\\+b$").out()).isEqualTo("aab\nab\n");
        assertThat(process.runWithInput("cat\ndog\nbird\n", "grep", "cat\\|dog").out()).isEqualTo("cat\ndog\n");
        assertThat(process.runWithInput("abab\nab\n", "grep", "\\(ab\\)\\1").out()).isEqualTo("abab\n");
        assertThat(process.runWithInput("aaa\naa\n", "grep", "^a\\{3\\}$").out()).isEqualTo("aaa\n");
    }

    @Test
    void grepBasicRegexLeadingStarIsLiteral() {
        assertThat(process.runWithInput("*x\nx\n", "grep", "*x").out()).isEqualTo("*x\n");
    }

    @Test
    void grepExtendedRegexAlternationAndIntervals() {
        assertThat(process.runWithInput("cat\ndog\ncow\n", "grep", "-E", "^(cat|dog)$").out()).isEqualTo("cat\ndog\n");
        assertThat(process.runWithInput("a1\na12\na123\n", "grep", "-E", "^a[0-9]{2,}$").out()).isEqualTo("a12\na123\n");
    }

    @Test
    void grepBracketExpressionsWithClassesAndLiteralBracket() {
        assertThat(process.runWithInput("a]\nb\n1\n", "grep", "[]]").out()).isEqualTo("a]\n");
        assertThat(process.runWithInput("a]\nb\n1\n", "grep", "^[[:digit:]]$").out()).isEqualTo("1\n");
        assertThat(process.runWithInput("a]\nb\n1\n", "grep", "^[^ab1]").out()).isEmpty();
    }

    @Test
    void grepFixedStringsMatchLiterally() {
        assertThat(process.runWithInput("a.b\naxb\n", "grep", "-F", "a.b").out()).isEqualTo("a.b\n");
    }

    @Test
    void grepWordAndLineMatching() {
        assertThat(process.runWithInput("cat\nconcat\nthe cat sat\n", "grep", "-w", "cat").out())
                .isEqualTo("cat\nthe cat sat\n");
        assertThat(process.runWithInput("cat\nconcat\nthe cat sat\n", "grep", "-x", "cat").out()).isEqualTo("cat\n");
    }

    @Test
    void grepOnlyMatchingPrintsEachMatch() {
        assertThat(process.runWithInput("a1b22c333\n", "grep", "-o", "[0-9]*[0-9]").out()).isEqualTo("1\n22\n333\n");
    }

    @Test
    void grepSeveralPatternsFromDashEAndNewlines() {
        assertThat(process.runWithInput(FRUIT, "grep", "-e", "cherry", "-e", "Ban").out()).isEqualTo("Banana\ncherry\n");
        assertThat(process.runWithInput(FRUIT, "grep", "cherry\nBan").out()).isEqualTo("Banana\ncherry\n");
    }

    @Test
    void grepPatternsFromAFile() {
        process.file("patterns", "cherry\npie\n");
        assertThat(process.runWithInput(FRUIT, "grep", "-f", "patterns").out()).isEqualTo("cherry\napple pie\n");
    }

    @Test
    void grepMaxCountStopsEarly() {
        assertThat(process.runWithInput(FRUIT, "grep", "-m", "1", "apple").out()).isEqualTo("apple\n");
    }

    @Test
    void grepRecursiveSearchesDirectoriesInNameOrder() {
        process.file("d/b.txt", "hit b\n").file("d/a.txt", "hit a\n").file("d/sub/c.txt", "hit c\nno\n");
        assertThat(process.run("grep", "-r", "hit", "d").out()).isEqualTo("d/a.txt:hit a\nd/b.txt:hit b\nd/sub/c.txt:hit c\n");
    }

    @Test
    void grepRecursiveWithoutOperandSearchesTheWorkingDirectoryWithoutDotSlash() {
        process.cwdTo("/tmp").file("x/f", "hit\n");
        assertThat(process.run("grep", "-r", "hit").out()).isEqualTo("x/f:hit\n");
    }

    @Test
    void grepOnADirectoryWithoutDashRIsAnError() {
        Sandbox.Result result = process.run("grep", "x", "/etc");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("grep: /etc: Is a directory\n");
    }

    @Test
    void grepWithoutPatternIsAUsageErrorWithStatusTwo() {
        assertThat(process.run("grep").status()).isEqualTo(2);
    }

    @Test
    void grepUnmatchedBracketIsAnErrorWithStatusTwo() {
        Sandbox.Result result = process.runWithInput("x\n", "grep", "[a");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("grep: Unmatched [, [^, [:, [., or [=\n");
    }

    @Test
    void grepDotMatchesAnyByteIncludingCarriageReturn() {
        assertThat(process.runWithInput("a\rb\n", "grep", "-c", "a.b").out()).isEqualTo("1\n");
    }

    @Test
    void grepReportsBinaryFilesOnStandardErrorInsteadOfPrintingLines() {
        process.file("bin", "abc\u0000def\nabc\n");
        Sandbox.Result result = process.run("grep", "abc", "bin");
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("grep: bin: binary file matches\n");
        assertThat(result.status()).isZero();
        assertThat(process.run("grep", "-c", "abc", "bin").out()).isEqualTo("2\n");
        assertThat(process.run("grep", "-a", "def", "bin").out()).isEqualTo("abc\u0000def\n");
    }

    @Test
    void grepShowsMatchesBeforeItsInputEnds() throws Exception {
        KernelProcess grep = process.start("grep", "hit");
        grep.stdin().write("hit\nmiss\n".getBytes(StandardCharsets.UTF_8));
        grep.stdin().flush();
        byte[] shown = grep.stdout().readNBytes(4); // arrives while grep still waits for more input
        assertThat(grep.isAlive()).isTrue();
        grep.stdin().close();
        assertThat(new String(shown, StandardCharsets.UTF_8)).isEqualTo("hit\n");
        assertThat(grep.waitFor(Sandbox.TIMEOUT)).hasValue(0);
    }

    @Test
    void grepRecursiveSkipsSymbolicLinksBelowButFollowsThemWithCapitalR() {
        process.file("d/a", "hit\n").file("elsewhere/b", "hit\n").symlink("../elsewhere", "d/link")
                .symlink("a", "d/alias");
        assertThat(process.run("grep", "-r", "hit", "d").out()).isEqualTo("d/a:hit\n");
        assertThat(process.run("grep", "-R", "hit", "d").out()).isEqualTo("d/a:hit\nd/alias:hit\nd/link/b:hit\n");
        assertThat(process.run("grep", "-r", "hit", "d/link").out()).isEqualTo("d/link/b:hit\n");
    }

    @Test
    void grepRecursiveIncludeAndExcludeFilterByGlob() {
        process.file("d/a.java", "hit\n").file("d/b.txt", "hit\n").file("d/skip/c.java", "hit\n")
                .file("d/c1.java", "hit\n");
        assertThat(process.run("grep", "-r", "--include=*.java", "--exclude-dir=skip", "hit", "d").out())
                .isEqualTo("d/a.java:hit\nd/c1.java:hit\n");
        assertThat(process.run("grep", "-rl", "--exclude=[a-b].*", "hit", "d").out())
                .isEqualTo("d/c1.java\nd/skip/c.java\n");
    }
}
