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
 * Name commands against GNU coreutils: dirname and basename on tricky names, readlink and
 * realpath through links (good, dangling, looping, to directories) in every mode, ln (hard,
 * symbolic, -f -n -r -T -t -v) and rmdir (-p, --ignore-fail-on-non-empty) with the state they
 * leave, and mktemp's names (random letters masked), modes and errors.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PathDifferentialTest {
    private static final List<String> NAMES = List.of("/usr/lib/", "a/b/c", "a//b//", "//a//b", "/", "//", "a", "",
            ".", "..", "a/..", "/a", "a/", "a.txt", "dir/file.tar.gz", "./x", "a b/c d", "x///", "/x/y/", "///a///",
            "../..", "./", "/.", "a/./b", "-", "--", "\u00e9t\u00e9/caf\u00e9", "a\nb/c", "/a/b/c/d/e/f", ".hidden/x",
            "a/b/", "..a/b..", "*", "dir/", "x.y.z", "/a/.", "~/x", "$HOME/y", "a\\b/c");

    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard()
                .symlink("loop2", "loop1")
                .symlink("loop1", "loop2")
                .symlink("dir/sub", "sublink")
                .symlink("../a.txt", "dir/up")
                .directory("nest/one/two")
                .file("nest/full/file", "x\n"), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.ordered();
        for (String name : NAMES) {
            cases.add("dirname", name);
            cases.add("basename", name);
        }
        cases.add("dirname", "a/b", "c/d", "/e");
        cases.add("dirname", "-z", "a/b", "c");
        cases.add("dirname", "--zero", "x/y");
        cases.add("dirname");
        cases.add("dirname", "--", "-a/b");
        cases.add("dirname", "-x");
        cases.add("dirname", "a", "b/", "/c/d/e", "");
        cases.add("dirname", "--help").replace("(?s).*", "help");
        cases.add("basename", "a.txt", ".txt");
        cases.add("basename", "a.txt", "a.txt");
        cases.add("basename", "/x/y.tar.gz", ".gz");
        cases.add("basename", "dir/", "r");
        cases.add("basename", "a", "b", "c");
        cases.add("basename", "-a", "a/b", "c/d/", "e");
        cases.add("basename", "-s", ".txt", "a.txt", "b.txt", "c.md");
        cases.add("basename", "--suffix=.c", "x.c");
        cases.add("basename", "-z", "a/b");
        cases.add("basename", "-az", "a/b", "c");
        cases.add("basename");
        cases.add("basename", "-a");
        cases.add("basename", "-q", "x");
        cases.add("basename", "--", "-n");
        cases.add("basename", "x.txt", "");
        cases.add("basename", "x.tar.gz", ".tar.gz");
        cases.add("basename", "/x.txt/", ".txt");
        cases.add("basename", ".txt", ".txt");
        cases.add("basename", "-s", "", "a.txt");
        cases.add("basename", "-s", ".gz", "-a", "a.gz", "b.tar.gz", "c");
        cases.add("basename", "--multiple", "--zero", "x/y", "z");
        // readlink
        for (String target : List.of("link", "dirlink", "broken", "loop1", "sublink", "dir/up", "a.txt",
                "missing", "dir/../link", "link/", "dirlink/", "dir/sub/../x.txt", "nest/one/two", "a.txt/x", "")) {
            cases.add("readlink", target);
            cases.add("readlink", "-f", target);
            cases.add("readlink", "-e", target);
            cases.add("readlink", "-m", target);
            cases.add("realpath", target);
            cases.add("realpath", "-e", target);
            cases.add("realpath", "-m", target);
            cases.add("realpath", "-s", target);
        }
        cases.add("readlink", "-v", "a.txt");
        cases.add("readlink", "-v", "-f", "a.txt/x");
        cases.add("readlink", "-ve", "loop1");
        cases.add("readlink", "-n", "link");
        cases.add("readlink", "-n", "link", "dirlink");
        cases.add("readlink", "-z", "link", "dirlink");
        cases.add("readlink", "link", "a.txt", "dirlink");
        cases.add("readlink");
        cases.add("readlink", "-f", "-q", "missing/x");
        cases.add("readlink", "-m", "missing/../x/./y//");
        cases.add("realpath", "a.txt", "missing", "dir");
        cases.add("realpath", "-q", "missing/x", "a.txt");
        cases.add("realpath", "-z", "a.txt", "dir");
        cases.add("realpath", "-L", "sublink/..");
        cases.add("realpath", "-P", "sublink/..");
        cases.add("realpath", "--relative-to=dir", "a.txt", "dir/sub/y.txt", "dir");
        cases.add("realpath", "--relative-to=dir/sub/deep", "nest/one");
        cases.add("realpath", "--relative-to=/", "/etc/hostname");
        cases.add("realpath", "--relative-base=dir", "dir/x.txt", "a.txt");
        cases.add("realpath", "--relative-to=dir", "--relative-base=.", "dir/x.txt", "b.txt");
        cases.add("realpath", "--relative-to=missing/x", "a.txt");
        cases.add("realpath");
        cases.add("realpath", "/", "//", "/..");
        // ln
        String[] state = {"find", ".", "-newer", "big.bin", "-printf", "%p %y %l\\n"};
        cases.add("ln", "a.txt", "new").sorted().then(state);
        cases.add("ln", "-s", "a.txt", "new").sorted().then(state);
        cases.add("ln", "-s", "a.txt", "link").sorted().then(state);
        cases.add("ln", "a.txt", "b.txt").sorted().then(state);
        cases.add("ln", "-f", "a.txt", "b.txt").sorted().then(state);
        cases.add("ln", "-sf", "b.txt", "link").sorted().then(state);
        cases.add("ln", "-sf", "b.txt", "dirlink").sorted().then(state);
        cases.add("ln", "-sfn", "b.txt", "dirlink").sorted().then(state);
        cases.add("ln", "-sfT", "b.txt", "dirlink").sorted().then(state);
        cases.add("ln", "-s", "a.txt", "b.txt", "dir").sorted().then(state);
        cases.add("ln", "-s", "a.txt", "b.txt", "nodir").sorted().then(state);
        cases.add("ln", "-sv", "a.txt", "v1").sorted().then(state);
        cases.add("ln", "-v", "a.txt", "v2").sorted().then(state);
        cases.add("ln", "-svf", "a.txt", "link").sorted().then(state);
        cases.add("ln", "-sr", "a.txt", "dir/sub/rel").sorted().then(state);
        cases.add("ln", "-sr", "dir/sub/y.txt", "rel2").sorted().then(state);
        cases.add("ln", "-r", "a.txt", "x");
        cases.add("ln", "-s", "-t", "dir", "a.txt", "b.txt").sorted().then(state);
        cases.add("ln", "-t", "dir", "a.txt").sorted().then(state);
        cases.add("ln", "-s", "a.txt").sorted().then(state);
        cases.add("ln", "-s", "dir/x.txt").sorted().then(state);
        cases.add("ln", "dir", "hd");
        cases.add("ln", "missing", "h2");
        cases.add("ln", "-f", "a.txt", "a.txt");
        cases.add("ln", "-T", "a.txt", "dir");
        cases.add("ln", "-s", "-T", "a.txt", "dir");
        cases.add("ln");
        cases.add("ln", "-s", "x", "missing/y");
        cases.add("ln", "-s", "", "emptytarget");
        cases.add("ln", "-L", "link", "hardl").sorted().then(state);
        cases.add("ln", "-P", "link", "hardp").sorted().then(state);
        cases.add("ln", "-sn", "a.txt", "sublink").sorted().then(state);
        cases.add("ln", "-s", "a.txt", "new1", "new2");
        cases.add("ln", "-t", "missing", "a.txt");
        cases.add("ln", "-T", "-t", "dir", "a.txt");
        cases.add("ln", "-s", "--", "a.txt", "dash").sorted().then(state);
        cases.add("ln", "-sf", "a.txt", "dir/empty-dir").sorted().then(state);
        cases.add("ln", "-f", "b.txt", "hard").sorted().then(state);
        cases.add("ln", "-s", "b.txt", "dir/sub/deep/").sorted().then(state);
        cases.add("ln", "-sv", "a.txt", "b.txt", "-t", "dir/sub").sorted().then(state);
        cases.add("ln", "-x", "a", "b");
        // rmdir
        String[] dirs = {"find", ".", "-type", "d", "-newer", "big.bin"};
        cases.add("rmdir", "dir/empty-dir").sorted().then(dirs);
        cases.add("rmdir", "dir").sorted().then(dirs);
        cases.add("rmdir", "missing");
        cases.add("rmdir", "a.txt");
        cases.add("rmdir", "link");
        cases.add("rmdir", "dirlink");
        cases.add("rmdir", "-p", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "-pv", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "-p", "nest/full/file");
        cases.add("rmdir", "-v", "dir/empty-dir", "missing", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "--ignore-fail-on-non-empty", "dir");
        cases.add("rmdir", "--ignore-fail-on-non-empty", "-p", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "nest/one/two/").sorted().then(dirs);
        cases.add("rmdir", "-p", "nest/one/two/").sorted().then(dirs);
        cases.add("rmdir", "-p", "nest//one//two").sorted().then(dirs);
        cases.add("rmdir");
        cases.add("rmdir", "-x", "d");
        cases.add("rmdir", "nest/one/two", "nest/one", "nest").sorted().then(dirs);
        cases.add("rmdir", "dir/empty-dir/.");
        cases.add("rmdir", ".");
        cases.add("rmdir", "dir/sub/deep/z.log");
        cases.add("rmdir", "-v", "--", "dir/empty-dir").sorted().then(dirs);
        cases.add("rmdir", "-p", "dir/empty-dir");
        cases.add("rmdir", "-p", "missing/a/b");
        cases.add("rmdir", "nest/one/two/..");
        cases.add("rmdir", "--parents", "--verbose", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "nest/one");
        cases.add("rmdir", "broken");
        cases.add("rmdir", "-p", "/");
        cases.add("rmdir", "/tmp/nonexistent-rmdir-case");
        cases.add("rmdir", "--ignore-fail-on-non-empty", "missing");
        cases.add("rmdir", "-pv", "nest/full");
        cases.add("rmdir", "--ignore-fail-on-non-empty", "-v", "dir", "nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "dir/empty-dir", "dir/empty-dir");
        cases.add("rmdir", "-p", "./nest/one/two").sorted().then(dirs);
        cases.add("rmdir", "-p", "nest/one/../one/two");
        cases.add("rmdir", "dir/x.txt/");
        cases.add("rmdir", "--help").replace("(?s).*", "help");
        cases.add("rmdir", "--version").replace("(?s).*", "version");
        cases.add("rmdir", "-p", "nest/one/two", "dir/empty-dir").sorted().then(dirs);
        // mktemp: random letters are masked, the state shows what was made
        String[] made = {"find", ".", "-newer", "big.bin", "!", "-name", ".", "-printf", "%p %y %m\\n"};
        String random = "[A-Za-z0-9]";
        cases.add("mktemp", "-p", ".", "fooXXX").sorted().then(made).replace("foo" + random + "{3}", "fooRND");
        cases.add("mktemp", "-p", ".").sorted().then(made).replace("tmp\\." + random + "{10}", "tmp.RND");
        cases.add("mktemp", "-d", "-p", ".").sorted().then(made).replace("tmp\\." + random + "{10}", "tmp.RND");
        cases.add("mktemp", "-u", "-p", ".", "aXXXX").replace("a" + random + "{4}", "aRND");
        cases.add("mktemp", "barXXXXXX").sorted().then(made).replace("bar" + random + "{6}", "barRND");
        cases.add("mktemp", "dir/sXXX").sorted().then(made).replace("s" + random + "{3}", "sRND");
        cases.add("mktemp", "-d", "dXXXXX").sorted().then(made).replace("d" + random + "{5}", "dRND");
        cases.add("mktemp", "xXXXy").sorted().then(made).replace("x" + random + "{3}y", "xRNDy");
        cases.add("mktemp", "--suffix=.txt", "sufXXX").sorted().then(made).replace("suf" + random + "{3}", "sufRND");
        cases.add("mktemp", "--suffix=.c", "xXXX.c");
        cases.add("mktemp", "fooXX");
        cases.add("mktemp", "a", "b");
        cases.add("mktemp", "-p", "missing");
        cases.add("mktemp", "-q", "-p", "missing");
        cases.add("mktemp", "-p", ".", "a/XXX");
        cases.add("mktemp", "-t", "-p", ".", "a/XXX");
        cases.add("mktemp", "-t", "-u", "/abs/XXX");
        cases.add("mktemp", "-u", "--tmpdir=/x", "yXXX").replace("y" + random + "{3}", "yRND");
        cases.add("mktemp", "-u", "--tmpdir", "yXXX").replace("y" + random + "{3}", "yRND");
        cases.add("mktemp", "-u").replace("tmp\\." + random + "{10}", "tmp.RND");
        cases.add("mktemp", "-u", "-t", "zzXXX").env("TMPDIR", "@CWD@/dir").replace("zz" + random + "{3}", "zzRND");
        cases.add("mktemp", "-t", "zzXXX").env("TMPDIR", "@CWD@/dir").sorted().then(made).replace("zz" + random + "{3}", "zzRND");
        cases.add("mktemp").env("TMPDIR", "@CWD@").sorted().then(made).replace("tmp\\." + random + "{10}", "tmp.RND");
        cases.add("mktemp", "-d").env("TMPDIR", "@CWD@/dir").sorted().then(made).replace("tmp\\." + random + "{10}", "tmp.RND");
        cases.add("mktemp", "-u", "XXX").replace("(?m)^" + random + "{3}$", "RND");
        cases.add("mktemp", "-p", ".", "/abs/XXX");
        cases.add("mktemp", "-q", "fooXX");
        cases.add("mktemp", "-d", "missing/XXX");
        cases.add("mktemp", "-x");
        cases.add("mktemp", "--suffix=/x", "aXXX");
        cases.add("mktemp", "-p", "dir", "-d", "wXXXXXXXX").sorted().then(made).replace("w" + random + "{8}", "wRND");
        cases.add("mktemp", "-p", "", "eXXX").env("TMPDIR", "@CWD@").sorted().then(made).replace("e" + random + "{3}", "eRND");
        cases.add("mktemp", "--tmpdir=dir", "gXXX").sorted().then(made).replace("g" + random + "{3}", "gRND");
        cases.add("mktemp", "-u", "XXXXXXXXXXXXXXXXXXXX").replace("(?m)^" + random + "{20}$", "RND");
        cases.add("mktemp", "a.txtXXX").sorted().then(made).replace("a\\.txt" + random + "{3}", "a.txtRND");
        cases.add("mktemp", "--dry-run", "--quiet", "qXXX").replace("q" + random + "{3}", "qRND");
        cases.add("mktemp", "--directory", "--tmpdir=dir", "hXXX").sorted().then(made).replace("h" + random + "{3}", "hRND");
        cases.add("mktemp", "-u", "X");
        cases.add("mktemp", "-u", "fooXXXbar.XX");
        cases.add("mktemp", "-u", "--suffix=", "kXXX").replace("k" + random + "{3}", "kRND");
        cases.add("mktemp", "a.txt");
        cases.add("mktemp", "-d", "dir/x.txt/XXX");
        cases.add("mktemp", "-p", "a.txt");
        cases.add("mktemp", "--help").replace("(?s).*", "help");
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
