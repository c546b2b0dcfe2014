package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** head, tail, wc, tr, cut, uniq, tee and sort. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FilterCommandsTest {
    private static final String TWELVE = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void headPrintsTheFirstTenLinesByDefault() {
        assertThat(process.runWithInput(TWELVE, "head").out()).isEqualTo("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    }

    @Test
    void headDashNNegativePrintsAllButTheLastLines() {
        assertThat(process.runWithInput(TWELVE, "head", "-n", "-10").out()).isEqualTo("1\n2\n");
    }

    @Test
    void headDashCCountsBytesWithSuffixes() {
        process.file("big", "x".repeat(3000));
        assertThat(process.run("head", "-c", "2K", "big").out()).hasSize(2048);
    }

    @Test
    void headLegacyDashNumberMeansLines() {
        assertThat(process.runWithInput(TWELVE, "head", "-2").out()).isEqualTo("1\n2\n");
    }

    @Test
    void headPrintsHeadersBetweenSeveralFiles() {
        process.file("a", "A\n").file("b", "B\n");
        assertThat(process.run("head", "a", "b").out()).isEqualTo("==> a <==\nA\n\n==> b <==\nB\n");
    }

    @Test
    void headQuietSuppressesHeaders() {
        process.file("a", "A\n").file("b", "B\n");
        assertThat(process.run("head", "-q", "a", "b").out()).isEqualTo("A\nB\n");
    }

    @Test
    void headRejectsAnInvalidCount() {
        Sandbox.Result result = process.run("head", "-n", "lots");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("head: invalid number of lines: 'lots'\n");
    }

    @Test
    void tailPrintsTheLastLines() {
        assertThat(process.runWithInput(TWELVE, "tail", "-n", "2").out()).isEqualTo("11\n12\n");
    }

    @Test
    void tailPlusNStartsAtThatLine() {
        assertThat(process.runWithInput(TWELVE, "tail", "-n", "+11").out()).isEqualTo("11\n12\n");
    }

    @Test
    void tailKeepsAMissingFinalNewline() {
        assertThat(process.runWithInput("a\nb\nc", "tail", "-n", "2").out()).isEqualTo("b\nc");
    }

    @Test
    void tailDashCTakesTheLastBytes() {
        assertThat(process.runWithInput("abcdef", "tail", "-c", "3").out()).isEqualTo("def");
    }

    @Test
    void tailFollowIsReportedAsUnsupported() {
        assertThat(process.run("tail", "-f", "x").status()).isEqualTo(1);
    }

    @Test
    void wcCountsLinesWordsAndBytesOfStdinInWidthSeven() {
        assertThat(process.runWithInput("a b\nc\n", "wc").out()).isEqualTo("      2       3       6\n");
    }

    @Test
    void wcSingleCountOfSingleInputIsUnpadded() {
        assertThat(process.runWithInput("a b\nc\n", "wc", "-l").out()).isEqualTo("2\n");
    }

    @Test
    void wcPrintsATotalForSeveralFilesWidthFromTheirSizes() {
        process.file("a", "one two\n").file("b", "three\n");
        assertThat(process.run("wc", "a", "b").out()).isEqualTo(" 1  2  8 a\n 1  1  6 b\n 2  3 14 total\n");
    }

    @Test
    void wcDashMCountsUtf8CharactersInAUtf8Locale() {
        process.env("LC_ALL", "en_US.UTF-8");
        assertThat(process.runWithInput("héllo\n", "wc", "-m").out()).isEqualTo("6\n");
        process.env("LC_ALL", "C");
        assertThat(process.runWithInput("héllo\n", "wc", "-m").out()).isEqualTo("7\n");
    }

    @Test
    void wcReportsMissingFiles() {
        Sandbox.Result result = process.run("wc", "nope");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("wc: nope: No such file or directory\n");
    }

    @Test
    void trTranslatesRanges() {
        assertThat(process.runWithInput("hello", "tr", "a-z", "A-Z").out()).isEqualTo("HELLO");
    }

    @Test
    void trExtendsSet2WithItsLastCharacter() {
        assertThat(process.runWithInput("abcd", "tr", "abcd", "xy").out()).isEqualTo("xyyy");
    }

    @Test
    void trDeletesAndSqueezes() {
        assertThat(process.runWithInput("a  b   c", "tr", "-s", " ").out()).isEqualTo("a b c");
        assertThat(process.runWithInput("banana", "tr", "-d", "an").out()).isEqualTo("b");
    }

    @Test
    void trComplementDeletesEverythingElse() {
        assertThat(process.runWithInput("a1b2c3\n", "tr", "-cd", "0-9").out()).isEqualTo("123");
    }

    @Test
    void trCharacterClassesMapCase() {
        assertThat(process.runWithInput("Hi There", "tr", "[:upper:]", "[:lower:]").out()).isEqualTo("hi there");
    }

    @Test
    void trRepeatFillsSet2() {
        assertThat(process.runWithInput("abcde", "tr", "a-e", "x[y*]z").out()).isEqualTo("xyyyz");
    }

    @Test
    void trWithOneSetWhenTranslatingIsAUsageError() {
        Sandbox.Result result = process.run("tr", "abc");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("tr: missing operand after 'abc'\nTwo strings must be given when translating.");
    }

    @Test
    void trRejectsReversedRanges() {
        assertThat(process.run("tr", "z-a", "x").err()).contains("range-endpoints of 'z-a' are in reverse collating sequence order");
    }

    @Test
    void cutSelectsDelimitedFields() {
        assertThat(process.runWithInput("a,b,c\nd,e,f\n", "cut", "-d,", "-f", "1,3").out()).isEqualTo("a,c\nd,f\n");
    }

    @Test
    void cutPassesLinesWithoutDelimiterUnlessDashS() {
        assertThat(process.runWithInput("a,b\nplain\n", "cut", "-d,", "-f2").out()).isEqualTo("b\nplain\n");
        assertThat(process.runWithInput("a,b\nplain\n", "cut", "-d,", "-s", "-f2").out()).isEqualTo("b\n");
    }

    @Test
    void cutSelectsCharacterRanges() {
        assertThat(process.runWithInput("abcdefg\n", "cut", "-c", "-2,4-5,7-").out()).isEqualTo("abdeg\n");
    }

    @Test
    void cutWithoutListIsAUsageError() {
        assertThat(process.run("cut").err()).startsWith("cut: you must specify a list of bytes, characters, or fields");
    }

    @Test
    void cutRejectsMultiCharacterDelimiters() {
        assertThat(process.run("cut", "-d", "ab", "-f1").err()).startsWith("cut: the delimiter must be a single character");
    }

    @Test
    void uniqCollapsesAdjacentDuplicates() {
        assertThat(process.runWithInput("a\na\nb\na\n", "uniq").out()).isEqualTo("a\nb\na\n");
    }

    @Test
    void uniqDashCCountsInAWidthOfSeven() {
        assertThat(process.runWithInput("a\na\nb\n", "uniq", "-c").out()).isEqualTo("      2 a\n      1 b\n");
    }

    @Test
    void uniqDashDAndDashUSelectRepeatedOrUniqueLines() {
        assertThat(process.runWithInput("a\na\nb\n", "uniq", "-d").out()).isEqualTo("a\n");
        assertThat(process.runWithInput("a\na\nb\n", "uniq", "-u").out()).isEqualTo("b\n");
    }

    @Test
    void uniqDashIIgnoresCase() {
        assertThat(process.runWithInput("A\na\nb\n", "uniq", "-i").out()).isEqualTo("A\nb\n");
    }

    @Test
    void uniqWritesToAnOutputFileOperand() {
        process.file("in", "x\nx\n");
        assertThat(process.run("uniq", "in", "out").status()).isZero();
        assertThat(process.read("out")).isEqualTo("x\n");
    }

    @Test
    void teeCopiesInputToStdoutAndEveryFile() {
        process.file("old", "before\n");
        Sandbox.Result result = process.runWithInput("data\n", "tee", "new", "-a", "old");
        assertThat(result.out()).isEqualTo("data\n");
        assertThat(process.read("new")).isEqualTo("data\n");
        assertThat(process.read("old")).isEqualTo("before\ndata\n");
    }

    @Test
    void teeReportsFilesItCannotOpenAndKeepsGoing() {
        Sandbox.Result result = process.runWithInput("data\n", "tee", "missing/dir/file");
        assertThat(result.out()).isEqualTo("data\n");
        assertThat(result.err()).isEqualTo("tee: missing/dir/file: No such file or directory\n");
        assertThat(result.status()).isEqualTo(1);
    }

    @Test
    void sortOrdersByBytesInTheCLocale() {
        assertThat(process.runWithInput("b\nB\na\n_\n", "sort").out()).isEqualTo("B\n_\na\nb\n");
    }

    @Test
    void sortNumericReverseOrdersByValueDescending() {
        assertThat(process.runWithInput("10\n9\n-2\n100\n", "sort", "-rn").out()).isEqualTo("100\n10\n9\n-2\n");
    }

    @Test
    void sortUniqueKeepsTheFirstOfEqualLines() {
        assertThat(process.runWithInput("b\na\nb\n", "sort", "-u").out()).isEqualTo("a\nb\n");
    }

    @Test
    void sortByFieldWithSeparator() {
        assertThat(process.runWithInput("x,3\ny,1\nz,2\n", "sort", "-t", ",", "-k", "2,2n").out())
                .isEqualTo("y,1\nz,2\nx,3\n");
    }

    @Test
    void sortFallsBackOnWholeLinesForEqualKeysUnlessStable() {
        String input = "b 1\na 1\n";
        assertThat(process.runWithInput(input, "sort", "-k2,2").out()).isEqualTo("a 1\nb 1\n");
        assertThat(process.runWithInput(input, "sort", "-s", "-k2,2").out()).isEqualTo("b 1\na 1\n");
    }

    @Test
    void sortFoldCaseTreatsLowerAsUpper() {
        assertThat(process.runWithInput("b\nA\na\nB\n", "sort", "-f").out()).isEqualTo("A\na\nB\nb\n");
    }

    @Test
    void sortAddsTheMissingFinalNewline() {
        assertThat(process.runWithInput("b\na", "sort").out()).isEqualTo("a\nb\n");
    }

    @Test
    void sortWritesToTheOutputFileEvenWhenItIsTheInput() {
        process.file("f", "2\n1\n");
        assertThat(process.run("sort", "-o", "f", "f").status()).isZero();
        assertThat(process.read("f")).isEqualTo("1\n2\n");
    }

    @Test
    void sortMissingFileExitsTwo() {
        Sandbox.Result result = process.run("sort", "nope");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("sort: cannot read: nope: No such file or directory\n");
    }

    @Test
    void sortCheckReportsTheFirstDisorder() {
        Sandbox.Result result = process.runWithInput("a\nc\nb\n", "sort", "-c");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("sort: -:3: disorder: b\n");
    }

    @Test
    void sortHumanNumericUnderstandsSuffixes() {
        assertThat(process.runWithInput("2M\n10K\n1G\n", "sort", "-h").out()).isEqualTo("10K\n2M\n1G\n");
    }

    @Test
    void headPrintsTheHeaderOfADirectoryBeforeFailingToReadIt() {
        process.file("d/x", "").file("f", "F\n");
        Sandbox.Result result = process.run("head", "d", "f", "nope");
        assertThat(result.out()).isEqualTo("==> d <==\n\n==> f <==\nF\n");
        assertThat(result.err()).isEqualTo("head: error reading 'd': Is a directory\n"
                + "head: cannot open 'nope' for reading: No such file or directory\n");
        assertThat(result.status()).isEqualTo(1);
    }

    @Test
    void wcStillPrintsZeroCountsForADirectory() {
        process.file("d/x", "");
        Sandbox.Result result = process.run("wc", "-l", "d");
        assertThat(result.out()).isEqualTo("0 d\n");
        assertThat(result.err()).isEqualTo("wc: d: Is a directory\n");
    }
}
