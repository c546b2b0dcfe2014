package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The table of {@link GnuDifferentialTest}: the files every case starts with (in the working
 * directory, both in the fake's filesystem and in a host directory for GNU) and the command lines
 * with their standard input.
 */
final class GnuCases {
    private GnuCases() {}

    static final Map<String, String> FILES = new LinkedHashMap<>();

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
        add(cases, "", "grep", "-r", "--include=*.txt", "here", "dir");
        add(cases, "", "grep", "-r", "--exclude-dir=sub", "-e", "here", "-e", "hello", "dir");
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
        // edge cases
        add(cases, "", "head", "-n", "2", "-", "a.txt");
        add(cases, "x\ny\n", "head", "-n", "1", "-", "a.txt");
        add(cases, "", "head", "-c", "1k", "nums.txt");
        add(cases, "", "tail", "-n", "2", "nums.txt", "noeol.txt");
        add(cases, "", "tail", "-c", "0", "a.txt");
        add(cases, "", "wc", "-l", "noeol.txt");
        add(cases, "", "wc", "nums.txt", "nums.txt", "nums.txt");
        add(cases, "", "cat", "-n", "noeol.txt", "noeol.txt");
        add(cases, "", "cat", "-e", "ctrl.txt");
        add(cases, "", "sort", "-t", ":", "-k", "1", "csv.txt");
        add(cases, "", "sort", "-k", "2,2", "-k", "1,1r", "people.txt");
        add(cases, "", "sort", "-n", "-r", "-s", "-k2", "people.txt");
        add(cases, "", "sort", "-i", "ctrl.txt");
        add(cases, "3\n1\n2\n", "sort", "-z");
        add(cases, "b c\na b\n", "sort", "-k", "2.1b");
        add(cases, "a\tz\nb\ty\n", "sort", "-t", "\t", "-k2");
        add(cases, " 2\n10\n  1\n", "sort", "-n");
        add(cases, " b\na\n  c\n", "sort", "-b");
        add(cases, "1e3\n2\n-inf\n5e-1\n", "sort", "-g");
        add(cases, "", "uniq", "-c", "-f", "1", "people.txt");
        add(cases, "", "uniq", "missing.txt");
        add(cases, "", "cut", "-c", "1", "missing.txt", "a.txt");
        add(cases, "", "cut", "-d", ",", "-f", "2", "-s", "a.txt", "csv.txt");
        add(cases, "", "tr", "-s", "\\n");
        add(cases, "a-b-c\n", "tr", "-d", "-");
        add(cases, "a-b\n", "tr", "a-", "xy");
        add(cases, "ABC\n", "tr", "A-C", "a-");
        add(cases, "abc\n", "tr", "-d", "a-c", "x");
        add(cases, "", "grep", "-n", "a", "-", "a.txt");
        add(cases, "", "grep", "-E", "^$|^t", "blank.txt");
        add(cases, "", "grep", "-ix", "BANANA", "words.txt");
        add(cases, "", "grep", "-lv", "x", "a.txt", "b.txt");
        add(cases, "", "grep", "-s", "x", "missing.txt");
        add(cases, "", "grep", "-E", "a+", "words.txt");
        add(cases, "", "grep", "a\\+", "words.txt");
        add(cases, "", "grep", "-E", "(a|b)\\1", "words.txt");
        add(cases, "", "grep", "-c", "-w", "a", "sentences.txt");
        add(cases, "", "grep", "^[a-c]", "words.txt");
        add(cases, "", "grep", "[^[:alpha:] ]", "words.txt");
        add(cases, "", "grep", "-E", "x{0}y?", "b.txt");
        add(cases, "", "grep", "-F", "-x", "-v", "-e", "apple", "words.txt");
        add(cases, "", "seq", "-s", " - ", "-w", "3", "-1", "-2");
        add(cases, "", "seq", "0", "0.1", "0.3");
        add(cases, "", "seq", "-f", "%e", "1", "2");
        add(cases, "", "printf", "%s\\n", "a", "b", "c");
        add(cases, "", "printf", "%3$s\\n", "a");
        add(cases, "", "printf", "%.*f|%-*.*e|\\n", "2", "3.14159", "12", "1", "2.5");
        add(cases, "", "printf", "[%-5c][%5s][%-5b]\\n", "z", "abc", "x");
        add(cases, "", "printf", "%i|%d\\n", "-0x10", "0777");
        add(cases, "", "printf", "%g %g %g\\n", "0.0000123", "123.456e10", "-0");
        add(cases, "", "echo", "-e", "\\x", "\\x4", "\\x41A", "\\101\\1011");
        add(cases, "", "ls", "-S", "a.txt", "nums.txt", "b.txt");
        add(cases, "", "printf", "[%5b]\\n", "x");
        add(cases, "", "printf", "[%05s]\\n", "x");
        add(cases, "", "printf", "[%#d]\\n", "1");
        add(cases, "", "printf", "[%.2c]\\n", "x");
        add(cases, "", "printf", "[%'d]\\n", "1234567");
        add(cases, "", "printf", "abc%");
        add(cases, "", "wc", "dir", "a.txt");
        add(cases, "", "head", "-n", "1", "dir", "a.txt");
        add(cases, "", "tail", "-n", "1", "a.txt", "dir");
        add(cases, "", "cat", "dir", "b.txt");
        add(cases, "", "cut", "-c1", "dir", "b.txt");
        add(cases, "", "sort", "dir");
        add(cases, "", "uniq", "dir");
        // error messages
        add(cases, "", "grep", "a[", "a.txt");
        add(cases, "", "grep", "-E", "a(", "a.txt");
        add(cases, "", "grep", "\\(a", "a.txt");
        add(cases, "", "grep", "--bogus", "a.txt");
        add(cases, "", "grep");
        add(cases, "", "sort", "-k0", "a.txt");
        add(cases, "", "sort", "-t", "ab", "a.txt");
        add(cases, "", "sort", "--bogus");
        add(cases, "", "cut", "-d", "ab", "-f1", "a.txt");
        add(cases, "", "cut", "-c", "a.txt");
        add(cases, "", "cut", "-f", "3-1", "a.txt");
        add(cases, "", "mkdir", "a.txt");
        add(cases, "", "mkdir");
        add(cases, "", "mkdir", "x/y/z");
        add(cases, "", "rm");
        add(cases, "", "rm", "-r", ".");
        add(cases, "", "cp", "dir", "x");
        add(cases, "", "cp");
        add(cases, "", "cp", "a.txt", "a.txt");
        add(cases, "", "cp", "a.txt", "nodir/x");
        add(cases, "", "cp", "a.txt", "b.txt", "dir");
        add(cases, "", "cp", "-r", "dir", "dir2");
        add(cases, "", "cp", "-r", "dir", "dir/sub");
        add(cases, "", "mv", "a.txt", "dir");
        add(cases, "", "mv", "a.txt", "nodir/x");
        add(cases, "", "rm", "-r", "dir", "missing.txt");
        add(cases, "", "rm", "-rf", "dir", "missing.txt");
        add(cases, "", "rm", "-d", "dir");
        add(cases, "", "mkdir", "-p", "a.txt/x");
        add(cases, "", "mkdir", "-m", "bogus", "new");
        add(cases, "", "touch", "-d", "nonsense", "x");
        add(cases, "", "touch", "nodir/x");
        add(cases, "", "mv", "missing.txt", "x");
        add(cases, "", "mv", "dir", "dir/sub");
        add(cases, "", "uniq", "a.txt", "b", "c");
        add(cases, "", "seq");
        add(cases, "", "seq", "1", "2", "3", "4");
        add(cases, "", "tr", "abc");
        add(cases, "", "tr", "z-a", "x");
        add(cases, "", "wc", "-x");
        add(cases, "a\u0000b\u0000c\u0000", "head", "-z", "-n", "2");
        add(cases, "a\u0000b\u0000c", "tail", "-z", "-n", "2");
        add(cases, "", "head", "--lines");
        add(cases, "", "tail", "-c", "1x", "a.txt");
        add(cases, "", "cat", "--number-nonblank", "--bogus");
        add(cases, "", "ls", "-y");
        add(cases, "", "grep", "[a", "a.txt");
        add(cases, "", "grep", "[[:foo:]]", "a.txt");
        add(cases, "", "grep", "a\\{1", "a.txt");
        add(cases, "", "grep", "a\\{1,x\\}", "a.txt");
        add(cases, "", "grep", "a\\{2,1\\}", "a.txt");
        add(cases, "", "grep", "\\{1\\}", "a.txt");
        add(cases, "", "grep", "[b-a]", "a.txt");
        add(cases, "", "grep", "a\\", "a.txt");
        add(cases, "", "grep", "a\\)", "a.txt");
        add(cases, "a{1\n", "grep", "-E", ")");
        add(cases, "a{1\n", "grep", "-E", "{1}a");
        add(cases, "a{1\n", "grep", "-E", "+a");
        add(cases, "a{1\nb\n", "grep", "-E", "x|*b");
        add(cases, "a{1\n", "grep", "-E", "a{1,2");
        add(cases, "", "cut", "-f", "x", "a.txt");
        add(cases, "", "cut", "-b", "1,,2", "a.txt");
        // more coverage
        add(cases, "", "env", "-i", "A=1", "env");
        add(cases, "", "env", "-i", "A=1", "B=2", "env", "-u", "A");
        add(cases, "", "env", "-", "X=y");
        add(cases, "", "env", "-i", "false");
        add(cases, "", "env", "-i", "no-such-command-anywhere");
        add(cases, "h\u00e9llo w\u00f6rld\n", "cut", "-b", "1-3");
        add(cases, "h\u00e9llo\n", "cat", "-v");
        add(cases, "h\u00e9llo\n", "wc", "-c");
        add(cases, "h\u00e9llo\n", "tr", "\\303\\251", "XY");
        add(cases, "a1b2\n", "tr", "[:digit:]", "[#*]");
        add(cases, "aaa\n", "tr", "a", "\\101");
        add(cases, "x,,z\n,\n", "sort", "-t", ",", "-k2,2", "-k3");
        add(cases, "b,2\na,10\nc,1\n", "sort", "-t,", "-k2n,2", "-r");
        add(cases, "B\nb\na\nA\n", "sort", "-f", "-u");
        add(cases, "B\nb\na\nA\n", "uniq", "-i", "-c");
        add(cases, "apple\napricot\nbanana\n", "uniq", "-w", "2", "-c");
        add(cases, "1 a\n2 a\n3 b\n", "uniq", "-f", "1", "-D");
        add(cases, "", "printf", "%s|%5s|%-5s|\\n", "h\u00e9", "\u00e9", "\u00e9");
        add(cases, "", "printf", "%x|%X|%o|%c\\n", "'\u00e9", "255", "0x1ff", "\u00e9t\u00e9");
        add(cases, "", "echo", "-e", "tab\\there\\\\ back\\a\\v");
        add(cases, "", "echo", "-ne", "no\\nnewline");
        add(cases, "", "echo", "-e", "-n", "x");
        add(cases, "", "echo", "-nn", "-e", "y");
        add(cases, "", "seq", "-w", "1", "10");
        add(cases, "", "seq", "-w", "-10", "5", "0");
        add(cases, "", "seq", "3", "-1", "-1");
        add(cases, "", "seq", "1.5", "3");
        add(cases, "", "seq", "-f", "x%gy", "3");
        add(cases, "", "seq", "-f", "%5.1f", "9.5", "0.5", "10.5");
        add(cases, "", "head", "--lines=2", "a.txt");
        add(cases, "", "head", "--bytes=3", "a.txt");
        add(cases, "", "tail", "--lines=+2", "a.txt");
        add(cases, "", "wc", "--lines", "a.txt");
        add(cases, "", "cat", "--number", "b.txt");
        add(cases, "", "grep", "--count", "--ignore-case", "B", "words.txt");
        add(cases, "", "grep", "--regexp=apple", "--line-number", "words.txt");
        add(cases, "", "sort", "--reverse", "--numeric-sort", "nums.txt");
        add(cases, "", "sort", "--key=2", "--field-separator=,", "csv.txt");
        add(cases, "", "cut", "--delimiter=,", "--fields=1", "csv.txt");
        add(cases, "", "ls", "--all", "dir");
        add(cases, "", "ls", "--recursive", "--reverse", "dir");
        add(cases, "", "env", "-u");
        add(cases, "", "env", "--bogus");
        add(cases, "", "sleep");
        add(cases, "", "printf");
        add(cases, "", "printf", "%d\\n", "x1");
        add(cases, "", "ls", "-a", "-d", "dir", ".");
        numbersAndOrderings(cases);
        recordsAndConstructs(cases);
        return cases.stream();
    }

    /** Hex, inf, nan and -0 in sort -g and seq; sort -V -M -h; printf %a (a long double's digits). */
    private static void numbersAndOrderings(List<Arguments> cases) {
        String numbers = "0x10\n9\ninf\n-inf\nnan\n-0\n0\n1e1\n0x1p3\n-nan\nx\n 0x1.8\n+5\n.5\n1e\n0x\n-0x2\n";
        add(cases, numbers, "sort", "-g");
        add(cases, numbers, "sort", "-gr");
        add(cases, numbers, "sort", "-gs");
        add(cases, numbers, "sort", "-gu");
        add(cases, numbers, "sort", "-n");
        add(cases, "a 0x10\nb nan\nc 3\nd -inf\n", "sort", "-k2g");
        add(cases, "", "seq", "0x10", "0x12");
        add(cases, "", "seq", "1", "0x2", "7");
        add(cases, "", "seq", "-0", "2");
        add(cases, "", "seq", "-w", "-0", "2");
        add(cases, "", "seq", "-s,", "-0", "1");
        add(cases, "", "seq", "-f", "%.2f", "-0", "1");
        add(cases, "", "seq", "-0.0", "1");
        add(cases, "", "seq", "0x1.8", "3");
        add(cases, "", "seq", "0x1p1", "3");
        add(cases, "", "seq", "0x1.8", "1000000", "1000001");
        add(cases, "", "seq", "-w", "0x1", "10");
        add(cases, "", "seq", "inf", "1");
        add(cases, "", "seq", "1", "-inf");
        add(cases, "", "seq", "nan");
        add(cases, "", "seq", "1", "nan");
        add(cases, "", "seq", "1", "0x0", "2");
        add(cases, "", "seq", "1", "-0", "2");
        add(cases, "", "seq", "2", "-0x1", "0");
        String versions = "a10\na9\na1.2\na1.10\nfoo-1.0.0\nfoo-1.0.0a\nfoo-1.0\nb\n.a\n~x\n1.0~rc1\n1.0\n"
                + "file.tar.gz\nfile-2.tar.gz\nfile-10.tar.gz\n..\n.\n\nv1.2.3-rc1\nv1.2.3\nx0010\nx010\n";
        add(cases, versions, "sort", "-V");
        add(cases, versions, "sort", "-Vr");
        add(cases, "p 1.10\nq 1.9\nr 1.9a\n", "sort", "-k2V");
        add(cases, "JAN\nfeb\n Mar\nxyz\ndec\nDEC\n\nmay\nJanuary\nJA\nsep 2\nsep 1\n", "sort", "-M");
        add(cases, "JAN\nfeb\n Mar\nxyz\ndec\n", "sort", "-Mr");
        add(cases, "x jun\ny APR\nz nov\n", "sort", "-k2M");
        String sizes = "1K\n2M\n1G\n500\n1k\n-1K\n0\n1.5K\n2T\nx\n1E\n2000\n0K\n-2M\n-500\n 3K\n1Ki\n";
        add(cases, sizes, "sort", "-h");
        add(cases, sizes, "sort", "-hr");
        add(cases, "a 10M\nb 900K\nc 1G\n", "sort", "-k2h");
        add(cases, "", "sort", "-g", "-n", "a.txt");
        add(cases, "", "sort", "-Vn", "a.txt");
        add(cases, "", "printf", "%a %a %a %a %A\\n", "1", "0.5", "255", "-0", "3.25");
        add(cases, "", "printf", "%.3a|%10a|%-12a|%010a|%.0a|%.1a\\n", "1", "2", "3", "4", "1.5", "0.96875");
        add(cases, "", "printf", "%a|%a|%a|%a|%a\\n", "0.1", "1e-10", "inf", "-nan", "0x1p-2");
        add(cases, "", "printf", "%#a %#.0a %+a % a %La\\n", "1", "1", "1", "1", "-2.5");
    }

    /** NUL-terminated records (cut -z, uniq -z), uniq's groups, grep -b, tr's class rules, cat -E on CR. */
    private static void recordsAndConstructs(List<Arguments> cases) {
        add(cases, "a\tb\u0000c\td\u0000e\n\tf\u0000", "cut", "-z", "-f2");
        add(cases, "a,b\u0000c,d", "cut", "-z", "-d,", "-f1");
        add(cases, "abc\u0000def\u0000", "cut", "-z", "-c2-");
        add(cases, "a\u0000a\u0000b\u0000", "uniq", "-z");
        add(cases, "a\u0000a\u0000b\u0000", "uniq", "-zc");
        add(cases, "a\u0000a\u0000b\u0000b", "uniq", "-zd");
        add(cases, "a\na\nb\nc\nc\n", "uniq", "--group");
        add(cases, "a\na\nb\nc\nc\n", "uniq", "--group=both");
        add(cases, "a\na\nb\nc\nc\n", "uniq", "--group=prepend");
        add(cases, "a\na\nb\nc\nc\n", "uniq", "--group=append");
        add(cases, "a\na\nb\nc\nc\n", "uniq", "--group=sep");
        add(cases, "a\na\nb\n", "uniq", "--group", "-c");
        add(cases, "a\na\nb\n", "uniq", "--group=x");
        add(cases, "a\u0000a\u0000b\u0000", "uniq", "-z", "--group");
        add(cases, "", "uniq", "--group", "-i", "dups.txt");
        add(cases, "a\na\nb\nc\nc\nd\n", "uniq", "--all-repeated=separate");
        add(cases, "a\na\nb\nc\nc\nd\n", "uniq", "--all-repeated=prepend");
        add(cases, "a\na\nb\nc\nc\nd\n", "uniq", "--all-repeated=none");
        add(cases, "one\ntwo\nthree two\n", "grep", "-b", "two");
        add(cases, "one\ntwo\nthree two\n", "grep", "-bo", "two");
        add(cases, "one\ntwo\nthree two\n", "grep", "-bn", "-C1", "three");
        add(cases, "", "grep", "-b", "-H", "a", "a.txt", "b.txt");
        add(cases, "", "grep", "--byte-offset", "-v", "e", "words.txt");
        add(cases, "hello 123\n", "tr", "a-z", "[:upper:]");
        add(cases, "hello 123\n", "tr", "[:lower:]", "[:upper:]x");
        add(cases, "hello 123\n", "tr", "[:lower:]x", "[:upper:]");
        add(cases, "hello 123\n", "tr", "[:digit:]", "[:upper:]");
        add(cases, "hello 123\n", "tr", "x[:lower:]", "[:upper:]y");
        add(cases, "hello 123\n", "tr", "[:lower:]", "x[:upper:]");
        add(cases, "hello 123 ab\n", "tr", "[:lower:][:digit:]", "[:upper:]x");
        add(cases, "hello 123 ab\n", "tr", "[:lower:]ab", "[:upper:]xy");
        add(cases, "hello 123 ab\n", "tr", "ab[:lower:]", "xy[:upper:]");
        add(cases, "HELLO 123\n", "tr", "[:upper:]", "[:lower:]");
        add(cases, "hello 123\n", "tr", "[:lower:]", "[:digit:]");
        add(cases, "hello 123\n", "tr", "[:alpha:]", "[:upper:]");
        add(cases, "hello 123\n", "tr", "-t", "[:lower:]x", "[:upper:]");
        add(cases, "a\r\nb\r\n\r\nc\rd\n", "cat", "-E");
        add(cases, "a\r\nb\r\n", "cat", "-A");
        add(cases, "a\r\nb\r", "cat", "-En");
        add(cases, "a\r\nb\r\n", "cat", "-ET");
    }

    /**
     * Command lines run in the C.UTF-8 locale on both sides (the kernel's default LANG): character
     * handling of grep and wc. Inputs are byte strings (one char per byte), so invalid UTF-8 can
     * be written.
     */
    static Stream<Arguments> utf8Cases() {
        List<Arguments> cases = new ArrayList<>();
        String words = utf8("h\u00e9llo w\u00f6rld \u00c9T\u00c9 \u4e2d\u6587 na\u00efve\nplain ascii\n");
        add(cases, words, "grep", "-o", ".");
        add(cases, words, "grep", "-o", "[[:alpha:]]*");
        add(cases, words, "grep", "-io", "\u00e9t\u00e9");
        add(cases, words, "grep", "-i", "\u00c9LLO");
        add(cases, words, "grep", "-c", "h.llo");
        add(cases, words, "grep", "-o", "w..ld");
        add(cases, words, "grep", "-E", "-o", "\\w+");
        add(cases, words, "grep", "-bo", "\u00e9");
        add(cases, words, "grep", "-w", "-o", "na.ve");
        add(cases, words, "grep", "-F", "-i", "\u00e9T\u00e9");
        // glibc's regex refuses a range with a non-ASCII end in C.UTF-8 (gawk does not)
        add(cases, words, "grep", "[\u00e0-\u00e9]");
        add(cases, words, "grep", "-E", "-o", "[a-\u00e9]+");
        add(cases, words, "grep", "-o", "[^[:upper:] ]\\+");
        add(cases, utf8("a\u00e9b\n") + "c\u00ffd\nplain\n", "grep", "-c", "^.*$");
        add(cases, "x\u00ff\nok\n", "grep", "ok");
        add(cases, words, "wc", "-L");
        add(cases, words, "wc", "-m");
        add(cases, words, "wc");
        add(cases, "a\u00ffb\n", "wc", "-m");
        add(cases, "a\u00c3b\n\u00c3\u00a9\n", "wc", "-mc");
        add(cases, "a\u00ff b\n\u00e4\u00b8\n", "wc", "-mw");
        add(cases, utf8("\u4e2d\u6587\u5b57\nab\ne\u0301\u0301\n\t\u4e2d\n"), "wc", "-L");
        add(cases, utf8("\u00a0x\u2003y\u3000z\n"), "wc", "-w");
        return cases.stream();
    }

    /** The UTF-8 bytes of {@code text} as a byte string. */
    private static String utf8(String text) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Command lines run with standard output on /dev/full: the commands whose write-error wording
     * is stable across GNU versions (wc and sort word it differently from one version to the next).
     */
    static Stream<Arguments> fullDeviceCases() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "", "cat", "a.txt");
        add(cases, "", "cat", "-n", "a.txt");
        add(cases, "", "echo", "hi");
        add(cases, "", "printf", "%s\\n", "x");
        add(cases, "", "head", "-n", "1", "a.txt");
        add(cases, "", "head", "-c", "3", "a.txt");
        add(cases, "", "tail", "-n", "1", "a.txt");
        add(cases, "", "seq", "3");
        add(cases, "", "uniq", "dups.txt");
        add(cases, "", "cut", "-c1", "a.txt");
        add(cases, "", "ls", "a.txt");
        add(cases, "", "ls", "-l", "dir");
        add(cases, "", "grep", "a", "a.txt");
        add(cases, "", "env", "-i", "A=1");
        add(cases, "", "pwd");
        add(cases, "x\n", "tee");
        add(cases, "", "yes");
        add(cases, "", "cat", "--help");
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String input, String... argv) {
        cases.add(Arguments.of(String.join(" ", argv), input, List.of(argv)));
    }
}
