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
 * Commands that change files' attributes, against GNU coreutils, each followed by a look at the
 * state it left: chmod (octal, symbolic, -R, -v, -c, --reference, mode options), chown and chgrp
 * (to the running user, whose name each side shows as {@code @USER@}; errors), install
 * (-d -D -m -t -T -v -C -p) and truncate (every size form).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModeDifferentialTest {
    private static final String[] MODES = {"find", ".", "!", "-type", "l", "-newer", "old.txt", "-printf", "%p %m\\n"};
    private static final String[] SIZES = {"find", ".", "-type", "f", "-newer", "old.txt", "-printf", "%p %s\\n"};
    private static final String[] MADE = {"find", ".", "-newer", "old.txt", "-printf", "%p %y %m %s\\n"};

    @TempDir
    static Path hosts;

    private static OracleRunner runner;

    @BeforeAll
    static void fixture() {
        runner = new OracleRunner(OracleFixtures.standard(), hosts);
    }

    static Stream<OracleCase> cases() {
        OracleTable cases = OracleTable.sortedOutput();
        // chmod
        for (String mode : List.of("755", "600", "0644", "1777", "2755", "4755", "7777", "0", "u+x", "go-r", "a=r",
                "u=rwx,g=rx,o=", "g=u", "o=g-w", "+x", "a+X", "u+s", "g+s,o+t", "=", "u-w+x", "a-rwx,u+r", "ug=rw",
                "o+rwx", "+t", "-x")) {
            cases.add("chmod", mode, "a.txt", "dir").then("stat", "-c", "%n %a", "a.txt", "dir");
        }
        cases.add("chmod", "00755", "dir").then(MODES);
        // generated symbolic modes: who x operator x permissions, every seventh combination
        List<String> who = List.of("", "u", "g", "o", "a", "ug", "go");
        List<String> permissions = List.of("r", "w", "x", "X", "s", "t", "rw", "rwx", "u", "g", "o", "");
        int n = 0;
        for (String w : who) {
            for (String op : List.of("+", "-", "=")) {
                for (String p : permissions) {
                    if (n++ % 7 == 0) {
                        cases.add("chmod", "-v", w + op + p, "dir/UPPER.TXT", "dir/sub")
                                .then("stat", "-c", "%n %a", "dir/UPPER.TXT", "dir/sub");
                    }
                }
            }
        }
        cases.add("chmod", "-v", "644", "a.txt", "b.txt", "exec.sh").then(MODES);
        cases.add("chmod", "-c", "644", "a.txt", "b.txt", "exec.sh").then(MODES);
        cases.add("chmod", "-R", "go-rwx", "dir").then(MODES);
        cases.add("chmod", "-Rv", "u=rwX,go=rX", "dir").then(MODES);
        cases.add("chmod", "-R", "755", "dirlink").then(MODES);
        cases.add("chmod", "-vR", "700", "dir", "link").then(MODES);
        cases.add("chmod", "644", "link").then(MODES);
        cases.add("chmod", "644", "broken");
        cases.add("chmod", "-v", "644", "missing", "a.txt").then(MODES);
        cases.add("chmod", "-f", "644", "missing");
        cases.add("chmod", "abc", "a.txt");
        cases.add("chmod", "8", "a.txt");
        cases.add("chmod", "77777", "a.txt");
        cases.add("chmod", "u", "a.txt");
        cases.add("chmod", "", "a.txt");
        cases.add("chmod", "755");
        cases.add("chmod");
        cases.add("chmod", "--reference=readonly.txt", "a.txt", "dir").then(MODES);
        cases.add("chmod", "--reference=missing", "a.txt");
        cases.add("chmod", "-w", "a.txt").then(MODES);
        cases.add("chmod", "-x", "exec.sh").then(MODES);
        cases.add("chmod", "-rwx", "b.txt").then(MODES);
        cases.add("chmod", "-v", "-w", "a.txt").then(MODES);
        cases.add("chmod", "-vw", "a.txt");
        cases.add("chmod", "+w", "readonly.txt").then(MODES);
        cases.add("chmod", "u+rw-x,o=", "b.txt").then(MODES);
        cases.add("chmod", "-c", "u+x", "exec.sh", "a.txt").then(MODES);
        cases.add("chmod", "+,u+", "a.txt").then(MODES);
        cases.add("chmod", "u+x,", "a.txt");
        cases.add("chmod", "--", "-w", "a.txt").then(MODES);
        // chown and chgrp, to the running user and its group
        String[] owners = {"find", "a.txt", "dir", "link", "-printf", "%p %u:%g\\n"};
        cases.add("chown", "@USER@", "a.txt").owners().then(owners);
        cases.add("chown", "-v", "@USER@", "a.txt").owners();
        cases.add("chown", "-c", "@USER@", "a.txt").owners();
        cases.add("chown", "-v", "@USER@:@GROUP@", "a.txt", "b.txt").owners();
        cases.add("chown", "-v", ":@GROUP@", "a.txt").owners();
        cases.add("chown", "-v", "@USER@:", "a.txt").owners();
        cases.add("chown", "-v", "@UID@", "a.txt").owners();
        cases.add("chown", "-v", "@UID@:@GID@", "a.txt").owners();
        cases.add("chown", "-v", "", "a.txt").owners();
        cases.add("chown", "-Rv", "@USER@", "dir").owners();
        cases.add("chown", "-Rc", "@USER@", "dir").owners();
        cases.add("chown", "-hv", "@USER@", "link").owners();
        cases.add("chown", "-v", "@USER@", "link").owners();
        cases.add("chown", "-v", "@USER@", "broken").owners();
        cases.add("chown", "-hv", "@USER@", "broken").owners();
        cases.add("chown", "-v", "--from=@USER@", "@USER@", "a.txt").owners();
        cases.add("chown", "-v", "--from=nosuchuser", "@USER@", "a.txt").owners();
        cases.add("chown", "-v", "--reference=b.txt", "a.txt").owners();
        cases.add("chown", "--reference=missing", "a.txt");
        cases.add("chown", "nosuchuser", "a.txt");
        cases.add("chown", "@USER@:nosuchgroup", "a.txt").owners();
        cases.add("chown", ":nosuchgroup", "a.txt");
        cases.add("chown", "@USER@", "missing").owners();
        cases.add("chown", "-f", "@USER@", "missing").owners();
        cases.add("chown", "@USER@").owners();
        cases.add("chown");
        cases.add("chown", "-v", "@USER@.@GROUP@", "a.txt").owners();
        cases.add("chown", "-x", "a.txt");
        cases.add("chown", "-v", "@USER@", "a.txt", "missing", "b.txt").owners();
        cases.add("chown", "-R", "@USER@", "missing").owners();
        cases.add("chown", "-Rv", "--from=:@GROUP@", ":@GROUP@", "dir/sub").owners();
        cases.add("chown", "-c", "@UID@", "a.txt", "b.txt").owners();
        cases.add("chown", "-vh", "@USER@:@GROUP@", "broken", "dirlink").owners();
        cases.add("chown", "-R", "-v", "@UID@:@GID@", "dir/sub").owners();
        cases.add("chown", "-v", "--from=@UID@", "@USER@", "a.txt").owners();
        cases.add("chown", "-v", "--from=@USER@:@GROUP@", "@USER@", "a.txt").owners();
        cases.add("chown", "-v", "--from=:nosuchgroup", "@USER@", "a.txt");
        cases.add("chown", "-v", "99999999999", "a.txt");
        cases.add("chown", "-v", "@USER@", "dir/", "dirlink/").owners();
        cases.add("chown", "-Rhv", "@USER@", "dirlink").owners();
        cases.add("chown", "--quiet", "@USER@", "missing").owners();
        cases.add("chgrp", "-v", "@GROUP@", "hard", "b.txt").owners();
        cases.add("chgrp", "-c", "@GID@", "a.txt", "missing").owners();
        cases.add("chgrp", "-Rv", "@GID@", "dir/sub").owners();
        cases.add("chgrp", "-hv", "@GROUP@", "broken").owners();
        cases.add("chgrp", "-v", "99999999999", "a.txt");
        cases.add("chgrp", "-v", "--reference=dir", "a.txt", "b.txt").owners();
        cases.add("chgrp", "--from=@USER@", "@GROUP@", "a.txt").owners();
        cases.add("chgrp", "-v", "@GROUP@", "dir/", "link").owners();
        cases.add("chgrp", "-R", "@GROUP@", "dir", "missing").owners();
        cases.add("chgrp", "-Rvh", "@GROUP@", "dirlink").owners();
        cases.add("chgrp", "--silent", "@GROUP@", "missing").owners();
        cases.add("chgrp", "-v", ":@GROUP@", "a.txt").owners();
        cases.add("chgrp", "-v", "@GROUP@", "space name.txt", "exec.sh").owners();
        cases.add("chgrp", "-v", "--", "@GROUP@", "a.txt").owners();
        cases.add("chgrp", "-c", "@GROUP@", "dir", "dir/x.txt", "dir/sub").owners();
        cases.add("chgrp", "--verbose", "--no-dereference", "@GROUP@", "link").owners();
        cases.add("chgrp", "--recursive", "--changes", "@GROUP@", "dir").owners();
        cases.add("chgrp", "-v", "@GROUP@", "/dev/null").owners()
                .knownDifference("the kernel's device files refuse fchownat, even to root");
        cases.add("chgrp", "-v", "nosuchgroup", "missing");
        cases.add("chgrp", "@GROUP@", "a.txt").owners().then(owners);
        cases.add("chgrp", "-v", "@GROUP@", "a.txt", "b.txt").owners();
        cases.add("chgrp", "-c", "@GROUP@", "a.txt").owners();
        cases.add("chgrp", "-v", "@GID@", "a.txt").owners();
        cases.add("chgrp", "-Rv", "@GROUP@", "dir").owners();
        cases.add("chgrp", "-hv", "@GROUP@", "link").owners();
        cases.add("chgrp", "-v", "--reference=b.txt", "a.txt").owners();
        cases.add("chgrp", "nosuchgroup", "a.txt");
        cases.add("chgrp", "@GROUP@", "missing").owners();
        cases.add("chgrp", "@GROUP@").owners();
        cases.add("chgrp");
        cases.add("chgrp", "-f", "@GROUP@", "missing").owners();
        cases.add("chgrp", "-v", "@GROUP@", "broken").owners();
        cases.add("chgrp", "-R", "@GROUP@", "dirlink").owners();
        cases.add("chgrp", "-x", "a.txt");
        cases.add("chgrp", "-v", "", "a.txt").owners();
        cases.add("chgrp", "--reference=missing", "a.txt");
        cases.add("chgrp", "-v", "+@GID@", "a.txt").owners();
        cases.add("chgrp", "-Rc", "@GROUP@", "dir", "a.txt").owners();
        cases.add("chgrp", "-v", "@GROUP@", "dir/sub", "dir/sub/y.txt").owners();
        // install
        cases.add("install", "a.txt", "copy").then(MADE);
        cases.add("install", "-m", "644", "a.txt", "copy").then(MADE);
        cases.add("install", "-m", "u=rw,go=r", "a.txt", "copy").then(MADE);
        cases.add("install", "-m", "xyz", "a.txt", "copy");
        cases.add("install", "-v", "a.txt", "b.txt", "dir").then(MADE);
        cases.add("install", "-t", "dir", "-v", "a.txt").then(MADE);
        cases.add("install", "-D", "a.txt", "new/deep/copy").then(MADE);
        cases.add("install", "-Dv", "a.txt", "new/deep/copy").then(MADE);
        cases.add("install", "-Dv", "-t", "new/dir", "a.txt", "b.txt").then(MADE);
        cases.add("install", "-d", "n1/n2", "n3").then(MADE);
        cases.add("install", "-dv", "n1/n2", "n3").then(MADE);
        cases.add("install", "-d", "-m", "700", "n1/n2").then(MADE);
        cases.add("install", "-d", "dir").then(MADE);
        cases.add("install", "-d", "a.txt/x");
        cases.add("install", "-d");
        cases.add("install", "a.txt");
        cases.add("install");
        cases.add("install", "missing", "copy");
        cases.add("install", "dir", "copy");
        cases.add("install", "a.txt", "b.txt", "nodir");
        cases.add("install", "-T", "a.txt", "dir");
        cases.add("install", "-v", "a.txt", "b.txt").then(MADE);
        cases.add("install", "-v", "missing", "a.txt", "dir").then(MADE);
        cases.add("install", "-C", "-v", "a.txt", "copy").then(MADE);
        cases.add("install", "-C", "-v", "-m", "644", "b.txt", "hard").then(MADE);
        cases.add("install", "-p", "a.txt", "copy").then("find", "copy", "-printf", "%p %TY-%Tm-%Td %m\\n");
        cases.add("install", "a.txt", "a.txt");
        cases.add("install", "-m", "600", "exec.sh", "dir/sub").then(MADE);
        cases.add("install", "-c", "a.txt", "copy2").then(MADE);
        cases.add("install", "-t", "missing", "a.txt");
        cases.add("install", "-D", "a.txt", "a.txt/sub/copy");
        cases.add("install", "link", "fromlink").then(MADE);
        cases.add("install", "broken", "fromlink");
        cases.add("install", "-m", "1755", "a.txt", "sticky").then(MADE);
        cases.add("install", "-d", "-m", "g+w", "n4").then(MADE);
        cases.add("install", "--mode=640", "--verbose", "a.txt", "copy").then(MADE);
        cases.add("install", "--directory", "--verbose", "x/y/z").then(MADE);
        cases.add("install", "-x", "a.txt", "b");
        cases.add("install", "-m", "644", "-T", "b.txt", "new.txt").then(MADE);
        cases.add("install", "-D", "-m", "600", "a.txt", "dir/sub/deep/copy").then(MADE);
        // truncate
        for (String size : List.of("0", "10", "+5", "-3", "<5", ">100", "/8", "%7", "1K", "1KB", "2k", "1M", "-100",
                "+0", "%1", "/1")) {
            cases.add("truncate", "-s", size, "a.txt").then(SIZES);
        }
        cases.add("truncate", "-s", "5", "new1", "new2").then(SIZES);
        cases.add("truncate", "-c", "-s", "5", "nofile").then(SIZES);
        cases.add("truncate", "--no-create", "--size=5", "a.txt").then(SIZES);
        cases.add("truncate", "-r", "b.txt", "a.txt").then(SIZES);
        cases.add("truncate", "-r", "b.txt", "-s", "+2", "a.txt").then(SIZES);
        cases.add("truncate", "-r", "b.txt", "-s", "<2", "a.txt");
        cases.add("truncate", "-r", "missing", "a.txt");
        cases.add("truncate", "-s", "abc", "a.txt");
        cases.add("truncate", "-s", "0x10", "a.txt");
        cases.add("truncate", "-s", "1Q", "a.txt");
        cases.add("truncate", "-s", "", "a.txt");
        cases.add("truncate", "-s", "1.5K", "a.txt");
        cases.add("truncate", "-s", "+-5", "a.txt");
        cases.add("truncate", "-s", "%0", "a.txt");
        cases.add("truncate", "a.txt");
        cases.add("truncate", "-s", "5");
        cases.add("truncate", "-s", "5", "missing/x");
        cases.add("truncate", "-s", "5", "dir");
        cases.add("truncate", "-s", "7", "link").then(SIZES);
        cases.add("truncate", "-s", "3", "hard").then(SIZES);
        cases.add("truncate", "-s", "0", "empty", "a.txt", "b.txt").then(SIZES);
        cases.add("truncate", "-o", "-s", "1", "a.txt").then(SIZES);
        cases.add("truncate", "-x", "a.txt");
        cases.add("truncate", "--size=+1K", "--io-blocks", "b.txt").then(SIZES);
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
