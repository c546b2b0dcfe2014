package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The text commands compute for long stretches without kernel calls (a sed or awk loop, a
 * backtracking regex, a jq generator); their checkpoints must still let SIGTERM, which the JVM
 * driver can only act on at a kernel call, end them promptly. Each test starts a command that
 * never ends by itself, lets it spin, sends SIGTERM and expects the exit (143) well within a
 * second (typically a few milliseconds; the bound leaves room for a loaded machine).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextCommandsCancellationTest {
    private static final Duration SPIN = Duration.ofMillis(300);
    private static final Duration PROMPT = Duration.ofSeconds(1);

    private static void assertStopsOnSigterm(String... argv) throws InterruptedException {
        assertStopsOnSigterm(SPIN, argv);
    }

    /** @param spin how long to let it run first (jq's first run in a JVM loads jackson-jq for a while) */
    private static void assertStopsOnSigterm(Duration spin, String... argv) throws InterruptedException {
        try (Sandbox sandbox = Sandbox.create()) {
            KernelProcess process = sandbox.start(argv);
            process.stdin().close();
            Thread.sleep(spin.toMillis());
            assertThat(process.waitFor(Duration.ZERO)).as("%s still running", String.join(" ", argv)).isEmpty();
            long start = System.nanoTime();
            process.kill(Signals.SIGTERM);
            OptionalInt status = process.waitFor(PROMPT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(status).as("%s ended within %s after SIGTERM", String.join(" ", argv), PROMPT).isPresent();
            assertThat(status.getAsInt()).isEqualTo(128 + Signals.SIGTERM);
            System.out.printf("%s: stopped %d ms after SIGTERM%n", String.join(" ", argv), millis);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sedBranchingForeverStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("sed", "-n", "1{:a;s/x*/x/;ba}", "/etc/passwd");
    }

    @Test
    void awkInfiniteLoopStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("awk", "BEGIN { while (1) n++ }");
    }

    @Test
    void awkRecursionWithoutLoopsStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("awk", "function f(n) { return n < 0 ? 0 : f(n - 1) + f(n - 2) } BEGIN { print f(60) }");
    }

    @Test
    void catastrophicBacktrackingStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("awk", "BEGIN { s = sprintf(\"%60s\", \"\"); gsub(/ /, \"a\", s); print s ~ /(.*a){25}b/ }");
    }

    @Test
    void sedBackreferenceBacktrackingStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("sed", "-e", "1s/.*/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac/", "-e", "s/^\\([a-z]*\\)*\\1x/y/",
                "/etc/passwd");
    }

    @Test
    void jqGeneratorStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm(Duration.ofSeconds(3), "jq", "-n", "reduce range(1e12) as $x (0; . + 1)");
    }

    @Test
    void exprBacktrackingStopsOnSigterm() throws InterruptedException {
        assertStopsOnSigterm("expr", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", ":", "\\([a-z]*\\)*\\1x");
    }
}
