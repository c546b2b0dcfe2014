package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * xargs against GNU findutils: item splitting (blanks, quotes, backslashes, -0, -d), -n, -L, -I,
 * -s, -x, -r, -E, -t, -a, -P, the default echo, and the exit statuses for failing, missing and
 * aborting commands.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XargsDifferentialTest {
    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard()
                .file("list.txt", "a.txt\nb.txt\nempty\n")
                .file("nul.txt", "a.txt\0b.txt\0"), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.ordered();
        cases.add("xargs").input("a b c\nd e\n");
        cases.add("xargs", "echo").input("one two\n  three\tfour\n\n");
        cases.add("xargs", "echo", "x").input("");
        cases.add("xargs", "-r", "echo", "x").input("");
        cases.add("xargs", "-r", "echo", "x").input(" \n\n");
        cases.add("xargs", "-n", "1").input("a b c\n");
        cases.add("xargs", "-n", "2", "echo", "+").input("1 2 3 4 5\n");
        cases.add("xargs", "-n2").input("1 2 3\n");
        cases.add("xargs", "-n", "0").input("a\n");
        cases.add("xargs", "-n", "x").input("a\n");
        cases.add("xargs", "-L", "1", "echo").input("a b\nc d\n");
        cases.add("xargs", "-L", "2", "echo").input("a\nb\nc\nd\ne\n");
        cases.add("xargs", "-L1", "echo").input("a b \nc\nd\n");
        cases.add("xargs", "-L", "1", "echo").input("a  b\n\n c\n");
        cases.add("xargs", "-I", "{}", "echo", "x{}y").input("a\nb c\n");
        cases.add("xargs", "-I", "@", "echo", "@", "and", "@").input("one\ntwo\n");
        cases.add("xargs", "-I{}", "echo", "[{}]").input("  leading\ntrailing  \n");
        cases.add("xargs", "-i", "echo", "<{}>").input("a\nb\n");
        cases.add("xargs", "-0", "echo").input("a b\0c\nd\0");
        cases.add("xargs", "-0", "-n1", "echo").input("x\0\0y\0");
        cases.add("xargs", "-d", ":", "-n1", "echo").input("a:b:c");
        cases.add("xargs", "-d", "\\n", "echo").input("a b\nc d\n");
        cases.add("xargs", "-d", "\\t", "-n1", "echo").input("a\tb");
        cases.add("xargs", "-d", "ab").input("a");
        cases.add("xargs", "-d").input("a");
        cases.add("xargs", "echo").input("'a b' \"c d\" e\\ f\n");
        cases.add("xargs", "-n1").input("'it''s' \"x'y\"\n");
        cases.add("xargs").input("a 'b\n");
        cases.add("xargs").input("a \"b\n");
        cases.add("xargs", "-E", "END", "echo").input("a b END c\n");
        cases.add("xargs", "-E", "a", "echo", "x").input("a\n");
        cases.add("xargs", "-e", "echo").input("a b\n");
        cases.add("xargs", "-s", "12", "echo").input("aa bb cc dd ee\n");
        cases.add("xargs", "-s", "5", "echo").input("a\n");
        cases.add("xargs", "-x", "-s", "8", "echo").input("aaaaaaaaaa\n");
        cases.add("xargs", "-t", "echo").input("a b\n");
        cases.add("xargs", "-t", "-n", "1", "echo", "x").input("a b\n");
        cases.add("xargs", "-a", "list.txt", "cat");
        cases.add("xargs", "-a", "list.txt", "-n", "1", "wc", "-l");
        cases.add("xargs", "-a", "missing", "echo");
        cases.add("xargs", "-0", "-a", "nul.txt", "wc", "-c");
        cases.add("xargs", "cat").input("a.txt b.txt\n");
        cases.add("xargs", "cat").input("a.txt missing b.txt\n");
        cases.add("xargs", "nosuchcommand").input("a\n");
        cases.add("xargs", "false").input("a\n");
        cases.add("xargs", "-n", "1", "false").input("a b\n");
        cases.add("xargs", "wc", "-c").input("space\\ name.txt\n");
        cases.add("xargs", "-P", "2", "-n", "1", "echo").input("1 2 3 4\n").sorted();
        cases.add("xargs", "-P", "0", "-n", "2", "echo").input("1 2 3 4\n").sorted();
        cases.add("xargs", "-P", "x").input("a\n");
        cases.add("xargs", "-n", "2", "-L", "1", "echo").input("a b c\nd\n");
        cases.add("xargs", "--max-args=2", "echo").input("1 2 3\n");
        cases.add("xargs", "--null", "echo").input("p\0q\0");
        cases.add("xargs", "--no-run-if-empty", "--verbose", "echo").input("");
        cases.add("xargs", "-r", "-L", "1", "echo", "line:").input("x y\n\nz\n");
        cases.add("xargs", "--delimiter=,", "echo").input("a,b,,c");
        cases.add("xargs", "echo").input("\u00e9t\u00e9 caf\u00e9\n");
        cases.add("xargs", "-0", "printf", "<%s>\\n").input("a\nb\0c\0");
        cases.add("xargs", "-I", "X", "-n", "1", "echo", "X").input("p q\n");
        cases.add("xargs", "-foo").input("");
        return cases.stream();
    }

    @AfterAll
    static void reportAgreement() {
        System.out.print(runner.agreement());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGnu(OracleCase c) throws Exception {
        runner.check(c);
    }
}
