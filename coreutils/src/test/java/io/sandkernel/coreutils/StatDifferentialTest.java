package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * stat, du and dd against GNU coreutils. What depends on the file system itself (device and
 * inode numbers, birth times, the summary's timing) is left out or masked: stat is asked for
 * the fields both file systems agree on, du's sizes are 4 KiB blocks on both, dd's rate line is
 * masked after the byte count.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatDifferentialTest {
    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard()
                .file("input.txt", "hello world, this is dd's input\n")
                .file("mixed.txt", "Hello World\n"), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.ordered();
        // stat: the fields both file systems agree on
        for (String directive : List.of("%n", "%s", "%a", "%A", "%F", "%U", "%G", "%u", "%g", "%h", "%b", "%B", "%o",
                "%N", "%t", "%T", "%f", "%%", "%q")) {
            cases.add("stat", "-c", directive, "a.txt", "dir", "link", "empty", "exec.sh", "big.bin");
        }
        for (String directive : List.of("%y", "%Y", "%x", "%X")) {
            cases.add("stat", "-c", directive, "a.txt", "dir", "empty", "exec.sh", "big.bin");
        }
        cases.add("stat", "-c", "%n|%s|%a|%A|%F", "broken", "dirlink", "hard", "space name.txt");
        cases.add("stat", "-L", "-c", "%n %F %s", "link", "dirlink");
        cases.add("stat", "-L", "-c", "%n", "broken");
        cases.add("stat", "-c", "%s", "missing", "a.txt");
        cases.add("stat", "-c", "[%10n][%-6a][%.2n][%5s][%-5s][%05s][%#a][%.3Y][%.9Y][%10.3y]", "a.txt");
        cases.add("stat", "-c", "%y|%x", "big.bin");
        cases.add("stat", "--printf", "%n\\t%s\\n", "a.txt", "b.txt");
        cases.add("stat", "--printf", "%s\\0", "a.txt");
        cases.add("stat", "--printf=[%n]", "a.txt");
        cases.add("stat", "-c", "", "a.txt");
        cases.add("stat", "--format=%n has %s bytes", "a.txt", "empty");
        cases.add("stat", "-c", "%H %L %Hr %Lr %r %R", "/dev/null");
        cases.add("stat", "-c", "%F %a %t %T", "/dev/null", "/dev/zero");
        cases.add("stat", "-c", "%Z %z", "missing");
        cases.add("stat", "-c", "%n %C", "a.txt");
        cases.add("stat");
        cases.add("stat", "-x", "a.txt");
        cases.add("stat", "-c");
        cases.add("stat", "-L", "-c", "%N", "link");
        cases.add("stat", "-c", "%N", "space name.txt", "dir/up");
        cases.add("stat", "-c", "%m", "a.txt", "/dev/null");
        cases.add("stat", "-f", "-c", "%n %l", "a.txt");
        cases.add("stat", "-f", "missing");
        cases.add("stat", "-t", "a.txt").replace("^(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+) \\S+ \\S+ (.*) \\S+ (\\S+)$", "$1 $2 $3");
        // du
        cases.add("du", "dir").sorted();
        cases.add("du", "-a", "dir").sorted();
        cases.add("du", "-s", "dir", "a.txt");
        cases.add("du", "-sb", "dir");
        cases.add("du", "-ab", "dir").sorted();
        cases.add("du", "-h", "dir").sorted();
        cases.add("du", "-sh", "big.bin", "empty", "dir");
        cases.add("du", "-ch", "dir", "dir/sub").sorted();
        cases.add("du", "-c", "a.txt", "b.txt");
        cases.add("du", "-d", "0", "dir");
        cases.add("du", "--max-depth=1", "dir").sorted();
        cases.add("du", "-ak", "a.txt", "big.bin");
        cases.add("du", "missing");
        cases.add("du", "a.txt", "missing", "b.txt");
        cases.add("du", "-l", "b.txt", "hard");
        cases.add("du", "b.txt", "hard");
        cases.add("du", "-a", "--apparent-size", "dir").sorted();
        cases.add("du", "-B", "1", "-s", "dir");
        cases.add("du", "-B", "1K", "big.bin");
        cases.add("du", "-m", "big.bin");
        cases.add("du", "--si", "-s", "dir");
        cases.add("du", "-0", "a.txt", "b.txt");
        cases.add("du", "-S", "dir").sorted();
        cases.add("du", "--exclude=*.txt", "-a", "dir").sorted();
        cases.add("du", "-s", "-a", "dir");
        cases.add("du", "-s", "-d", "1", "dir");
        cases.add("du", "-d", "x", "dir");
        cases.add("du", "-B", "0", "dir");
        cases.add("du", "link", "dirlink", "broken");
        cases.add("du", "-L", "-s", "dirlink");
        cases.add("du", "-D", "-s", "dirlink");
        cases.add("du", "-a", "dir/sub").sorted();
        cases.add("du", "-bc", "a.txt", "b.txt", "hard");
        cases.add("du", "-s", "dir", "dir");
        cases.add("du", "-h", "--apparent-size", "big.bin", "a.txt");
        cases.add("du", "--block-size=512", "big.bin");
        cases.add("du", "-x", "-s", "dir");
        cases.add("du", "-a", "-d", "1", "dir").sorted();
        cases.add("du", "--time", "-s", "a.txt", "dir");
        cases.add("du", "--time", "-a", "dir").sorted();
        cases.add("du", "--time", "--time-style=+%s", "big.bin");
        cases.add("du", "--time", "--time-style=full-iso", "big.bin");
        cases.add("du", "-q", "dir");
        cases.add("du", "-sb", "empty", "space name.txt");
        // dd: the timing is masked after the byte count
        String rate = "copied, .*";
        cases.add("dd", "if=input.txt").replace(rate, "copied");
        cases.add("dd", "if=input.txt", "status=noxfer");
        cases.add("dd", "if=input.txt", "status=none");
        cases.add("dd", "if=input.txt", "bs=4", "count=2").replace(rate, "copied");
        cases.add("dd", "if=input.txt", "bs=4", "skip=2", "count=3", "status=noxfer");
        cases.add("dd", "if=input.txt", "ibs=3", "obs=5", "status=noxfer");
        cases.add("dd", "if=input.txt", "bs=1", "count=5", "skip=6", "status=none");
        cases.add("dd", "if=input.txt", "of=out.txt", "status=noxfer").then("cat", "out.txt");
        cases.add("dd", "if=input.txt", "of=b.txt", "conv=notrunc", "bs=2", "count=1", "status=none").then("cat", "b.txt");
        cases.add("dd", "if=input.txt", "of=b.txt", "bs=2", "count=1", "seek=1", "status=none").then("cat", "b.txt");
        cases.add("dd", "if=input.txt", "of=b.txt", "conv=notrunc", "bs=1", "seek=3", "count=2", "status=none")
                .then("cat", "b.txt");
        cases.add("dd", "if=mixed.txt", "conv=ucase", "status=none");
        cases.add("dd", "if=mixed.txt", "conv=lcase", "status=none");
        cases.add("dd", "if=mixed.txt", "conv=ucase,lcase");
        cases.add("dd", "if=mixed.txt", "conv=swab", "status=none");
        cases.add("dd", "if=mixed.txt", "bs=5", "conv=sync", "status=none");
        cases.add("dd", "if=input.txt", "iflag=skip_bytes", "skip=6", "bs=4", "count=1", "status=none");
        cases.add("dd", "if=input.txt", "iflag=count_bytes", "count=7", "status=none");
        cases.add("dd", "if=input.txt", "of=o2", "oflag=seek_bytes", "seek=3", "status=none").then("od", "-c", "o2");
        cases.add("dd", "if=big.bin", "of=/dev/null", "bs=1K").replace(rate, "copied");
        cases.add("dd", "if=big.bin", "of=/dev/null", "bs=1000").replace(rate, "copied");
        cases.add("dd", "if=big.bin", "of=/dev/null", "bs=2x500", "count=2").replace(rate, "copied");
        cases.add("dd", "if=big.bin", "of=/dev/null", "bs=1b", "count=3", "status=noxfer");
        cases.add("dd", "if=big.bin", "of=/dev/null", "bs=1w", "count=3", "status=noxfer");
        cases.add("dd", "if=/dev/zero", "of=z", "bs=1", "count=1").replace(rate, "copied").then("od", "-c", "z");
        cases.add("dd", "if=empty").replace(rate, "copied");
        cases.add("dd", "if=missing");
        cases.add("dd", "if=input.txt", "of=missing/x");
        cases.add("dd", "foo=1");
        cases.add("dd", "bs=x");
        cases.add("dd", "bs=0");
        cases.add("dd", "count=-1");
        cases.add("dd", "status=bogus");
        cases.add("dd", "conv=foo");
        cases.add("dd", "iflag=foo");
        cases.add("dd", "if").replace(rate, "copied");
        cases.add("dd", "status=none").input("piped data\n");
        cases.add("dd", "bs=100", "status=noxfer").input("piped data\n");
        cases.add("dd", "if=input.txt", "of=new", "conv=excl", "status=none").then("cat", "new");
        cases.add("dd", "if=input.txt", "of=a.txt", "conv=excl");
        cases.add("dd", "if=input.txt", "of=nothere", "conv=nocreat");
        cases.add("dd", "if=input.txt", "count=0").replace(rate, "copied");
        cases.add("dd", "if=dir").replace(rate, "copied");
        cases.add("dd", "if=input.txt", "of=dir");
        cases.add("dd", "if=input.txt", "skip=100", "status=noxfer");
        cases.add("dd", "--help").replace("(?s).*", "help");
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
