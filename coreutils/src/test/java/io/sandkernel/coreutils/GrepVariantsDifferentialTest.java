package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** egrep and fgrep (grep -E and grep -F, as Debian's scripts run them) against the host's. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GrepVariantsDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runHostGrep() {
        runner = new TextOracle(hosts, TextFixtures.FILES).start(CASES.stream());
    }

    @AfterAll
    static void report() {
        runner.close();
        TextOracle.report();
    }

    static Stream<Arguments> arguments() {
        return CASES.stream().map(TextCase::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void agreesWithTheHostsGrep(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    private static void add(List<TextCase> cases, String input, String... argv) {
        cases.add(TextCase.of(input, argv));
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        add(c, "", "egrep", "apple|fig", "words.txt");
        add(c, "", "egrep", "-c", "^[ab]", "words.txt");
        add(c, "", "egrep", "-n", "(an)+a", "words.txt");
        add(c, "", "egrep", "-v", "e+", "words.txt");
        add(c, "", "egrep", "-i", "-o", "b[a-z]{2}", "words.txt");
        add(c, "x\ny\n", "egrep", "x|z");
        add(c, "", "egrep", "(", "words.txt");
        add(c, "", "egrep", "-q", "cherry", "words.txt");
        add(c, "", "egrep", "a", "missing.txt");
        add(c, "", "fgrep", "a.b", "special.txt");
        add(c, "", "fgrep", "-x", "a*b", "special.txt");
        add(c, "", "fgrep", "-c", "[y]", "special.txt");
        add(c, "", "fgrep", "-e", "(x)", "-e", "axb", "special.txt");
        add(c, "", "fgrep", "-w", "cat", "sentences.txt");
        add(c, "", "fgrep", "-l", "cat", "sentences.txt", "words.txt");
        add(c, "", "fgrep", "--bogus", "x");
        return c;
    }
}
