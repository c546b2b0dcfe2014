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
 * The system commands with a deterministic GNU oracle: date on fixed times (formats, -d forms
 * relative to a fixed date, -u, -R, -I, --rfc-3339, -r, errors), test and [ (GNU's
 * /usr/bin/test: every operator and the argument-count rules), timeout, nice, nohup, time -p
 * (elapsed times masked), printenv and getconf.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SystemDifferentialTest {
    private static final List<String> FORMATS = List.of("%a %A %b %B %h", "%c", "%C %y %Y %G %g", "%d %e %j", "%D %F %x",
            "%H %I %k %l %M %S %p %P", "%r %R %T %X", "%s %N %3N %6N %9N", "%u %w %U %W %V", "%z %:z %::z %:::z %Z",
            "%q %n|%t|%%", "%-d %-m %-H %_d %_H %05Y %010s", "%^a %^B %#a %#p %#Z", "%10A|%-10A|%_10a|%010a",
            "%E %O %Ey %Od", "%K %v", "literal text", "%", "%-", "%:", "%5", "%-%");
    private static final List<String> DATES = List.of("@0", "@1700000000", "@-86400", "@1700000000.123456789",
            "2024-01-15", "2024-01-15 10:20:30", "2024-01-15T10:20:30", "2024-01-15T10:20:30Z",
            "2024-01-15T10:20:30+02:00", "2024-01-15 10:20:30 +0200", "2024-01-15 10:20", "2024-01-15 10:20:30.5",
            "2024-02-29", "2024-12-31 23:59:59", "1999-12-31", "Jan 15 2024", "15 Jan 2024", "January 15, 2024",
            "Mon, 15 Jan 2024 10:20:30 +0000", "01/15/2024", "20240115", "2024-01-15 3pm", "2024-01-15 12am",
            "2024-01-15 UTC", "2024-01-15 EST", "2024-01-15 +1 day", "2024-01-15 1 day ago", "2024-01-31 +1 month",
            "2024-02-29 1 year ago", "2024-01-15 -2 weeks", "2024-01-15 10:20 +3 hours", "2024-01-15 next monday",
            "1 hour ago 2024-01-15", "2024-01-15 tomorrow", "2024-01-15 yesterday", "2024-01-15 fortnight ago",
            "2024-01-15 +90 minutes", "2024-01-15 12:00 -30 sec", "2024-13-01", "2024-01-32", "foo", "", "25:00",
            "2024-01-15 10:61");

    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard()
                .file("dates.txt", "@0\n2024-01-15\nnot a date\n2000-02-29 12:00\n"), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.ordered();
        // date
        for (String format : FORMATS) {
            cases.add("date", "-d", "@1700000000.123456789", "+" + format);
            cases.add("date", "-u", "-d", "2024-12-30 07:08:09", "+" + format);
        }
        for (String date : DATES) {
            cases.add("date", "-d", date, "+%Y-%m-%d %H:%M:%S %z");
        }
        cases.add("date", "-d", "@0");
        cases.add("date", "-u", "-d", "@0");
        cases.add("date", "--utc", "--date=@86399");
        cases.add("date", "-d", "@0", "-R");
        cases.add("date", "-d", "@0", "--rfc-email");
        for (String iso : List.of("-I", "-Idate", "-Ihours", "-Iminutes", "-Iseconds", "-Ins", "-Is", "--iso-8601",
                "--iso-8601=seconds", "--iso-8601=ns", "-Ifoo")) {
            cases.add("date", "-d", "@1700000000.5", iso);
        }
        for (String rfc : List.of("date", "seconds", "ns", "bad")) {
            cases.add("date", "-d", "@1700000000.5", "--rfc-3339=" + rfc);
        }
        cases.add("date", "-d", "@0", "-R", "-I");
        cases.add("date", "-d", "@0", "+%s", "+%s");
        cases.add("date", "-d", "@0", "-I", "+%s");
        cases.add("date", "-r", "a.txt");
        cases.add("date", "-r", "big.bin", "+%s.%N");
        cases.add("date", "-r", "missing");
        cases.add("date", "-r", "a.txt", "-d", "@0");
        cases.add("date", "-f", "dates.txt", "+%F %T");
        cases.add("date", "-d", "@0", "-x");
        cases.add("date", "-d", "@0", "+%Z %z").env("TZ", "America/New_York");
        cases.add("date", "-d", "2024-07-01 12:00", "+%Z %z %H").env("TZ", "Europe/Paris");
        cases.add("date", "-d", "@0").env("TZ", "XYZ");
        cases.add("date", "-d", "@0").env("TZ", "UTC0");
        cases.add("date", "-d", "@0", "-u", "+%Z").env("TZ", "Asia/Tokyo");
        cases.add("date", "-d", "2024-01-15 10:20", "+%s").env("TZ", "Asia/Tokyo");
        // test and [ as commands
        String[][] tests = {
            {}, {"a"}, {""}, {"-x"}, {"-n"}, {"-z", ""}, {"-n", ""}, {"-z", "a"}, {"a", "=", "a"}, {"a", "==", "b"},
            {"a", "!=", "b"}, {"a", "b"}, {"a", "b", "c"}, {"1", "-eq", "1"}, {"1", "-eq", "a"}, {"1", "-eq", "1", "x"},
            {" 12 ", "-eq", "12"}, {"12x", "-eq", "12"}, {"-1", "-lt", "0"}, {"+5", "-eq", "5"},
            {"99999999999999999999", "-gt", "1"}, {"2", "-le", "2"}, {"3", "-ge", "4"}, {"3", "-ne", "4"},
            {"abc", "<", "abd"}, {"-l", "abc", "-eq", "3"}, {"(", "a", ")"}, {"(", "a"}, {"!"}, {"!", "a"}, {"!", "!", "a"},
            {"!", "a", "b"}, {"=", "=", "="}, {"a", "=", "a", "-a", "b"}, {"(", "a", "=", "b", ")", "-o", "c"},
            {"1", "-lt", "2", "-a", "3", "-gt", "4"}, {"-z", "", "-o"}, {"("}, {")"}, {"-e"}, {"a", "-a"},
            {"a", "-o", "-o"}, {"-f", "a.txt"}, {"-f", "dir"}, {"-d", "dir"}, {"-d", "dirlink"}, {"-e", "missing"},
            {"-e", "broken"}, {"-L", "broken"}, {"-h", "link"}, {"-s", "empty"}, {"-s", "a.txt"}, {"-x", "exec.sh"},
            {"-r", "a.txt"}, {"-w", "a.txt"}, {"-u", "a.txt"}, {"-g", "a.txt"}, {"-k", "a.txt"}, {"-p", "a.txt"},
            {"-S", "a.txt"}, {"-b", "a.txt"}, {"-c", "/dev/null"}, {"-O", "a.txt"}, {"-G", "a.txt"}, {"-N", "a.txt"},
            {"a.txt", "-nt", "b.txt"}, {"a.txt", "-ot", "b.txt"}, {"a.txt", "-nt", "missing"}, {"b.txt", "-ef", "hard"},
            {"a.txt", "-ef", "b.txt"}, {"-t", "1"}, {"-t", "x"}, {"1", "-ge", ""}, {"a", "-eq"}, {"-v", "HOME"},
            {"-q", "x"}, {"--help"}, {"-n", "a", "-a", "-z", "", "-o", "!", "-n", "b"}, {"(", "(", "a", ")", ")"},
            {"(", "a", ")", "-a", "(", "b", ")"}, {"a", "-a", "b", "-o", "", "-a", "c"}, {"-l", "abc", "-nt", "x"},
        };
        for (String[] expression : tests) {
            String[] argv = new String[expression.length + 1];
            argv[0] = "test";
            System.arraycopy(expression, 0, argv, 1, expression.length);
            cases.add(argv);
            String[] bracket = new String[expression.length + 2];
            bracket[0] = "[";
            System.arraycopy(expression, 0, bracket, 1, expression.length);
            bracket[bracket.length - 1] = "]";
            cases.add(bracket);
        }
        cases.add("[", "a");
        cases.add("[");
        cases.add("[", "--help").replace("(?s).*", "help");
        cases.add("[", "--version").replace("(?s).*", "version");
        // timeout, nice, nohup, time
        cases.add("timeout", "5", "echo", "hi");
        cases.add("timeout", "0.2", "sleep", "3");
        cases.add("timeout", "--preserve-status", "0.2", "sleep", "3");
        cases.add("timeout", "-s", "INT", "0.2", "sleep", "3");
        cases.add("timeout", "-s", "KILL", "0.2", "sleep", "3");
        cases.add("timeout", "-v", "0.1", "sleep", "3");
        cases.add("timeout", "-k", "0.2", "0.1", "sleep", "3");
        cases.add("timeout", "1", "false");
        cases.add("timeout", "1", "nosuchcommand");
        cases.add("timeout", "x", "true");
        cases.add("timeout", "-s", "FOO", "1", "true");
        cases.add("timeout");
        cases.add("timeout", "1");
        cases.add("timeout", "0", "true");
        cases.add("timeout", "1s", "true");
        cases.add("timeout", "0.01m", "true");
        cases.add("timeout", "1e0", "true");
        cases.add("timeout", "-1", "true");
        cases.add("timeout", "--", "1", "true");
        cases.add("timeout", "1", "cat", "a.txt");
        cases.add("timeout", "2", "cat").input("piped\n");
        cases.add("timeout", "--foreground", "1", "echo", "fg");
        cases.add("timeout", "1d", "echo", "long");
        for (String signal : List.of("TERM", "HUP", "USR1", "9", "SIGINT", "term", "0", "99")) {
            cases.add("timeout", "-s", signal, "0.1", "sleep", "3");
        }
        cases.add("timeout", "--signal=QUIT", "0.1", "sleep", "3");
        cases.add("timeout", "--kill-after=1", "2", "echo", "quick");
        cases.add("timeout", "-k", "x", "1", "true");
        cases.add("timeout", "--preserve-status", "1", "false");
        cases.add("timeout", "--preserve-status", "1", "cat", "missing");
        cases.add("timeout", "--verbose", "1", "echo", "v");
        cases.add("timeout", "1h", "cat", "b.txt", "a.txt");
        cases.add("timeout", "0.5", "ls", "dir");
        cases.add("timeout", "1", "wc", "-l").input("a\nb\n");
        cases.add("timeout", "1", "find", "dir", "-name", "*.txt").sorted();
        cases.add("nice");
        cases.add("nice", "echo", "x");
        cases.add("nice", "-n", "5", "echo", "x");
        cases.add("nice", "-5", "echo", "x");
        cases.add("nice", "-n", "x", "true");
        cases.add("nice", "nosuchcommand");
        cases.add("nice", "-n", "1");
        cases.add("nice", "false");
        cases.add("nice", "--adjustment=3", "cat", "a.txt");
        for (String adjustment : List.of("-20", "19", "100", "+5", "0", "-100", " 4", "1.5", "")) {
            cases.add("nice", "-n", adjustment, "echo", "adjusted");
        }
        cases.add("nice", "-10", "echo", "old");
        cases.add("nice", "--5", "echo", "old");
        cases.add("nice", "cat", "missing");
        cases.add("nice", "wc", "-c").input("four");
        cases.add("nice", "ls", "dir");
        cases.add("nice", "--", "echo", "dashes");
        cases.add("nice", "-n", "5", "nosuchcommand");
        cases.add("nice", "-n");
        cases.add("nice", "-x");
        cases.add("nice", "test", "-d", "dir");
        cases.add("nice", "test", "-f", "dir");
        cases.add("nice", "-n", "3", "find", "dir", "-name", "x*");
        cases.add("nice", "env", "-i", "A=b", "printenv");
        cases.add("nice", "nice", "echo", "twice");
        cases.add("nice", "-n", "1", "timeout", "1", "echo", "nested");
        cases.add("nice", "xargs", "echo").input("x y\n");
        cases.add("nice", "--help").replace("(?s).*", "help");
        cases.add("nice", "dirname", "a/b");
        cases.add("nice", "-n", "2", "cat").input("in\n");
        cases.add("nice", "head", "-1", "a.txt");
        cases.add("nice", "sort", "a.txt");
        cases.add("nice", "-n", "+1", "true");
        cases.add("setsid", "-w", "echo", "hi");
        cases.add("setsid", "-w", "false");
        cases.add("setsid", "-w", "nosuchcommand");
        cases.add("setsid");
        cases.add("setsid", "-x", "true");
        cases.add("nohup", "echo", "hi");
        cases.add("nohup");
        cases.add("nohup", "nosuchcommand");
        cases.add("nohup", "false");
        cases.add("nohup", "cat", "a.txt", "missing");
        cases.add("nohup", "--", "echo", "x");
        cases.add("nohup", "cat").input("from stdin\n");
        cases.add("nohup", "wc", "-l", "a.txt");
        cases.add("nohup", "sort", "-r", "a.txt");
        cases.add("nohup", "ls", "dir");
        cases.add("nohup", "find", "dir", "-type", "d").sorted();
        cases.add("nohup", "test", "-e", "missing");
        cases.add("nohup", "test", "-e", "a.txt");
        cases.add("nohup", "timeout", "1", "echo", "t");
        cases.add("nohup", "nice", "echo", "n");
        cases.add("nohup", "env", "-i", "printenv");
        cases.add("nohup", "xargs", "echo").input("p q\n");
        cases.add("nohup", "-x", "echo");
        cases.add("nohup", "--help").replace("(?s).*", "help");
        cases.add("nohup", "dirname", "/a/b");
        cases.add("nohup", "basename", "/a/b");
        cases.add("nohup", "head", "-c", "3", "a.txt");
        cases.add("nohup", "tail", "-1", "a.txt");
        cases.add("nohup", "cut", "-c1", "a.txt");
        cases.add("nohup", "tr", "a-z", "A-Z").input("up\n");
        cases.add("nohup", "seq", "3");
        cases.add("nohup", "printf", "%s\n", "fmt");
        cases.add("nohup", "stat", "-c", "%s", "a.txt");
        cases.add("nohup", "du", "-b", "a.txt");
        cases.add("nohup", "readlink", "link");
        cases.add("nohup", "realpath", "-m", "x/../y").replace("@CWD@", "CWD");
        cases.add("nohup", "mkdir", "newdir").then("find", "newdir");
        cases.add("nohup", "rmdir", "dir/empty-dir").then("find", "dir/empty-dir");
        cases.add("nohup", "sleep", "0");
        cases.add("nohup", "true", "ignored");
        cases.add("nohup", "echo", "-n", "no newline");
        cases.add("nohup", "cat", "missing", "a.txt");
        cases.add("nohup", "grep", "beta", "a.txt");
        cases.add("nohup", "uniq").input("a\na\nb\n");
        String elapsed = "real [0-9]+\\.[0-9]+";
        cases.add("time", "-p", "true").replace(elapsed, "real T");
        cases.add("time", "-p", "false").replace(elapsed, "real T");
        cases.add("time", "-p", "echo", "out").replace(elapsed, "real T");
        cases.add("time", "-p", "nosuchcommand").replace(elapsed, "real T");
        cases.add("time");
        cases.add("time", "-f", "%x %C", "false");
        cases.add("time", "-f", "[%x]", "true");
        cases.add("time", "-o", "t.txt", "-p", "true").then("sed", "s/^real .*/real T/", "t.txt");
        cases.add("time", "-a", "-o", "b.txt", "-f", "appended %x", "true").then("cat", "b.txt");
        cases.add("time", "-f", "%% literal %x", "true");
        cases.add("time", "-f", "a\\tb\\nc %x", "true");
        cases.add("time", "-f", "%x", "nosuchcommand");
        cases.add("time", "-f", "%x", "cat", "missing");
        cases.add("time", "-p", "cat", "a.txt").replace(elapsed, "real T");
        cases.add("time", "-p", "cat").input("in\n").replace(elapsed, "real T");
        cases.add("time", "-x", "true");
        cases.add("time", "-p", "-f", "%x", "true").replace(elapsed, "real T");
        cases.add("time", "-f", "", "true");
        cases.add("time", "-f", "%x", "test", "-d", "a.txt");
        cases.add("time", "-f", "%x %C", "find", "dir", "-name", "*.log");
        cases.add("time", "-f", "%x", "wc", "-l", "a.txt");
        cases.add("time", "-q", "-f", "%x", "false");
        cases.add("time", "-f", "%x", "false");
        cases.add("time", "-f", "[%C]", "echo", "with", "args");
        cases.add("time", "--format=%x", "true");
        cases.add("time", "--portability", "true").replace(elapsed, "real T");
        cases.add("time", "-o", "missing/t.txt", "true");
        cases.add("time", "-f", "%x", "nice", "false");
        cases.add("time", "-f", "%x", "timeout", "1", "true");
        cases.add("time", "-f", "%x", "xargs", "echo").input("a b\n");
        cases.add("time", "-f", "%x", "ls", "missing");
        cases.add("time", "-f", "%x", "dirname");
        cases.add("time", "-f", "%x", "sleep", "0.01");
        cases.add("time", "-f", "%x", "seq", "2");
        cases.add("time", "-f", "%x", "printf", "%s\n", "p");
        cases.add("time", "-f", "%x", "head", "-1", "a.txt");
        cases.add("time", "-f", "%x", "--", "true");
        cases.add("time", "-f", "%x", "--", "-f");
        cases.add("time", "-f", "%C %x", "false", "with", "args");
        // printenv and getconf
        cases.add("printenv", "LC_ALL", "TZ");
        cases.add("printenv", "LC_ALL", "NOPE", "TZ");
        cases.add("printenv", "NOPE");
        cases.add("printenv", "-0", "TZ", "LC_ALL");
        cases.add("printenv", "MINE").env("MINE", "value with spaces");
        cases.add("printenv", "TZ=UTC");
        cases.add("printenv", "-x");
        cases.add("printenv", "A", "B", "C").env("A", "1").env("B", "").env("C", "3");
        cases.add("printenv", "B").env("B", "");
        cases.add("printenv", "--null", "A").env("A", "x");
        cases.add("printenv", "-0", "A", "MISSING", "B").env("A", "1").env("B", "2");
        cases.add("printenv", "LC_ALL", "LC_ALL");
        cases.add("printenv", "").env("A", "1");
        cases.add("printenv", "lc_all");
        cases.add("printenv", "TZ", "--", "LC_ALL");
        cases.add("printenv", "UNI").env("UNI", "\u00e9t\u00e9");
        cases.add("printenv", "MULTI").env("MULTI", "line1\nline2");
        cases.add("printenv", "--help").replace("(?s).*", "help");
        cases.add("printenv", "--version").replace("(?s).*", "version");
        for (String name : List.of("A", "B_2", "_C", "D-E", "F.G")) {
            cases.add("printenv", name).env(name, "v");
        }
        for (String value : List.of(" spaced ", "=eq", "a=b=c", "tab\there", "$dollar", "'quote'", "\"dq\"", "\\back")) {
            cases.add("printenv", "V").env("V", value);
        }
        cases.add("printenv", "TZ", "NOPE1", "NOPE2", "LC_ALL");
        cases.add("printenv", "-0", "NOPE");
        cases.add("printenv", "-0", "TZ", "LC_ALL", "A").env("A", "a");
        for (String name : List.of("PAGESIZE", "PAGE_SIZE", "LONG_BIT", "WORD_BIT", "CLK_TCK", "INT_MAX", "UINT_MAX",
                "CHAR_BIT", "LINE_MAX", "HOST_NAME_MAX", "NGROUPS_MAX", "PATH", "FOO", "TZNAME_MAX", "INT_MIN", "CHAR_MAX",
                "CHAR_MIN", "SCHAR_MAX", "SHRT_MAX", "SSIZE_MAX", "ULONG_MAX", "LOGIN_NAME_MAX", "TTY_NAME_MAX",
                "RE_DUP_MAX", "BC_BASE_MAX", "BC_DIM_MAX", "BC_SCALE_MAX", "BC_STRING_MAX", "COLL_WEIGHTS_MAX",
                "EXPR_NEST_MAX", "_POSIX_VERSION", "POSIX2_VERSION", "STREAM_MAX", "SYMLOOP_MAX", "GNU_LIBC_VERSION",
                "LONG_MAX", "path_max")) {
            cases.add("getconf", name);
        }
        for (String name : List.of("PATH_MAX", "NAME_MAX", "PIPE_BUF", "FILESIZEBITS")) {
            cases.add("getconf", name, "/");
            cases.add("getconf", name);
        }
        cases.add("getconf");
        cases.add("getconf", "ARG_MAX", "/tmp");
        cases.add("getconf", "PATH_MAX", "/nonexistent");
        cases.add("getconf", "NAME_MAX", "/", "extra");
        // the sandbox's identity: what agrees with this machine, and what is the sandbox's own by design
        String identity = "the sandbox presents its own Linux identity (host name, release, version)";
        for (String option : List.of("-s", "-o", "-m", "-p", "-i", "-spio", "--kernel-name", "--operating-system")) {
            cases.add("uname", option);
        }
        for (String option : List.of("-n", "-r", "-v", "-a", "--all", "-snrvmo")) {
            cases.add("uname", option).knownDifference(identity);
        }
        cases.add("uname");
        cases.add("uname", "-x");
        cases.add("uname", "a");
        cases.add("hostname").knownDifference(identity);
        cases.add("nproc", "--ignore=1000");
        cases.add("nproc").env("OMP_NUM_THREADS", "3");
        cases.add("nproc").env("OMP_NUM_THREADS", "1,2");
        cases.add("nproc").env("OMP_THREAD_LIMIT", "1");
        cases.add("nproc", "--ignore=x");
        cases.add("nproc", "x");
        cases.add("nproc", "--all").knownDifference("the JVM's processor count, not the machine's");
        cases.add("which", "nosuchcommand");
        cases.add("which");
        cases.add("which", "-a", "nosuchcommand");
        cases.add("which", "./exec.sh");
        cases.add("which", "./a.txt");
        cases.add("which", "exec.sh").env("PATH", "@CWD@");
        cases.add("which", "exec.sh", "a.txt").env("PATH", "@CWD@:@CWD@/dir");
        cases.add("which", "-a", "exec.sh").env("PATH", "@CWD@:@CWD@");
        cases.add("which", "-x");
        cases.add("which", "echo").knownDifference("the kernel's programs are not files: which prints their name");
        cases.add("mkfifo", "-m", "xyz", "p");
        cases.add("mkfifo", "-m", "1777", "p");
        cases.add("mkfifo");
        cases.add("mkfifo", "a.txt");
        cases.add("mkfifo", "missing/p");
        cases.add("mkfifo", "a.txt", "dir");
        cases.add("mkfifo", "-x", "p");
        cases.add("mkfifo", "p").knownDifference("the kernel's file systems hold no FIFOs");
        cases.add("groups");
        cases.add("groups", "@USER@");
        cases.add("groups", "nosuchuser");
        cases.add("groups", "@USER@", "nosuchuser", "@USER@");
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
