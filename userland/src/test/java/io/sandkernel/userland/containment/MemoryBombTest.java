package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory bombs of each kind end in ENOMEM for the program that set them off, with dash's, bash's
 * or GNU's message and status, while the JVM's heap stays usable, the kernel's memory comes back
 * to where it was, and the next command in the same kernel runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemoryBombTest {
    private static final long MIB = 1024 * 1024;
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(60));

    private Kernel kernel;
    private long baseline;

    @BeforeEach
    void setUp() {
        kernel = Sandkernel.builder().limits(KernelLimits.defaults().withMemoryBytes(32 * MIB)).build();
        assertThat(kernel.exec("true", WAIT).exitCode()).isZero();
        baseline = kernel.memoryUsed();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    /** Runs a bomb and checks that everything else survived it. */
    private ExecResult explode(String script) {
        ExecResult result = kernel.exec(script, WAIT);
        assertThat(result.timedOut()).as("ended by itself").isFalse();
        assertThat(result.stderr()).doesNotContain("java.", "Exception", "Error:", "heap");
        byte[] heap = new byte[(int) (64 * MIB)]; // the JVM can still allocate
        heap[heap.length - 1] = 1;
        assertThat(heap[heap.length - 1]).isEqualTo((byte) 1);
        assertThat(kernel.exec("seq 3 | sort -r | tr '\\n' ' '", WAIT).stdout()).isEqualTo("3 2 1 ");
        assertThat(kernel.memoryUsed()).as("the kernel's memory is back").isEqualTo(baseline);
        return result;
    }

    /** A bomb that must end the shell as dash's "Out of space" would: the message, status 2. */
    private ExecResult shellOutOfMemory(String script) {
        ExecResult result = explode(script);
        assertThat(result.stderr()).isEqualTo("sh: out of memory\n");
        assertThat(result.exitCode()).isEqualTo(2);
        return result;
    }

    @Test
    void aCommandSubstitutionOfEndlessOutputIsOutOfMemory() {
        assertThat(shellOutOfMemory("x=$(yes | head -c 200000000); echo not reached").stdout()).isEmpty();
    }

    @Test
    void anEndlessAwkArrayIsGawksFatalError() {
        ExecResult result = explode("awk 'BEGIN { while (1) a[i++] = \"some text to keep\" }'");
        assertThat(result.stderr()).isEqualTo("awk: fatal: memory exhausted\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void aDoublingAwkStringIsGawksFatalError() {
        ExecResult result = explode("awk 'BEGIN { s = \"x\"; while (1) s = s s }'");
        assertThat(result.stderr()).isEqualTo("awk: fatal: memory exhausted\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void slurpingEndlessJsonIsJqsAllocationError() {
        ExecResult result = explode("yes '[1,2,3]' | head -c 200000000 | jq -s length");
        assertThat(result.stderr()).isEqualTo("jq: error: cannot allocate memory\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void jqStreamingManyValuesHoldsOnlyTheCurrentOne() {
        // 300,000 values: 8 times the kernel's memory in parsed trees, were they all kept
        ExecResult result = explode("yes '{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}' "
                + "| head -n 300000 | jq -c '.a[19]' | uniq -c");
        assertThat(result.stdout().trim()).isEqualTo("300000 20");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aDoublingVariableIsOutOfMemory() {
        shellOutOfMemory("x=x; while :; do x=$x$x; done");
    }

    @Test
    void bashSaysItAsBash() {
        ExecResult result = explode("bash -c 'x=x; while :; do x=$x$x; done'");
        assertThat(result.stderr()).matches("bash: xmalloc: cannot allocate \\d+ bytes\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void anEndlessLineIntoAVariableIsOutOfMemory() {
        shellOutOfMemory("x=$(yes | tr -d '\\n')");
    }

    @Test
    void aHugePrintfWidthIsOutOfMemoryForTheBuiltinAndMemoryExhaustedForTheCommand() {
        shellOutOfMemory("printf '%2000000000d' 1");
        ExecResult command = explode("env printf '%2000000000d' 1");
        assertThat(command.stderr()).isEqualTo("printf: memory exhausted\n");
        assertThat(command.exitCode()).isEqualTo(1);
    }

    @Test
    void aHugeHereDocumentIsOutOfMemory() {
        shellOutOfMemory("x=$(head -c 6000000 /dev/zero | tr '\\0' a)\n"
                + "cat <<EOF | wc -c\n$x$x$x$x$x$x\nEOF\necho not reached");
    }

    @Test
    void endlessInputToSortSpillsUntilTheFilesystemIsFull() {
        ExecResult result = explode("yes | sort");
        assertThat(result.stderr()).matches("sort: write failed: /tmp/sort\\w{6}: No space left on device\n");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(kernel.exec("ls -A /tmp", WAIT).stdout()).as("the runs are removed").isEmpty();
    }

    @Test
    void endlessInputHeldWholeIsMemoryExhausted() {
        assertThat(explode("yes | tac").stderr()).isEqualTo("tac: memory exhausted\n");
        ExecResult uniq = explode("yes | tr -d '\\n' | uniq");
        assertThat(uniq.stderr()).isEqualTo("uniq: memory exhausted\n");
        assertThat(uniq.exitCode()).isEqualTo(1);
        ExecResult sort = explode("yes | tr -d '\\n' | sort");
        assertThat(sort.stderr()).isEqualTo("sort: memory exhausted\n");
        assertThat(sort.exitCode()).isEqualTo(2);
    }

    @Test
    void sedGatheringEndlessInputPanicsAsGnuSed() {
        // long lines: sed's N copies its pattern space (quadratic), so endless short lines would take long
        ExecResult result = explode("head -c 3000000 /dev/zero | tr '\\0' y | fold -w 500000 | (ulimit -v 2048; "
                + "sed ':a;N;ba'); echo status $?");
        assertThat(result.stderr()).isEqualTo("sed: couldn't re-allocate memory\n");
        assertThat(result.stdout()).isEqualTo("status 4\n");
    }

    @Test
    void anEndlessLineForReadIsOutOfMemory() {
        ExecResult result = explode("(ulimit -v 2048; head -c 3000000 /dev/zero | tr '\\0' a | { read -r x; echo no; })\n"
                + "echo status $?");
        assertThat(result.stdout()).isEqualTo("status 2\n");
        assertThat(result.stderr()).isEqualTo("sh: out of memory\n");
    }

    @Test
    void aProcessLimitStopsOnlyThatShellAndItsChildren() {
        ExecResult result = explode("(ulimit -v 1024; x=$(head -c 2000000 /dev/zero | tr '\\0' a); echo no)\n"
                + "echo status $?; x=$(head -c 2000000 /dev/zero | tr '\\0' a); echo ${#x}");
        assertThat(result.stdout()).isEqualTo("status 2\n2000000\n");
        assertThat(result.stderr()).isEqualTo("sh: out of memory\n");
        assertThat(result.exitCode()).isZero();
    }
}
