package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deep recursion and huge numbers end with the message and status dash, bash or GNU give, never
 * with Java's text, and the shell survives them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NoJavaErrorTextTest {
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(60));

    private Kernel kernel;

    @BeforeEach
    void setUp() {
        kernel = Sandkernel.newKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private ExecResult run(String script) {
        ExecResult result = kernel.exec(script, WAIT);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stderr()).doesNotContain("java", "Exception", "Error:", "Overflow");
        assertThat(kernel.exec("echo alive", WAIT).stdout()).isEqualTo("alive\n");
        return result;
    }

    @Test
    void endlessFunctionRecursionStopsAtDashsAndBashsLimits() {
        ExecResult dash = run("f(){ f; }; f; echo not reached");
        assertThat(dash.stderr()).isEqualTo("sh: 1: Maximum function recursion depth (1000) reached\n");
        assertThat(dash.exitCode()).isEqualTo(2);
        ExecResult counted = run("n=0; f(){ n=$((n+1)); f; }; (f); echo $? $n");
        assertThat(counted.stdout()).isEqualTo("2 0\n");
        ExecResult bash = run("bash -c 'FUNCNEST=50; n=0; f(){ n=$((n+1)); f; }; f; echo $?'; echo status $?");
        assertThat(bash.stderr()).isEqualTo("bash: line 1: f: maximum function nesting level exceeded (50)\n");
        assertThat(bash.stdout()).isEqualTo("status 1\n");
    }

    @Test
    void nestingDeeperThanTheStackIsAShellErrorWithStatus2() {
        String parentheses = "(".repeat(20_000) + "echo hi" + ")".repeat(20_000);
        ExecResult parens = run(parentheses);
        assertThat(parens.stderr()).isEqualTo("sh: 1: recursion too deep\n");
        assertThat(parens.exitCode()).isEqualTo(2);
        ExecResult eval = run("x='eval \"$x\"'; (eval \"$x\"); echo after $?");
        assertThat(eval.stderr()).isEqualTo("sh: 1: recursion too deep\n");
        assertThat(eval.stdout()).isEqualTo("after 2\n");
        ExecResult substitutions = run("echo " + "$(echo ".repeat(40) + "deep" + ")".repeat(40));
        assertThat(substitutions.stdout()).isEqualTo("deep\n");
    }

    @Test
    void hugeNumbersGetTheReferenceMessages() {
        assertThat(run("echo ${99999999999999999999}; echo $?").stdout()).isEqualTo("\n0\n");
        assertThat(run("echo $((99999999999999999999))").stdout()).isEqualTo("9223372036854775807\n");
        ExecResult key = run("echo a | sort -k 99999999999; echo $?");
        assertThat(key.stdout()).isEqualTo("a\n0\n");
        ExecResult head = run("seq 3 | head -n 99999999999999999999; echo $?");
        assertThat(head.stderr()).isEqualTo("head: invalid number of lines: '99999999999999999999': "
                + "Value too large for defined data type\n");
        assertThat(head.stdout()).isEqualTo("1\n");
        assertThat(run("seq 3 | head -n 9999999999999999999").stdout()).isEqualTo("1\n2\n3\n");
        assertThat(run("seq 1e400 | head -n 2").stdout()).isEqualTo("1\n2\n");
        // dash truncates the width to an int and prints 1,215,752,191 bytes: more than the kernel's memory
        ExecResult width = run("printf '%*d' 99999999999 1 | wc -c");
        assertThat(width.stderr()).isEqualTo("sh: out of memory\n");
        assertThat(width.stdout()).isEqualTo("0\n");
    }

    @Test
    void anUnexpectedFailureOfAProgramIsAGenericLine() {
        try (Kernel own = Sandkernel.builder(java.util.Map.of("broken", process -> {
            throw new IllegalStateException("internal detail");
        })).build()) {
            ExecResult result = own.exec("broken; echo $?", WAIT);
            assertThat(result.stderr()).isEqualTo("broken: internal error\n");
            assertThat(result.stdout()).isEqualTo("1\n");
        }
    }
}
