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

/** expr against GNU expr: output, messages and exit status, byte for byte. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExprDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runGnuExpr() {
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
    void agreesWithGnuExpr(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    private static void expr(List<TextCase> cases, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "expr";
        System.arraycopy(args, 0, argv, 1, args.length);
        cases.add(TextCase.of("", argv));
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        expr(c, "1", "+", "2");
        expr(c, "5", "-", "10");
        expr(c, "3", "*", "4");
        expr(c, "7", "/", "2");
        expr(c, "7", "%", "3");
        expr(c, "-10", "/", "3");
        expr(c, "10", "%", "-3");
        expr(c, "1", "+", "2", "*", "3");
        expr(c, "8", "/", "2", "/", "2");
        expr(c, "(", "1", "+", "2", ")", "*", "3");
        expr(c, "99999999999999999999", "+", "1");
        expr(c, "5", "*", "-2");
        expr(c, "a", "+", "1");
        expr(c, "", "+", "1");
        expr(c, "3", "+", "0x");
        expr(c, "1", "/", "0");
        expr(c, "1", "%", "0");
        expr(c, "2", "<", "10");
        expr(c, "a", "<", "b");
        expr(c, "abc", ">", "abd");
        expr(c, "2", "=", "2");
        expr(c, "1", "=", "01");
        expr(c, "a", "=", "a");
        expr(c, "3", "!=", "3");
        expr(c, "1", ">=", "2");
        expr(c, "10", "<=", "9");
        expr(c, "", "|", "0");
        expr(c, "x", "|", "y");
        expr(c, "0", "&", "1");
        expr(c, "3", "&", "0");
        expr(c, "3", "&", "4");
        expr(c, "", "&", "x");
        expr(c, "1", "|", "1", "/", "0");
        expr(c, "0", "&", "1", "/", "0");
        expr(c, "2", "<", "10", "|", "a");
        expr(c, "abc", ":", "a.c");
        expr(c, "abc", ":", "\\(b.\\)");
        expr(c, "abc", ":", "x");
        expr(c, "abc", ":", "\\(x\\)");
        expr(c, "abc", ":", "b");
        expr(c, "aBc", ":", ".*B");
        expr(c, "", ":", "");
        expr(c, "", ":", "a*");
        expr(c, "abc", ":", "\\(a\\)\\(b\\)");
        expr(c, "abc", ":", "a*", ":", "x");
        expr(c, "foo.tar.gz", ":", ".*\\.\\(.*\\)");
        expr(c, "2024-01-05", ":", "\\([0-9]*\\)-");
        expr(c, "a", ":", "\\(");
        expr(c, "length", "abcd");
        expr(c, "length", "");
        expr(c, "substr", "hello", "2", "3");
        expr(c, "substr", "hello", "0", "2");
        expr(c, "substr", "hello", "a", "2");
        expr(c, "substr", "hello", "2", "100");
        expr(c, "index", "hello", "lo");
        expr(c, "index", "abc", "");
        expr(c, "match", "abc", "a\\(.\\)");
        expr(c, "+", "length");
        expr(c, "+", "+", "1");
        expr(c, "-5", "+", "3");
        expr(c, "0");
        expr(c, "-0");
        expr(c, "-k");
        expr(c, "--", "1", "+", "1");
        c.add(TextCase.of("", "expr", "1", "+", "1").toFullDevice());
        expr(c, "1", "2");
        expr(c, "1", "+");
        expr(c, "length");
        expr(c, "match");
        expr(c, "substr", "abc");
        expr(c, "(", "1");
        expr(c, "1", ")");
        expr(c, "(", "1", "2");
        expr(c, ")");
        expr(c);
        return c;
    }
}
