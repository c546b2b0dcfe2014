package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelLimits;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The commands on /dev/null, /dev/zero and /dev/full: reads through descriptors, and writes that
 * fail are reported in GNU's words with a failure status, never dropped silently.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DevicesTest {
    private final Sandbox process = Sandbox.create();

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void catOfDevNullIsEmpty() {
        Sandbox.Result result = process.run("cat", "/dev/null");
        assertThat(result.status()).isZero();
        assertThat(result.outBytes()).isEmpty();
        assertThat(process.run("wc", "-c", "/dev/null").out()).isEqualTo("0 /dev/null\n");
    }

    @Test
    void headOfDevZeroGivesExactlyTheBytesAsked() {
        Sandbox.Result result = process.run("head", "-c", "5", "/dev/zero");
        assertThat(result.status()).isZero();
        assertThat(result.outBytes()).containsExactly(0, 0, 0, 0, 0);
        assertThat(process.runWithInput(result.outBytes(), "wc", "-c").out()).isEqualTo("5\n");
    }

    @Test
    void writingToDevNullSucceeds() {
        process.file("f", "data\n");
        assertThat(process.runWithOutputTo("/dev/null", "cat", "f").status()).isZero();
        assertThat(process.run("cp", "f", "/dev/null").status()).isZero();
    }

    @ParameterizedTest(name = "{0} > /dev/full")
    @CsvSource(delimiter = '|', value = {
        "cat f            | 1 | cat: write error: No space left on device",
        "echo hi          | 1 | echo: write error: No space left on device",
        "head -n 1 f      | 1 | head: write error: No space left on device",
        "tail -n 1 f      | 1 | tail: write error: No space left on device",
        "wc f             | 1 | wc: write error: No space left on device",
        "sort f           | 2 | sort: write failed: 'standard output': No space left on device",
        "uniq f           | 1 | uniq: write error: No space left on device",
        "cut -c1 f        | 1 | cut: write error: No space left on device",
        "seq 3            | 1 | seq: write error: No space left on device",
        "ls f             | 2 | ls: write error: No space left on device",
        "grep a f         | 2 | grep: write error: No space left on device",
        "printf x         | 1 | printf: write error: No space left on device",
        "pwd              | 1 | pwd: write error: No space left on device",
        "id -u            | 1 | id: write error: No space left on device",
        "env              | 125 | env: write error: No space left on device",
        "ps               | 1 | ps: write error: No space left on device",
        "cat --help       | 1 | cat: write error: No space left on device",
    })
    void aFullStandardOutputIsReportedWithAFailureStatus(String line, int status, String message) {
        process.file("f", "a\nb\n");
        Sandbox.Result result = process.runWithOutputTo("/dev/full", line.split(" "));
        assertThat(result.err()).isEqualTo(message + "\n");
        assertThat(result.status()).isEqualTo(status);
    }

    @Test
    void sortDashOToAFullDeviceFails() {
        process.file("f", "b\na\n");
        Sandbox.Result result = process.run("sort", "-o", "/dev/full", "f");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("sort: write failed: /dev/full: No space left on device\n");
    }

    @Test
    void teeReportsTheFullOutputAndStillWritesTheOthers() {
        Sandbox.Result result = process.runWithInput("data\n", "tee", "/dev/full", "copy");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("tee: /dev/full: No space left on device\n");
        assertThat(result.out()).isEqualTo("data\n");
        assertThat(process.read("copy")).isEqualTo("data\n");
    }

    @Test
    void aFullFilesystemIsReportedNotTruncatedSilently() {
        try (Sandbox small = Sandbox.create(KernelLimits.defaults().withMaxFilesystemBytes(1 << 20))) {
            Sandbox.Result yes = small.runWithOutputTo("out", "yes");
            assertThat(yes.status()).isEqualTo(1);
            assertThat(yes.err()).isEqualTo("yes: standard output: No space left on device\n");
            Sandbox.Result cp = small.run("cp", "out", "copy");
            assertThat(cp.status()).isEqualTo(1);
            assertThat(cp.err()).isEqualTo("cp: error writing 'copy': No space left on device\n");
            small.run("rm", "copy");
            Sandbox.Result sort = small.run("sort", "-o", "sorted", "out");
            assertThat(sort.status()).isEqualTo(2);
            assertThat(sort.err()).isEqualTo("sort: write failed: sorted: No space left on device\n");
        }
    }
}
