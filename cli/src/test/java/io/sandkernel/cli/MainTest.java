package io.sandkernel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line, non-interactive: -c, script files, standard input, exit status, --help, --version. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dashCRunsTheScript() {
        assertThat(run("", "-c", "yes | head -n 3; echo done")).isZero();
        assertThat(out()).isEqualTo("y\ny\ny\ndone\n");
    }

    @Test
    void dashCExitsWithTheScriptsStatus() {
        assertThat(run("", "-c", "echo oops >&2; exit 7")).isEqualTo(7);
        assertThat(err()).isEqualTo("oops\n");
    }

    @Test
    void dashCOperandsBecomeDollarZeroAndArguments() {
        assertThat(run("", "-c", "echo $0 $1 $#", "name", "first")).isZero();
        assertThat(out()).isEqualTo("name first 1\n");
    }

    @Test
    void scriptFileRunsWithItsArguments(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("hello.sh");
        Files.writeString(script, "echo \"hello $1\"\ncd /tmp && pwd\nexit 3\n");
        assertThat(run("", script.toString(), "world")).isEqualTo(3);
        assertThat(out()).isEqualTo("hello world\n/tmp\n");
    }

    @Test
    void missingScriptFileFails() {
        assertThat(run("", "/no/such/script.sh")).isEqualTo(127);
        assertThat(err()).contains("cannot read /no/such/script.sh");
    }

    @Test
    void scriptFromStandardInputWhenItIsNotATerminal() {
        assertThat(run("echo from stdin\nfalse\n")).isEqualTo(1);
        assertThat(out()).isEqualTo("from stdin\n");
    }

    @Test
    void scriptReadsStandardInput() {
        assertThat(run("a\nb\n", "-c", "wc -l")).isZero();
        assertThat(out().trim()).isEqualTo("2");
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("", "--help")).isZero();
        assertThat(out()).contains("Usage: sandkernel", "-c=SCRIPT", "--allow-host=CMD", "--mount=DIR", "--demo",
                "--version");
    }

    @Test
    void versionNamesTheProgram() {
        assertThat(run("", "--version")).isZero();
        assertThat(out()).startsWith("sandkernel ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("Unknown option");
    }

    @Test
    void mountMakesAHostDirectoryTheRoot(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("greeting.txt"), "hi from the host\n");
        assertThat(run("", "--mount", dir.toString(), "-c", "cat /greeting.txt; echo made > /out.txt")).isZero();
        assertThat(out()).isEqualTo("hi from the host\n");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("made\n");
    }

    @Test
    void allowHostRunsTheNamedHostExecutable() {
        // factor is GNU coreutils' and not a command of the userland, so only the host can run it
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/factor")));
        assertThat(run("", "--allow-host", "factor", "--allow-host-unconfined", "-c", "factor 12")).isZero();
        assertThat(out()).isEqualTo("12: 2 2 3\n");
    }

    @Test
    void hostCommandsAreDeniedWithoutAllowHost() {
        assertThat(run("", "-c", "factor 12")).isEqualTo(127);
    }

    @Test
    void demoIsStillReachable() {
        assertThat(run("", "--demo")).isZero();
        assertThat(out()).isNotEmpty();
    }
}
