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

/**
 * diff and cmp against GNU diffutils: output, messages and exit status, byte for byte. Unified
 * and context headers carry modification times, which differ between the two sides' fixtures,
 * so those cases name their files with {@code --label}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiffDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runGnuDiffutils() {
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
    void agreesWithGnuDiffutils(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    private static void add(List<TextCase> cases, String... argv) {
        cases.add(TextCase.of("", argv));
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        // diff, normal format
        add(c, "diff", "a.txt", "a.txt");
        add(c, "diff", "old.txt", "new.txt");
        add(c, "diff", "new.txt", "old.txt");
        add(c, "diff", "old.txt", "far.txt");
        add(c, "diff", "a.txt", "a2.txt");
        add(c, "diff", "a.txt", "b.txt");
        add(c, "diff", "empty.txt", "b.txt");
        add(c, "diff", "b.txt", "empty.txt");
        add(c, "diff", "noeol.txt", "a.txt");
        add(c, "diff", "a.txt", "noeol.txt");
        add(c, "diff", "dupes1.txt", "dupes2.txt");
        add(c, "diff", "braces1.txt", "braces2.txt");
        add(c, "diff", "long1.txt", "long2.txt");
        add(c, "diff", "words.txt", "dups.txt");
        c.add(TextCase.of("", "diff", "nums.txt", "unsorted.txt").known(
                "two minimal edit scripts: java-diff-utils keeps line 9, GNU's diagonal search line 10"));
        // unified and context
        add(c, "diff", "-u", "--label", "old", "--label", "new", "old.txt", "new.txt");
        add(c, "diff", "-U", "1", "--label", "old", "--label", "new", "old.txt", "new.txt");
        add(c, "diff", "-U0", "--label", "old", "--label", "new", "old.txt", "new.txt");
        add(c, "diff", "--unified=5", "--label", "x", "--label", "y", "long1.txt", "long2.txt");
        add(c, "diff", "-u", "--label", "a", "--label", "b", "long1.txt", "long2.txt");
        add(c, "diff", "-u", "--label", "a", "--label", "b", "noeol.txt", "a.txt");
        add(c, "diff", "-u", "--label", "a", "--label", "b", "empty.txt", "b.txt");
        add(c, "diff", "-u", "--label", "a", "--label", "b", "braces1.txt", "braces2.txt");
        add(c, "diff", "-u", "--label", "a", "--label", "b", "dupes1.txt", "dupes2.txt");
        add(c, "diff", "-c", "--label", "old", "--label", "new", "old.txt", "new.txt");
        add(c, "diff", "-C", "1", "--label", "old", "--label", "new", "old.txt", "far.txt");
        add(c, "diff", "-c", "--label", "a", "--label", "b", "a.txt", "noeol.txt");
        add(c, "diff", "-c", "--label", "a", "--label", "b", "b.txt", "empty.txt");
        // reports and options
        add(c, "diff", "-q", "old.txt", "new.txt");
        add(c, "diff", "--brief", "a.txt", "a.txt");
        add(c, "diff", "-s", "a.txt", "a.txt");
        add(c, "diff", "-s", "a.txt", "b.txt");
        add(c, "diff", "-i", "a.txt", "a2.txt");
        add(c, "diff", "-w", "ws1.txt", "ws2.txt");
        add(c, "diff", "-b", "ws1.txt", "ws2.txt");
        add(c, "diff", "-B", "blank.txt", "b.txt");
        add(c, "diff", "-iwB", "ws1.txt", "ws2.txt");
        add(c, "diff", "bin1.dat", "bin2.dat");
        add(c, "diff", "bin1.dat", "bin1.dat");
        add(c, "diff", "-a", "bin1.dat", "bin2.dat");
        add(c, "diff", "a.txt", "dir");
        // directories
        add(c, "diff", "tree1", "tree2");
        add(c, "diff", "-r", "tree1", "tree2");
        add(c, "diff", "-r", "-q", "tree1", "tree2");
        add(c, "diff", "-ru", "--label", "L", "--label", "R", "tree1/sub", "tree2/sub");
        add(c, "diff", "-r", "-N", "tree1", "tree2");
        add(c, "diff", "-r", "-x", "only*", "tree1", "tree2");
        add(c, "diff", "tree1/changed.txt", "tree2");
        // stdin and errors
        c.add(TextCase.of("alpha\nBETA\ngamma\n", "diff", "-", "a.txt"));
        add(c, "diff", "missing.txt", "a.txt");
        add(c, "diff", "a.txt");
        add(c, "diff", "a.txt", "b.txt", "c.txt");
        add(c, "diff", "--bogus", "a.txt", "b.txt");
        add(c, "diff", "-U", "x", "a.txt", "b.txt");
        c.add(TextCase.of("", "diff", "a.txt", "b.txt").toFullDevice());
        // cmp
        add(c, "cmp", "a.txt", "a.txt");
        add(c, "cmp", "old.txt", "new.txt");
        add(c, "cmp", "old.txt", "far.txt");
        add(c, "cmp", "-b", "old.txt", "far.txt");
        add(c, "cmp", "-l", "old.txt", "far.txt");
        add(c, "cmp", "-bl", "a.txt", "a2.txt");
        add(c, "cmp", "-l", "old.txt", "new.txt");
        add(c, "cmp", "a.txt", "noeol.txt");
        add(c, "cmp", "noeol.txt", "a.txt");
        add(c, "cmp", "empty.txt", "a.txt");
        add(c, "cmp", "-l", "b.txt", "a.txt");
        add(c, "cmp", "-s", "old.txt", "new.txt");
        add(c, "cmp", "-s", "a.txt", "a.txt");
        add(c, "cmp", "-n", "5", "old.txt", "far.txt");
        add(c, "cmp", "-n", "50", "old.txt", "far.txt");
        add(c, "cmp", "-i", "4", "old.txt", "far.txt");
        add(c, "cmp", "-i", "2:3", "a.txt", "a2.txt");
        add(c, "cmp", "old.txt", "far.txt", "10", "10");
        add(c, "cmp", "a.txt", "b.txt", "100");
        add(c, "cmp", "bin1.dat", "bin2.dat");
        add(c, "cmp", "-b", "bin1.dat", "bin2.dat");
        add(c, "cmp", "-l", "ctrl.txt", "a.txt");
        add(c, "cmp", "-bl", "ctrl.txt", "a.txt");
        add(c, "cmp", "-i", "1k", "a.txt", "b.txt");
        c.add(TextCase.of("alpha\nbeta\ngamma\n", "cmp", "a.txt"));
        c.add(TextCase.of("alpha\nbeta\nGAMMA\n", "cmp", "-", "a.txt"));
        add(c, "cmp", "missing.txt", "a.txt");
        add(c, "cmp", "-s", "missing.txt", "a.txt");
        add(c, "cmp", "dir", "a.txt");
        add(c, "cmp");
        add(c, "cmp", "-x", "a.txt");
        add(c, "cmp", "a.txt", "b.txt", "extra", "junk", "more");
        add(c, "cmp", "-n", "x", "a.txt", "b.txt");
        c.add(TextCase.of("", "cmp", "-l", "old.txt", "far.txt").toFullDevice());
        return c;
    }
}
