package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.process.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** echo, printf, cat, true, false, sleep, yes and seq. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextCommandsTest {
    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void echoJoinsArgumentsWithSpacesAndEndsTheLine() {
        assertThat(process.run("echo", "a", "b  c").out()).isEqualTo("a b  c\n");
    }

    @Test
    void echoDashNOmitsTheNewline() {
        assertThat(process.run("echo", "-n", "x").out()).isEqualTo("x");
    }

    @Test
    void echoDashEInterpretsEscapesAndBackslashCStopsOutput() {
        assertThat(process.run("echo", "-e", "a\\tb\\x41\\0102\\cgone").out()).isEqualTo("a\tbAB");
    }

    @Test
    void echoTreatsUnknownOptionWordsAsText() {
        assertThat(process.run("echo", "-x", "-n").out()).isEqualTo("-x -n\n");
    }

    @Test
    void printfReusesTheFormatUntilArgumentsRunOut() {
        assertThat(process.run("printf", "%s=%d\\n", "a", "1", "b").out()).isEqualTo("a=1\nb=0\n");
    }

    @Test
    void printfPadsAndAlignsNumbersLikeC() {
        assertThat(process.run("printf", "[%5d][%-5d][%05d][%+d][%x][%#o]", "42", "42", "-42", "3", "255", "8").out())
                .isEqualTo("[   42][42   ][-0042][+3][ff][010]");
    }

    @Test
    void printfFormatsFloatingPointConversions() {
        assertThat(process.run("printf", "%.2f %e %g %g", "3.14159", "1234.5", "0.0001", "123456789").out())
                .isEqualTo("3.14 1.234500e+03 0.0001 1.23457e+08");
    }

    @Test
    void printfRoundsHalfToEvenOnTheExactValue() {
        assertThat(process.run("printf", "%.0f %.0f %.2f", "0.5", "1.5", "2.675").out()).isEqualTo("0 2 2.67");
    }

    @Test
    void printfCharacterConstantGivesTheByteValue() {
        assertThat(process.run("printf", "%d", "'a").out()).isEqualTo("97");
    }

    @Test
    void printfReportsNonNumericArgumentsAndExitsOne() {
        Sandbox.Result result = process.run("printf", "%d|", "abc");
        assertThat(result.out()).isEqualTo("0|");
        assertThat(result.err()).isEqualTo("printf: 'abc': expected a numeric value\n");
        assertThat(result.status()).isEqualTo(1);
    }

    @Test
    void printfPercentBExpandsEscapesInTheArgument() {
        assertThat(process.run("printf", "%b|%s", "x\\ny", "x\\ny").out()).isEqualTo("x\ny|x\\ny");
    }

    @Test
    void printfStarTakesWidthAndPrecisionFromArguments() {
        assertThat(process.run("printf", "[%*.*s]", "6", "2", "abcdef").out()).isEqualTo("[    ab]");
    }

    @Test
    void printfWithoutFormatIsAUsageError() {
        Sandbox.Result result = process.run("printf");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("printf: missing operand\nTry 'printf --help'");
    }

    @Test
    void printfRejectsAnInvalidConversion() {
        Sandbox.Result result = process.run("printf", "%z");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("%z: invalid conversion specification");
    }

    @Test
    void catConcatenatesFilesAndStdinInOrder() {
        process.file("a", "A\n").file("b", "B\n");
        assertThat(process.runWithInput("in\n", "cat", "a", "-", "b").out()).isEqualTo("A\nin\nB\n");
    }

    @Test
    void catReportsMissingFilesButContinues() {
        process.file("a", "A\n");
        Sandbox.Result result = process.run("cat", "nope", "a");
        assertThat(result.out()).isEqualTo("A\n");
        assertThat(result.err()).isEqualTo("cat: nope: No such file or directory\n");
        assertThat(result.status()).isEqualTo(1);
    }

    @Test
    void catOnADirectorySaysIsADirectory() {
        assertThat(process.run("cat", "/etc").err()).isEqualTo("cat: /etc: Is a directory\n");
    }

    @Test
    void catDashNNumbersAllLinesAcrossFiles() {
        process.file("a", "x\n\ny\n");
        assertThat(process.run("cat", "-n", "a", "a").out())
                .isEqualTo("     1\tx\n     2\t\n     3\ty\n     4\tx\n     5\t\n     6\ty\n");
    }

    @Test
    void catDashBNumbersOnlyNonBlankLines() {
        process.file("a", "x\n\ny\n");
        assertThat(process.run("cat", "-b", "a").out()).isEqualTo("     1\tx\n\n     2\ty\n");
    }

    @Test
    void catDashSSqueezesBlankRuns() {
        process.file("a", "x\n\n\n\ny\n");
        assertThat(process.run("cat", "-s", "a").out()).isEqualTo("x\n\ny\n");
    }

    @Test
    void catDashAShowsTabsEndsAndControlCharacters() {
        process.file("a", "a\tb\u0001\n");
        assertThat(process.run("cat", "-A", "a").out()).isEqualTo("a^Ib^A$\n");
    }

    @Test
    void trueExitsZeroAndFalseExitsOne() {
        assertThat(process.run("true", "anything").status()).isZero();
        assertThat(process.run("false", "--help").status()).isEqualTo(1);
    }

    @Test
    void sleepAddsUpSuffixedIntervals() {
        assertThat(SleepCommand.duration(List.of("1.5", "2m", "0.5h", "1d")))
                .isEqualTo(Duration.ofMillis(1500).plusMinutes(2).plusMinutes(30).plusDays(1));
    }

    @Test
    void sleepSleepsThroughTheKernelSoASignalEndsIt() throws Exception {
        long start = System.nanoTime();
        assertThat(process.run("sleep", "0.1", "0.1").status()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        KernelProcess sleeper = process.start("sleep", "1d");
        sleeper.kill(Signals.SIGTERM);
        assertThat(sleeper.waitFor(Sandbox.TIMEOUT)).hasValue(128 + Signals.SIGTERM);
    }

    @Test
    void sleepRejectsAnInvalidInterval() {
        Sandbox.Result result = process.run("sleep", "soon");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("sleep: invalid time interval 'soon'");
    }

    @Test
    void sleepWithoutOperandIsAUsageError() {
        assertThat(process.run("sleep").err()).startsWith("sleep: missing operand");
    }

    @Test
    void yesReportsAFullDeviceAndFails() {
        Sandbox.Result result = process.runWithOutputTo("/dev/full", "yes", "hi", "there");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("yes: standard output: No space left on device\n");
    }

    @Test
    void yesIsEndedBySigpipeWhenItsReaderCloses() throws Exception {
        KernelProcess yes = process.start("yes", "hi", "there");
        byte[] first = yes.stdout().readNBytes(18);
        yes.stdout().close();
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("hi there\nhi there\n");
        assertThat(yes.waitFor(Sandbox.TIMEOUT)).hasValue(128 + Signals.SIGPIPE);
    }

    @Test
    void seqCountsFromOneToLast() {
        assertThat(process.run("seq", "3").out()).isEqualTo("1\n2\n3\n");
    }

    @Test
    void seqUsesTheDecimalsOfFirstAndIncrement() {
        assertThat(process.run("seq", "1", "0.5", "2").out()).isEqualTo("1.0\n1.5\n2.0\n");
    }

    @Test
    void seqEqualWidthPadsWithZeros() {
        assertThat(process.run("seq", "-w", "9", "11").out()).isEqualTo("09\n10\n11\n");
    }

    @Test
    void seqSeparatorGoesBetweenNumbers() {
        assertThat(process.run("seq", "-s", ":", "3").out()).isEqualTo("1:2:3\n");
    }

    @Test
    void seqCountsDownWithNegativeIncrement() {
        assertThat(process.run("seq", "3", "-1", "1").out()).isEqualTo("3\n2\n1\n");
    }

    @Test
    void seqFormatAppliesPrintfToEachNumber() {
        assertThat(process.run("seq", "-f", "n%03g", "2").out()).isEqualTo("n001\nn002\n");
    }

    @Test
    void seqRejectsZeroIncrement() {
        Sandbox.Result result = process.run("seq", "1", "0", "3");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("seq: invalid Zero increment value: '0'");
    }

    @Test
    void unreadableFilesAndDirectoriesAreReportedInGnuWords() {
        process.file("secret", "s").chmod("secret", 0).directory("d");
        Sandbox.Result cat = process.run("cat", "secret", "d");
        assertThat(cat.status()).isEqualTo(1);
        assertThat(cat.err()).isEqualTo("cat: secret: Permission denied\ncat: d: Is a directory\n");
        assertThat(process.run("head", "secret").err())
                .isEqualTo("head: cannot open 'secret' for reading: Permission denied\n");
        assertThat(process.run("wc", "-l", "secret").err()).isEqualTo("wc: secret: Permission denied\n");
        assertThat(process.run("cat", "/etc/nothing").err()).isEqualTo("cat: /etc/nothing: No such file or directory\n");
    }
}
