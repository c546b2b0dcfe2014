package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shell's descriptors are its kernel descriptors: what redirections open reaches the
 * processes it starts (Linux fork+exec inheritance), and what it keeps for itself does not.
 * {@code fds} prints the descriptors a process has open.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DescriptorTest {
    private TestKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = new TestKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private TestKernel.Result run(String script) {
        return kernel.sh("", "-c", script);
    }

    private String out(String script) {
        TestKernel.Result result = run(script);
        assertThat(result.err()).as("stderr of %s", script).isEmpty();
        return result.out();
    }

    @Test
    void execOpenedDescriptorReachesBuiltinsAndChildShells() {
        assertThat(out("exec 3>f; echo hi >&3; sh -c 'echo there >&3'; exec 3>&-; cat f")).isEqualTo("hi\nthere\n");
    }

    @Test
    void execOpenedDescriptorReachesPipelinesSubshellsAndBackgroundJobs() {
        assertThat(out("exec 3>f; echo a | sh -c 'cat >&3'; (echo b >&3); { echo c >&3; } & wait; exec 3>&-; cat f"))
                .isEqualTo("a\nb\nc\n");
    }

    @Test
    void commandRedirectionBeyondTheStandardThreeReachesTheCommand() {
        assertThat(out("echo data > in; { cat <&4; } 4<in")).isEqualTo("data\n");
        assertThat(out("echo data > in; sh -c 'cat <&4' 4<in")).isEqualTo("data\n");
        assertThat(out("fds 3>x 5<x")).isEqualTo("0 1 2 3 5\n");
    }

    @Test
    void execDuplicatesStandardInputForLaterCommands() {
        TestKernel.Result result = kernel.sh("from stdin\n", "-c", "exec 4<&0 0</dev/null; cat <&4; sh -c 'cat <&4'");
        assertThat(result.out()).isEqualTo("from stdin\n");
        assertThat(result.status()).isZero();
    }

    @Test
    void readWriteRedirectionOpensForReadingAndWriting() {
        assertThat(out("echo abc > f; exec 5<>f; read x <&5; echo $x")).isEqualTo("abc\n");
        assertThat(out("echo abcdef > g; exec 5<>g; read -r x <&5; echo XY >&5; exec 5>&-; cat g"))
                .as("writes go on at the shared offset").isEqualTo("abcdef\nXY\n");
        assertThat(out("echo new <>created; cat created; [ -f created ] && echo made")).isEqualTo("new\nmade\n");
    }

    @Test
    void redirectionsOfACommandAreUndoneAfterIt() {
        assertThat(out("{ echo in >&3; } 3>f; fds; cat <f 4<&0; fds")).isEqualTo("0 1 2\nin\n0 1 2\n");
        assertThat(out("exec 3>f; fds 3>&-; fds")).isEqualTo("0 1 2\n0 1 2 3\n");
    }

    @Test
    void closedStandardDescriptorIsClosedInTheChild() {
        assertThat(out("fds <&-; fds 2>&-")).isEqualTo("1 2\n0 1\n");
    }

    @Test
    void childrenDoNotInheritTheShellsOwnDescriptors() {
        // while a redirection scope holds saved copies, a here-document's pipe or a pipeline's pipes
        assertThat(out("{ fds; } > f; cat f")).isEqualTo("0 1 2\n");
        assertThat(out("{ { fds; } 2>/dev/null; } > f 4>g; cat f")).isEqualTo("0 1 2 4\n");
        assertThat(out("fds | cat; echo $(fds)")).isEqualTo("0 1 2\n0 1 2\n");
        assertThat(out("fds <<EOF\nbody\nEOF")).isEqualTo("0 1 2\n");
        String big = "x".repeat(100_000);
        assertThat(out("{ fds; cat >/dev/null; } <<EOF\n" + big + "\nEOF")).isEqualTo("0 1 2\n");
    }

    @Test
    void scriptFileDescriptorIsNotInherited() {
        out("printf 'fds\\nsh -c fds\\n' > /tmp/fds.sh");
        TestKernel.Result result = kernel.sh("", "/tmp/fds.sh");
        assertThat(result.out()).isEqualTo("0 1 2\n0 1 2\n");
    }

    @Test
    void descriptorsAreOneDigitAsInDash() {
        assertThat(out("echo 10>f; cat f")).isEqualTo("10\n");
        TestKernel.Result bad = run("echo a >&10; echo after");
        assertThat(bad.err()).isEqualTo("sh: 1: Syntax error: Bad fd number\n");
        assertThat(bad.status()).isEqualTo(2);
        TestKernel.Result expanded = run("x=12; echo a >&$x; echo after");
        assertThat(expanded.out()).isEmpty();
        assertThat(expanded.status()).isEqualTo(2);
    }

    @Test
    void duplicatingAClosedDescriptorFails() {
        TestKernel.Result result = run("echo a >&7; echo status $?");
        assertThat(result.out()).isEqualTo("status 2\n");
        assertThat(result.err()).isEqualTo("sh: 1: 7: Bad file descriptor\n");
    }

    @Test
    void noclobberRefusesExistingRegularFilesOnly() {
        TestKernel.Result result = run("set -C; echo a > f; echo b > f; echo $?; echo c >| f; echo d > /dev/null; cat f");
        assertThat(result.out()).isEqualTo("2\nc\n");
        assertThat(result.err()).isEqualTo("sh: 1: cannot create f: File exists\n");
    }

    @Test
    void redirectionErrorsReadAsDash() {
        TestKernel.Result result = run("cat < nosuch; echo x > nodir/f; echo y > /tmp; echo z >> /tmp; : <> /tmp");
        assertThat(result.err()).isEqualTo("sh: 1: cannot open nosuch: No such file\n"
                + "sh: 1: cannot create nodir/f: Directory nonexistent\n"
                + "sh: 1: cannot create /tmp: Is a directory\n"
                + "sh: 1: cannot create /tmp: Is a directory\n"
                + "sh: 1: cannot create /tmp: Is a directory\n");
    }
}
