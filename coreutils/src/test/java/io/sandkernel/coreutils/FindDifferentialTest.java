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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * find against GNU findutils on {@link OracleFixtures#standard()}: names, paths, types, sizes,
 * times, permissions, owners, depth limits, pruning, operators, -printf, -exec, -delete and
 * errors. GNU lists a directory in the host file system's order, ours in name order, so
 * multi-line outputs are compared sorted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindDifferentialTest {
    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard(), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.sortedOutput();
        // starting points and default action
        cases.add("find");
        cases.add("find", ".");
        cases.add("find", "dir");
        cases.add("find", "dir/");
        cases.add("find", "dir", "a.txt", "missing");
        cases.add("find", "-H", "dirlink");
        cases.add("find", "-L", "dirlink", "-name", "*.txt");
        cases.add("find", "dirlink");
        cases.add("find", "-L", ".", "-type", "l");
        cases.add("find", "-L", ".", "-xtype", "l");
        // names and paths
        cases.add("find", ".", "-name", "*.txt");
        cases.add("find", ".", "-iname", "*.TXT");
        cases.add("find", ".", "-name", ".*");
        cases.add("find", ".", "-name", "[ab].txt");
        cases.add("find", ".", "-name", "[!a]*.txt");
        cases.add("find", ".", "-name", "?.txt");
        cases.add("find", ".", "-name", "dir");
        cases.add("find", "dir/", "-name", "dir");
        cases.add("find", ".", "-path", "./dir/sub/*");
        cases.add("find", ".", "-path", "*sub*", "-type", "f");
        cases.add("find", ".", "-ipath", "*upper*");
        cases.add("find", ".", "-wholename", "./dir/x.txt");
        cases.add("find", ".", "-lname", "a*");
        cases.add("find", ".", "-regex", ".*/[a-c]\\.txt");
        cases.add("find", ".", "-regex", ".*\\(x\\|y\\)\\.txt");
        cases.add("find", ".", "-regextype", "posix-extended", "-regex", ".*/(x|y)\\.txt");
        cases.add("find", ".", "-iregex", ".*UPPER.*");
        // types
        cases.add("find", ".", "-type", "f");
        cases.add("find", ".", "-type", "d");
        cases.add("find", ".", "-type", "l");
        cases.add("find", ".", "-type", "f,l");
        cases.add("find", ".", "-xtype", "f");
        cases.add("find", ".", "-type", "x");
        cases.add("find", ".", "-type", "ff");
        cases.add("find", ".", "-type", "f,");
        // sizes and emptiness
        cases.add("find", ".", "-empty");
        cases.add("find", ".", "-size", "0");
        cases.add("find", ".", "-size", "+1k");
        cases.add("find", ".", "-size", "-2", "-type", "f");
        cases.add("find", ".", "-size", "5000c");
        cases.add("find", ".", "-size", "+4999c", "-size", "-5001c");
        cases.add("find", ".", "-size", "10w", "-type", "f");
        cases.add("find", ".", "-size", "1M");
        cases.add("find", ".", "-size", "-1M", "-type", "f");
        cases.add("find", ".", "-size", "1q");
        // times
        cases.add("find", ".", "-mtime", "+5", "-type", "f");
        cases.add("find", ".", "-mtime", "-1", "-type", "f");
        cases.add("find", ".", "-mtime", "10", "-type", "f");
        cases.add("find", ".", "-mmin", "-200", "-type", "f");
        cases.add("find", ".", "-mmin", "+100", "-mmin", "-200");
        cases.add("find", ".", "-newer", "b.txt", "-type", "f");
        cases.add("find", ".", "-newer", "missing");
        cases.add("find", ".", "-newermt", "2024-01-01", "-type", "f");
        cases.add("find", ".", "-not", "-newermt", "2023-12-31", "-type", "f");
        cases.add("find", ".", "-mtime", "x");
        // permissions and owners
        cases.add("find", ".", "-perm", "644", "-type", "f");
        cases.add("find", ".", "-perm", "-444", "-type", "f");
        cases.add("find", ".", "-perm", "/111", "-type", "f");
        cases.add("find", ".", "-perm", "-u=rw,g=r", "-type", "f");
        cases.add("find", ".", "-perm", "/o=w");
        cases.add("find", ".", "-perm", "999");
        cases.add("find", ".", "-user", "@USER@", "-name", "*.txt");
        cases.add("find", ".", "-group", "@GROUP@", "-name", "a*");
        cases.add("find", ".", "-uid", "@UID@", "-name", "b*");
        cases.add("find", ".", "-user", "nosuchuser");
        cases.add("find", ".", "-group", "nosuchgroup");
        cases.add("find", ".", "-nouser");
        cases.add("find", ".", "-links", "2", "-type", "f");
        cases.add("find", ".", "-samefile", "b.txt");
        // depth
        cases.add("find", ".", "-maxdepth", "1");
        cases.add("find", ".", "-maxdepth", "0");
        cases.add("find", ".", "-mindepth", "2");
        cases.add("find", ".", "-mindepth", "1", "-maxdepth", "2", "-type", "d");
        cases.add("find", ".", "-maxdepth", "x");
        cases.add("find", "dir", "-depth");
        cases.add("find", ".", "-name", "a.txt", "-maxdepth", "1");
        // pruning and operators
        cases.add("find", ".", "-path", "./dir/sub", "-prune", "-o", "-print");
        cases.add("find", ".", "-name", "dir", "-prune");
        cases.add("find", ".", "-name", "*.txt", "-o", "-name", "*.log");
        cases.add("find", ".", "(", "-name", "*.txt", "-o", "-name", "*.log", ")", "-type", "f");
        cases.add("find", ".", "!", "-name", "*.txt", "-type", "f");
        cases.add("find", ".", "-type", "f", "-a", "-name", "a*");
        cases.add("find", ".", "-name", "a.txt", "-print", "-o", "-name", "b.txt", "-print");
        cases.add("find", ".", "-name", "a.txt", ",", "-name", "b.txt");
        cases.add("find", ".", "-true");
        cases.add("find", ".", "-false");
        cases.add("find", ".", "-name", "a.txt", "-quit");
        cases.add("find", ".", "(", "-name", "a");
        cases.add("find", ".", "-name", "a", ")");
        cases.add("find", ".", "(", ")");
        cases.add("find", ".", "!");
        cases.add("find", ".", "-o");
        cases.add("find", ".", "-a", "-name", "x");
        cases.add("find", ".", "-name");
        cases.add("find", ".", "-name", "a", "b");
        cases.add("find", ".", "-foo");
        // output actions
        cases.add("find", "dir", "-print0");
        cases.add("find", "dir", "-printf", "%p %f %h %P %d %s %m %y\\n");
        cases.add("find", "a.txt", "dir/x.txt", "-printf", "%M %n %k %b %l|%Y\\n");
        cases.add("find", "link", "broken", "dirlink", "-printf", "%p %l %y %Y\\n");
        cases.add("find", "a.txt", "big.bin", "-printf", "%t|%T@|%TY-%Tm-%Td %TH:%TM|%T+|%Tk\\n");
        cases.add("find", "a.txt", "-printf", "[%10p][%-10f][%.3p][%5s]\\n");
        cases.add("find", "a.txt", "-printf", "%u %g %U\\n", "-quit").owners();
        cases.add("find", "a.txt", "-printf", "\\101\\t\\\\%%\\n");
        cases.add("find", "a.txt", "-printf", "no newline\\c ignored");
        cases.add("find", "a.txt", "-printf", "%Q\\n");
        cases.add("find", ".", "-maxdepth", "0", "-printf", "[%p][%P][%h][%f][%H]\\n");
        cases.add("find", "dir/", "-maxdepth", "1", "-printf", "[%p][%P][%h][%f]\\n");
        cases.add("find", "a.txt", "-fprint", "out.txt", ",", "-printf", "printed\\n");
        // -exec and friends
        cases.add("find", "dir", "-name", "*.txt", "-exec", "echo", "found", "{}", ";");
        cases.add("find", "dir/sub/deep", "-type", "f", "-exec", "echo", "{}", "+");
        cases.add("find", "dir", "-name", "*.txt", "-exec", "ls", "{}", "+");
        cases.add("find", "dir", "-name", "*.txt", "-exec", "nosuchcommand", "{}", "+");
        cases.add("find", "dir", "-name", "*.txt", "-exec", "echo", "[{}]", ";");
        cases.add("find", "dir", "-type", "f", "-execdir", "echo", "{}", ";");
        cases.add("find", ".", "-name", "a.txt", "-exec", "cat", "{}", ";");
        cases.add("find", ".", "-name", "*.txt", "-exec", "false", ";", "-print");
        cases.add("find", ".", "-name", "a.txt", "-exec", "false", "{}", "+");
        cases.add("find", ".", "-name", "a.txt", "-exec", "nosuchcommand", ";");
        cases.add("find", ".", "-exec", "echo");
        cases.add("find", ".", "-exec", "echo", "{}", "x", "+");
        cases.add("find", "dir", "-name", "*.log", "-exec", "wc", "-c", "{}", ";");
        // deleting
        cases.add("find", "dir/sub", "-delete", "-print");
        cases.add("find", ".", "-name", "*.log", "-delete");
        cases.add("find", ".", "-name", "dir", "-delete");
        cases.add("find", ".", "-delete", "-prune");
        cases.add("find", "dir", "-empty", "-delete", "-print");
        // generated: every pair of tests under -o, and under ! ... -a
        List<List<String>> tests = List.of(List.of("-type", "f"), List.of("-name", "*.txt"), List.of("-size", "-1k"),
                List.of("-perm", "-444"), List.of("-newer", "b.txt"), List.of("-empty"), List.of("-links", "1"),
                List.of("-path", "*sub*"));
        for (int i = 0; i < tests.size(); i++) {
            for (int j = i + 1; j < tests.size(); j++) {
                List<String> or = new ArrayList<>(List.of("find", "."));
                or.addAll(tests.get(i));
                or.add("-o");
                or.addAll(tests.get(j));
                cases.add(or.toArray(String[]::new));
                List<String> notAnd = new ArrayList<>(List.of("find", ".", "!"));
                notAnd.addAll(tests.get(i));
                notAnd.add("-a");
                notAnd.addAll(tests.get(j));
                cases.add(notAnd.toArray(String[]::new));
            }
        }
        cases.add("find", ".", "-printf", "%p %s %m %y %n %k %d %f %h\\n");
        cases.add("find", "-L", ".", "-printf", "%p %s %y %Y %l\\n");
        // -ls (inode and block columns differ between file systems: checked after the mode)
        cases.add("find", "a.txt", "dir/x.txt", "link", "-ls").owners().replace("(?m)^ *[0-9]+ +[0-9]+ ", "");
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
