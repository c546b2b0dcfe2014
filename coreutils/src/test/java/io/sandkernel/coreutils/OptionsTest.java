package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared getopt_long-style parser and the command guard's usage handling. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OptionsTest {
    private final Options.Parser parser = new Options.Parser("ab:c", "all:a", "block=:b", "count:c", "color?:\u0001");

    @Test
    void clusteredShortOptionsAndAttachedArguments() {
        Options options = parser.parse(List.of("-ac", "-bX", "file"));
        assertThat(options.has('a')).isTrue();
        assertThat(options.has('c')).isTrue();
        assertThat(options.value('b', null)).isEqualTo("X");
        assertThat(options.operands()).containsExactly("file");
    }

    @Test
    void optionsMayFollowOperandsUntilDoubleDash() {
        Options options = parser.parse(List.of("x", "-a", "--", "-c"));
        assertThat(options.has('a')).isTrue();
        assertThat(options.has('c')).isFalse();
        assertThat(options.operands()).containsExactly("x", "-c");
    }

    @Test
    void longOptionsAcceptUnambiguousPrefixesAndEqualsValues() {
        Options options = parser.parse(List.of("--bl=5", "--al", "--color"));
        assertThat(options.value('b', null)).isEqualTo("5");
        assertThat(options.has('a')).isTrue();
        assertThat(options.has('\u0001')).isTrue();
    }

    @Test
    void errorsAreWordedAsGetopt() {
        assertThatThrownBy(() -> parser.parse(List.of("-z"))).hasMessage("invalid option -- 'z'");
        assertThatThrownBy(() -> parser.parse(List.of("-b"))).hasMessage("option requires an argument -- 'b'");
        assertThatThrownBy(() -> parser.parse(List.of("--nope"))).hasMessage("unrecognized option '--nope'");
        assertThatThrownBy(() -> parser.parse(List.of("--c"))).hasMessageStartingWith("option '--c' is ambiguous");
        assertThatThrownBy(() -> parser.parse(List.of("--all=1"))).hasMessage("option '--all' doesn't allow an argument");
    }

    @Test
    void singleDashIsAnOperand() {
        assertThat(parser.parse(List.of("-")).operands()).containsExactly("-");
    }

    @Test
    void usageErrorsGetTheHintLineAndTheCommandsStatus() {
        Sandbox.Result result;
        try (Sandbox sandbox = Sandbox.create()) {
            result = sandbox.run("sort", "--frobnicate");
        }
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("sort: unrecognized option '--frobnicate'\nTry 'sort --help' for more information.\n");
    }

    @Test
    void helpPrintsUsageToStandardOutput() {
        Sandbox.Result result;
        try (Sandbox sandbox = Sandbox.create()) {
            result = sandbox.run("head", "--help");
        }
        assertThat(result.status()).isZero();
        assertThat(result.out()).startsWith("Usage: head ");
    }

    @Test
    void everyRequiredCommandIsRegistered() {
        assertThat(Coreutils.commands().keySet()).contains("echo", "printf", "cat", "true", "false",
                "sleep", "yes", "seq", "head", "tail", "wc", "tr", "grep", "sort", "uniq", "cut", "tee", "ls", "mkdir",
                "rm", "touch", "cp", "mv", "pwd", "env", "id", "whoami", "kill", "ps", "tty", "stty");
    }

    @Test
    void commandsKeepNoStateBetweenRuns() {
        try (Sandbox process = Sandbox.create().file("f", "x\n")) {
            assertThat(process.run("cat", "-n", "f").out()).isEqualTo("     1\tx\n");
            assertThat(process.run("cat", "-n", "f").out()).isEqualTo("     1\tx\n");
        }
    }
}
