package io.sandkernel.driver.jvm.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the same command line on the same files and input through a coreutils command and through
 * the GNU binary of this machine (LC_ALL=C), comparing standard output and exit status. Skipped
 * for binaries that are not installed.
 */
class GnuDifferentialTest {
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("a.txt", "alpha\nbeta\ngamma\n");
        FILES.put("b.txt", "one\ntwo\n");
        FILES.put("noeol.txt", "first\nsecond\nthird");
        FILES.put("nums.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
        FILES.put("unsorted.txt", "10\n9\n-3\n2.5\n100\nx\n0\n-0.5\n");
        FILES.put("words.txt", "banana\napple\ncherry\napple pie\nBanana\ndate\nelderberry\nfig\n");
        FILES.put("dups.txt", "a\na\nb\nc\nc\nc\nA\na\n");
        FILES.put("case.txt", "b\nB\na\nA\nc\nC\n");
        FILES.put("csv.txt", "name,age,city\nbob,25,paris\nalice,30,rome\ncarol,7,oslo\ndan,25,lima\n");
        FILES.put("people.txt", "bob 25 paris\nalice 30 rome\ncarol 7 oslo\ndan 25 lima\n");
        FILES.put("spaced.txt", "x   3\ny 1\nz  2\n");
        FILES.put("tabs.txt", "a\tb\tc\nd\te\tf\nno tabs here\n");
        FILES.put("blank.txt", "one\n\n\n\ntwo\n\nthree\n");
        FILES.put("ctrl.txt", "tab\there\u0001ctl\n\u007fdel\n");
        FILES.put("sentences.txt", "the cat sat\nconcatenate\ncat\nbobcat's cat-flap\n");
        FILES.put("special.txt", "a.b\naxb\na*b\n(x)\n[y]\n");
        FILES.put("mixed.txt", "abc 123 def 45\nno digits\n7\n");
        FILES.put("dir/x.txt", "hello from x\n");
        FILES.put("dir/sub/y.txt", "y here\n");
        FILES.put("dir/.hidden", "h\n");
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        // echo, printf, true, false, sleep
        add(cases, "", "echo", "hello", "world");
        add(cases, "", "echo", "-n", "no newline");
        add(cases, "", "echo", "-e", "a\\tb\\n\\x41\\0101\\c ignored");
        add(cases, "", "echo", "-E", "a\\tb");
        add(cases, "", "echo", "--", "-n", "-x");
        add(cases, "", "printf", "%s-%d\\n", "a", "1", "b", "2", "c");
        add(cases, "", "printf", "%5.2f|%-6s|%x|%X\\n", "3.14159", "ab", "255", "255");
        add(cases, "", "printf", "%e %g %G %g %g\\n", "12345.678", "0.00001234", "1e20", "100000", "1000000");
        add(cases, "", "printf", "%05d|%+d|% d|%o|%#x|%#o|%.3d\\n", "42", "42", "42", "8", "255", "8", "7");
        add(cases, "", "printf", "%b|%c%c|%.3s|%10s|\\n", "a\\tb\\0101", "hello", "world", "abcdef", "r");
        add(cases, "", "printf", "%d %i %u %d\\n", "0x1F", "010", "-1", "'A");
        add(cases, "", "printf", "%d\\n", "12abc");
        add(cases, "", "printf", "%s|%d|%f\\n");
        add(cases, "", "printf", "%.0f %.1f %.2f %.10g\\n", "2.5", "0.25", "1.005", "3.14159265358979");
        add(cases, "", "printf", "100%% done %*d|%-*d|\\n", "5", "42", "4", "7");
        add(cases, "", "true", "--ignored");
        add(cases, "", "false");
        add(cases, "", "sleep", "0");
        add(cases, "", "sleep", "x");
        // cat
        add(cases, "", "cat", "a.txt", "b.txt");
        add(cases, "", "cat", "-n", "a.txt", "noeol.txt", "b.txt");
        add(cases, "", "cat", "-b", "blank.txt");
        add(cases, "", "cat", "-s", "blank.txt");
        add(cases, "", "cat", "-A", "ctrl.txt");
        add(cases, "piped\n", "cat", "-", "a.txt");
        add(cases, "", "cat", "missing.txt", "a.txt");
        add(cases, "", "cat", "-sE", "blank.txt");
        // seq
        add(cases, "", "seq", "5");
        add(cases, "", "seq", "2", "3", "11");
        add(cases, "", "seq", "-w", "8", "11");
        add(cases, "", "seq", "-s,", "1", "5");
        add(cases, "", "seq", "1", "0.5", "3");
        add(cases, "", "seq", "-f", "%.2f", "1", "0.25", "2");
        add(cases, "", "seq", "10", "-3", "1");
        add(cases, "", "seq", "-w", "-1", "1");
        add(cases, "", "seq", "5", "1");
        add(cases, "", "seq", "1", "1.10", "4");
        // head, tail
        add(cases, "", "head", "-n", "3", "nums.txt");
        add(cases, "", "head", "-c", "5", "a.txt");
        add(cases, "", "head", "-n", "-2", "nums.txt");
        add(cases, "", "head", "-3", "nums.txt");
        add(cases, "", "head", "a.txt", "b.txt");
        add(cases, "", "head", "-c", "-3", "noeol.txt");
        add(cases, "", "head", "-n", "x", "a.txt");
        add(cases, "", "tail", "-n", "3", "nums.txt");
        add(cases, "", "tail", "-n", "+11", "nums.txt");
        add(cases, "", "tail", "-c", "4", "a.txt");
        add(cases, "", "tail", "a.txt", "missing.txt", "b.txt");
        add(cases, "", "tail", "-2", "noeol.txt");
        add(cases, "l1\nl2\nl3\n", "tail", "-n", "1");
        // wc
        add(cases, "", "wc", "a.txt");
        add(cases, "", "wc", "-l", "a.txt", "b.txt");
        add(cases, "two words\nand three more\n", "wc", "-w");
        add(cases, "two words\nand three more\n", "wc");
        add(cases, "", "wc", "-c", "a.txt", "missing.txt");
        add(cases, "", "wc", "-L", "tabs.txt", "words.txt");
        add(cases, "", "wc", "-lwmc", "noeol.txt");
        // tr
        add(cases, "Hello World\n", "tr", "a-z", "A-Z");
        add(cases, "Hello World\n", "tr", "-d", "aeiou");
        add(cases, "a   b    c\n", "tr", "-s", " ");
        add(cases, "ph: 555-1234 x9\n", "tr", "-cd", "[:digit:]\\n");
        add(cases, "MiXeD\n", "tr", "[:upper:][:lower:]", "[:lower:][:upper:]");
        add(cases, "abcabc\n", "tr", "abc", "x");
        add(cases, "aabbccdd\n", "tr", "-s", "a-c", "A-C");
        add(cases, "hello\n", "tr", "a-y", "b-z");
        add(cases, "tab\there\n", "tr", "\\t", "_");
        add(cases, "abcdef\n", "tr", "a-f", "[x*3]yz");
        // grep
        add(cases, "", "grep", "an", "words.txt");
        add(cases, "", "grep", "-i", "APPLE", "words.txt");
        add(cases, "", "grep", "-v", "a", "words.txt");
        add(cases, "", "grep", "-c", "a", "words.txt", "a.txt");
        add(cases, "", "grep", "-n", "e$", "words.txt");
        add(cases, "", "grep", "-E", "^(ap|ba)", "words.txt");
        add(cases, "", "grep", "-w", "cat", "sentences.txt");
        add(cases, "", "grep", "-x", "apple", "words.txt");
        add(cases, "", "grep", "-F", "a.b", "special.txt");
        add(cases, "", "grep", "a.b", "special.txt");
        add(cases, "", "grep", "a*b", "special.txt");
        add(cases, "", "grep", "\\(x\\)\\|\\[", "special.txt");
        add(cases, "", "grep", "-E", "[[:digit:]]{2,}", "mixed.txt");
        add(cases, "", "grep", "-l", "apple", "words.txt", "a.txt");
        add(cases, "", "grep", "zzz", "words.txt");
        add(cases, "", "grep", "x", "missing.txt");
        add(cases, "", "grep", "-o", "[0-9]\\+", "mixed.txt");
        add(cases, "", "grep", "-e", "apple", "-e", "cherry", "words.txt");
        add(cases, "", "grep", "-h", "a", "a.txt", "b.txt");
        add(cases, "", "grep", "-q", "apple", "words.txt");
        add(cases, "", "grep", "-m", "2", "a", "words.txt");
        add(cases, "", "grep", "-r", "hello", "dir");
        add(cases, "", "grep", "\\<cat\\>", "sentences.txt");
        add(cases, "abab\nab\n", "grep", "\\(ab\\)\\1");
        add(cases, "", "grep", "-nH", "-E", "a|e", "b.txt");
        // sort
        add(cases, "", "sort", "words.txt");
        add(cases, "", "sort", "-r", "words.txt");
        add(cases, "", "sort", "-n", "unsorted.txt");
        add(cases, "", "sort", "-rn", "unsorted.txt");
        add(cases, "", "sort", "-u", "dups.txt");
        add(cases, "", "sort", "-t", ",", "-k2,2n", "csv.txt");
        add(cases, "", "sort", "-k2", "people.txt");
        add(cases, "", "sort", "-k2n", "-k1r", "people.txt");
        add(cases, "", "sort", "-f", "case.txt");
        add(cases, "", "sort", "-fu", "case.txt");
        add(cases, "", "sort", "-k1.2,1.3", "words.txt");
        add(cases, "", "sort", "-s", "-k2,2n", "people.txt");
        add(cases, "", "sort", "-b", "-k2", "spaced.txt");
        add(cases, "", "sort", "-k2", "spaced.txt");
        add(cases, "", "sort", "missing.txt");
        add(cases, "", "sort", "-c", "nums.txt");
        // uniq
        add(cases, "", "uniq", "dups.txt");
        add(cases, "", "uniq", "-c", "dups.txt");
        add(cases, "", "uniq", "-d", "dups.txt");
        add(cases, "", "uniq", "-u", "dups.txt");
        add(cases, "", "uniq", "-ci", "dups.txt");
        add(cases, "x 1\ny 1\nz 2\n", "uniq", "-f", "1");
        // cut
        add(cases, "", "cut", "-d,", "-f2", "csv.txt");
        add(cases, "", "cut", "-d,", "-f1,3", "csv.txt");
        add(cases, "", "cut", "-c2-4", "words.txt");
        add(cases, "", "cut", "-b", "-3", "words.txt");
        add(cases, "", "cut", "-d,", "-f2-", "csv.txt");
        add(cases, "", "cut", "-f2", "tabs.txt");
        add(cases, "", "cut", "-s", "-f2", "tabs.txt");
        add(cases, "", "cut", "--complement", "-c1", "words.txt");
        add(cases, "", "cut", "-d,", "-f1,3", "--output-delimiter=:", "csv.txt");
        add(cases, "", "cut", "-f", "0", "csv.txt");
        // tee, ls, env
        add(cases, "tee me\n", "tee");
        add(cases, "", "ls");
        add(cases, "", "ls", "-a", "dir");
        add(cases, "", "ls", "-A", "dir");
        add(cases, "", "ls", "-R", "dir");
        add(cases, "", "ls", "-d", "dir", "a.txt");
        add(cases, "", "ls", "missing.txt");
        add(cases, "", "ls", "-1", "b.txt", "dir", "a.txt");
        add(cases, "", "ls", "-rF", "dir");
        add(cases, "", "env", "-i", "A=1", "B=2");
        // files
        add(cases, "", "mkdir", "dir");
        add(cases, "", "mkdir", "-p", "dir/sub/new");
        add(cases, "", "rm", "missing.txt");
        add(cases, "", "rm", "-f", "missing.txt");
        add(cases, "", "rm", "dir");
        add(cases, "", "cp", "missing.txt", "x");
        add(cases, "", "cp", "a.txt");
        add(cases, "", "mv", "a.txt", "b.txt", "c.txt");
        add(cases, "", "touch", "dir/new.txt");
        // harder cases
        add(cases, "", "printf", "%.20f %.3e %g %g %g\\n", "0.1", "0", "0", "-0.0001", "123456");
        add(cases, "", "printf", "%#g %#.0f %#x %#X %-+5d|\\n", "1", "3", "0", "10", "3");
        add(cases, "", "printf", "%s %s %s\\n", "only-one");
        add(cases, "", "printf", "\\101\\x42\\u00e9\\n");
        add(cases, "", "printf", "%x %o\\n", "-1", "-1");
        add(cases, "", "printf", "%5s|%-5s|%.1s|\\n", "abcdefg", "a", "xyz");
        add(cases, "", "printf", "%c|%5c|%-3c|\\n", "", "x", "y");
        add(cases, "", "printf", "%d %d\\n", " 12", "+7");
        add(cases, "", "printf", "%f %e\\n", "inf", "-inf");
        add(cases, "", "printf", "%g %g %g %g\\n", "1e-5", "0.0001234567", "99999.95", "999999.5");
        add(cases, "", "printf", "%.3g|%10.4e|%-10.2f|\\n", "3.14159", "2.5", "1.125");
        add(cases, "", "seq", "-w", "0.5", "0.25", "1.5");
        add(cases, "", "printf", "abc\\n", "extra");
        add(cases, "", "printf", "%d|%u\\n", "99999999999999999999", "-99999999999999999999");
        add(cases, "", "printf", "%q|%q|%q|%q\\n", "plain", "a b", "it's", "$x'y");
        add(cases, "", "seq", "0.1", "0.1", "0.5");
        add(cases, "", "seq", "-f", "%g", "1", "0.1", "1.5");
        add(cases, "", "seq", "-s", "", "3");
        add(cases, "", "seq", "1e2", "1e2", "3e2");
        add(cases, "", "seq", "-5", "-2");
        add(cases, "", "seq", "1", "x");
        add(cases, "", "head", "-n", "0", "a.txt");
        add(cases, "", "head", "-c", "2", "a.txt", "b.txt");
        add(cases, "", "head", "-v", "a.txt");
        add(cases, "", "head", "-n", "-100", "a.txt");
        add(cases, "", "tail", "-n", "0", "a.txt");
        add(cases, "", "tail", "-c", "+3", "a.txt");
        add(cases, "", "tail", "-n", "+1", "noeol.txt");
        add(cases, "", "tail", "-q", "a.txt", "b.txt");
        add(cases, "\n\n", "wc");
        add(cases, "", "wc", "ctrl.txt", "a.txt", "missing.txt");
        add(cases, "", "wc", "-m", "a.txt");
        add(cases, "", "wc", "-lw", "words.txt");
        add(cases, "a\u0001b c\n", "wc", "-w");
        add(cases, "xyz\n", "tr", "-c", "a", "b");
        add(cases, "hello world\n", "tr", "-t", "abcdefghijklmnopqrstuvwxyz", "AB");
        add(cases, "a.b.c\n", "tr", ".", "\\n");
        add(cases, "aaabbbccc\n", "tr", "-sd", "a", "b");
        add(cases, "x\\y\n", "tr", "\\\\", "/");
        add(cases, "hello 123\n", "tr", "[:alpha:]", "*");
        add(cases, "", "tr", "-d");
        add(cases, "", "grep", "-c", "", "words.txt");
        add(cases, "", "grep", "-v", "-c", "an", "words.txt");
        add(cases, "", "grep", "-n", "-v", "e", "words.txt");
        add(cases, "", "grep", "-i", "-w", "BANANA", "words.txt");
        add(cases, "", "grep", "-E", "a{2}|rr", "words.txt");
        add(cases, "", "grep", "-E", "(an){2}", "words.txt");
        add(cases, "", "grep", "^[^aeiou]*e[^aeiou]*$", "words.txt");
        add(cases, "", "grep", "-o", "-i", "an", "words.txt");
        add(cases, "", "grep", "-x", "-F", "apple", "words.txt");
        add(cases, "", "grep", "-L", "zzz", "words.txt", "a.txt");
        add(cases, "", "grep", "-e", "", "b.txt");
        add(cases, "", "grep", "-E", "a|", "b.txt");
        add(cases, "", "grep", ".", "blank.txt");
        add(cases, "", "grep", "-c", "^$", "blank.txt");
        add(cases, "", "grep", "-w", "-o", "cat", "sentences.txt");
        add(cases, "", "grep", "[[:upper:]]", "words.txt");
        add(cases, "", "grep", "-E", "^.{5}$", "words.txt");
        add(cases, "", "grep", "a\\{2\\}", "words.txt");
        add(cases, "", "grep", "-E", "\\.", "special.txt");
        add(cases, "", "grep", "\\*", "special.txt");
        add(cases, "", "grep", "[.]", "special.txt");
        add(cases, "", "grep", "-F", "-e", "(x)", "-e", "[y]", "special.txt");
        add(cases, "", "grep", "-A", "1", "5", "nums.txt");
        add(cases, "", "grep", "-B", "2", "-n", "^1", "nums.txt");
        add(cases, "", "grep", "-C", "1", "-e", "3", "-e", "9", "nums.txt");
        add(cases, "", "grep", "-C1", "a", "a.txt", "b.txt", "words.txt");
        add(cases, "", "grep", "-m", "1", "-A", "2", "1", "nums.txt");
        add(cases, "", "grep", "-c", "-C", "2", "1", "nums.txt");
        add(cases, "", "grep", "-v", "-A", "1", "[2-9]", "nums.txt");
        add(cases, "", "sort", "-n", "-k2", "people.txt");
        add(cases, "", "sort", "-k3", "-r", "people.txt");
        add(cases, "", "sort", "-t", ",", "-k2n", "-k1", "csv.txt");
        add(cases, "", "sort", "-nu", "unsorted.txt");
        add(cases, "", "sort", "-g", "unsorted.txt");
        add(cases, "", "sort", "-d", "special.txt");
        add(cases, "", "sort", "-k2.2", "people.txt");
        add(cases, "", "sort", "-rk1,1", "dups.txt");
        add(cases, "", "sort", "-u", "-k1,1", "people.txt");
        add(cases, "", "sort", "-r", "-u", "case.txt");
        add(cases, "", "sort", "-n", "blank.txt");
        add(cases, "", "sort", "words.txt", "a.txt");
        add(cases, "", "uniq", "-D", "dups.txt");
        add(cases, "", "uniq", "-s", "1", "people.txt");
        add(cases, "", "uniq", "-w", "1", "words.txt");
        add(cases, "", "uniq", "-cd", "dups.txt");
        add(cases, "", "cut", "-c", "1,1,2", "words.txt");
        add(cases, "", "cut", "-c", "3-,1", "words.txt");
        add(cases, "", "cut", "-d", " ", "-f", "2", "people.txt");
        add(cases, "", "cut", "-d,", "-f", "3,1", "csv.txt");
        add(cases, "", "cut", "-c", "2-4,3-6", "--output-delimiter=|", "words.txt");
        add(cases, "", "cut", "-d,", "--complement", "-f2", "csv.txt");
        add(cases, "", "cut", "-f", "1-2", "-d", ",", "noeol.txt");
        add(cases, "", "cat", "-v", "ctrl.txt");
        add(cases, "", "cat", "-T", "tabs.txt");
        add(cases, "", "cat", "-bn", "blank.txt");
        add(cases, "", "cat", "-ns", "blank.txt");
        add(cases, "", "echo", "-e", "\\0", "x\\q", "\\e[0m");
        add(cases, "", "echo", "-n");
        add(cases, "", "echo");
        add(cases, "", "ls", "-a");
        add(cases, "", "ls", "dir", "dir/sub");
        add(cases, "", "ls", "-R");
        add(cases, "", "ls", "-p", "dir");
        add(cases, "", "ls", "-d", ".");
        add(cases, "", "ls", "-r", "a.txt", "b.txt", "missing.txt");
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String input, String... argv) {
        cases.add(Arguments.of(String.join(" ", argv), input, List.of(argv)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGnu(String line, String input, List<String> argv, @TempDir Path host) throws Exception {
        Path binary = findBinary(argv.get(0));
        assumeTrue(binary != null, "no GNU " + argv.get(0) + " on this machine");
        FakeProcess process = FakeProcess.create();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            process.file(file.getKey(), file.getValue());
            Path target = host.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        FakeProcess.Result ours = process.runWithInput(input, argv.toArray(String[]::new));

        List<String> command = new ArrayList<>(argv);
        command.set(0, binary.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(host.toFile());
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process gnu = builder.start();
        try (OutputStream stdin = gnu.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command did not read its input
        }
        String expected;
        try (InputStream stdout = gnu.getInputStream()) {
            expected = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(gnu.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ours.out()).as("stdout of " + line + "\nstderr: " + ours.err()).isEqualTo(expected);
        assertThat(ours.status()).as("status of " + line + "\nstderr: " + ours.err()).isEqualTo(gnu.exitValue());
    }

    private static Path findBinary(String name) {
        for (String directory : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
