package io.sandkernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The usual command lines are read without picocli, as picocli would read them; others go to picocli. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimpleArgumentsTest {
    private static Main parse(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.simpleArguments(args, new ByteArrayInputStream(new byte[0]), sink, sink);
    }

    @Test
    void commandStringAndItsOperands() {
        Main main = parse("-c", "echo $1", "name", "-x", "--demo");
        assertThat(main.command).isEqualTo("echo $1");
        assertThat(main.operands).containsExactly("name", "-x", "--demo");
        assertThat(parse("-cecho hi").command).isEqualTo("echo hi");
    }

    @Test
    void repeatableOptionsWithOrWithoutEquals() {
        Main main = parse("--mount", "a:/x", "--mount=b:/y:ro", "--allow-host=git", "--allow-host", "ls", "file", "arg");
        assertThat(main.mounts).containsExactly("a:/x", "b:/y:ro");
        assertThat(main.allowHost).containsExactly("git", "ls");
        assertThat(main.operands).containsExactly("file", "arg");
        assertThat(parse("--", "-c").operands).containsExactly("-c");
    }

    @Test
    void allowHostUnconfinedIsAFlag() {
        Main main = parse("--allow-host", "git", "--allow-host-unconfined", "-c", "git status");
        assertThat(main.allowHostUnconfined).isTrue();
        assertThat(parse("--allow-host", "git").allowHostUnconfined).isFalse();
        assertThat(parse("--allow-host-unconfined=yes")).isNull();
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (List<String> args : List.of(List.of("--help"), List.of("-V"), List.of("--version"), List.of("-c"),
                List.of("--bogus"), List.of("-c", "a", "-c", "b"), List.of("--demo=x"))) {
            assertThat(parse(args.toArray(String[]::new))).as("%s", args).isNull();
        }
    }

    @Test
    void aScriptRunsThroughTheSimplePath() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Main.run(new String[] {"-c", "echo hi; exit 3"}, new ByteArrayInputStream(new byte[0]), print,
                print);
        assertThat(status).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
    }
}
