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
 * awk against gawk in POSIX mode ({@code gawk --posix}), gawk itself for the extensions we
 * share with it, and onetrue-awk ({@code original-awk}) for a portable subset: output and exit
 * status must agree; messages differ between awks, so only whether there is one is compared.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AwkDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runReferenceAwks() {
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
    void agreesWithTheReferenceAwk(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    /** A case checked against {@code gawk --posix}. */
    private static TextCase posix(String input, String... args) {
        return against(input, List.of("gawk", "--posix"), args);
    }

    /** A case checked against gawk with its extensions. */
    private static TextCase gawk(String input, String... args) {
        return against(input, List.of("gawk"), args);
    }

    /** A case checked against onetrue-awk. */
    private static TextCase onetrue(String input, String... args) {
        return against(input, List.of("original-awk"), args);
    }

    private static TextCase against(String input, List<String> reference, String... args) {
        List<String> ours = new ArrayList<>(List.of("awk"));
        ours.addAll(List.of(args));
        List<String> theirs = new ArrayList<>(reference);
        theirs.addAll(List.of(args));
        return TextCase.of(input, ours.toArray(String[]::new)).oracle(theirs.toArray(String[]::new)).loose();
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        // fields and records
        c.add(posix("", "{ print $1 }", "people.txt"));
        c.add(posix("", "{ print $NF, NF }", "people.txt"));
        c.add(posix("", "{ print $(NF-1) }", "people.txt"));
        c.add(posix("", "-F,", "{ print $2 }", "csv.txt"));
        c.add(posix("", "-F", ":", "{ print NF \": \" $2 }", "fields.txt"));
        c.add(posix("", "-F", "\\t", "{ print $3 }", "tabs.txt"));
        c.add(posix("", "BEGIN { FS = \",\" } NR > 1 { print $1 }", "csv.txt"));
        c.add(posix("", "{ FS = \",\" } { print $1 }", "csv.txt"));
        c.add(posix("", "-F", "[0-9]+", "{ print $1 \"|\" $2 }", "mixed.txt"));
        c.add(posix("", "{ $2 = \"X\"; print }", "people.txt"));
        c.add(posix("", "BEGIN { OFS = \"-\" } { $1 = $1; print }", "people.txt"));
        c.add(posix("", "{ $5 = \"e\"; print; print NF }", "people.txt"));
        c.add(posix("", "{ NF = 2; print }", "people.txt"));
        c.add(posix("", "{ $0 = \"x y z\"; print NF, $2 }", "b.txt"));
        c.add(posix("  lead   and trail  \n", "{ print NF; print $1 \"|\" $2 }"));
        c.add(posix("", "BEGIN { RS = \"\" } { print NR \": \" $1, $NF }", "para.txt"));
        c.add(posix("", "BEGIN { RS = \"\"; FS = \":\" } { print NF }", "para.txt"));
        c.add(posix("a;b;c", "BEGIN { RS = \";\" } { print NR, $0 }"));
        c.add(posix("", "BEGIN { ORS = \"|\" } { print }", "b.txt"));
        c.add(posix("", "{ print NR, FNR, FILENAME }", "a.txt", "b.txt"));
        c.add(posix("", "END { print NR, $0 }", "a.txt"));
        c.add(posix("", "{ print length() }", "words.txt"));
        c.add(posix("", "length > 5", "words.txt"));
        // patterns
        c.add(posix("", "/apple/", "words.txt"));
        c.add(posix("", "!/a/", "words.txt"));
        c.add(posix("", "$2 > 20", "people.txt"));
        c.add(posix("", "$2 == 25 { print $1 }", "people.txt"));
        c.add(posix("", "NR == 2, NR == 4", "nums.txt"));
        c.add(posix("", "/4/, /7/ { print \"in\", $0 }", "nums.txt"));
        c.add(posix("", "$1 ~ /^[ab]/ && $2 !~ /5/", "people.txt"));
        c.add(posix("", "NR % 3 == 0", "nums.txt"));
        c.add(posix("", "BEGIN { print \"start\" } END { print \"end\" }", "a.txt"));
        c.add(posix("", "END { print NR }", "empty.txt"));
        // arithmetic, strings and conversions
        c.add(posix("", "{ s += $1 } END { print s, s / NR }", "nums.txt"));
        c.add(posix("", "BEGIN { print 1/3, 2^10, 2^0.5, 7 % 3, -7 % 3, 1e6, 1e16, 123456789012 }"));
        c.add(posix("", "BEGIN { print 0.1 + 0.2, 100000 * 100000, 3.0, \"3.0\" + 0, 1e300 * 1e300 }"));
        c.add(posix("", "BEGIN { x = \"10\"; y = 9; print (x < y), (\"10\" < \"9\"), (x + 0 < y) }"));
        c.add(posix("10 9\n", "{ print ($1 < $2), ($1 < \"9\") }"));
        c.add(gawk("", "{ print $1 + 0 }", "numbers.txt"));
        c.add(gawk("", "{ print ($1 == $1 + 0) }", "numbers.txt"));
        c.add(posix("", "BEGIN { CONVFMT = \"%.2f\"; a = 3.14159; b = a \"\"; print b; OFMT = \"%.3f\"; print a, a \"\" }"));
        c.add(posix("", "BEGIN { x; print x + 0, \"[\" x \"]\", length(x) }"));
        c.add(posix("", "BEGIN { print 1 \" \" -1; x = 5; print x -1; print x \" \" -1 }"));
        c.add(posix("", "BEGIN { print 2^3^2, -2^2, !0 + 1, 1 - -1, !\"\", !\"a\" }"));
        c.add(posix("", "BEGIN { i = 5; print i++ + ++i, i--, i }"));
        c.add(posix("", "BEGIN { a = b = 3; a += 2; b ^= 2; a %= 4; print a, b; c = d += 1; print c, d }"));
        c.add(posix("", "BEGIN { print (1 == 1) ? \"yes\" : \"no\"; print 1 < 2 ? \"a\" : \"b\" }"));
        c.add(posix("", "BEGIN { print int(3.9), int(-3.9), int(\"4x\"), sqrt(16), exp(0), log(1), sin(0), cos(0) }"));
        c.add(posix("", "BEGIN { printf \"%.5f %.5f\\n\", atan2(0, -1), exp(1) }"));
        // string functions
        c.add(posix("", "BEGIN { print length(\"abc\"), substr(\"hello\", 2, 3), substr(\"hello\", 0, 2), substr(\"hello\", -1), substr(\"hello\", 3) }"));
        c.add(posix("", "BEGIN { print substr(\"hello\", 1.5), substr(\"hello\", 2, 1.5), \"[\" substr(\"hello\", 3, -1) \"]\" }"));
        c.add(posix("", "BEGIN { print index(\"abcabc\", \"ca\"), index(\"abc\", \"x\"), toupper(\"abc1\"), tolower(\"ABC\") }"));
        c.add(posix("", "BEGIN { n = split(\"a:b:c\", arr, \":\"); print n, arr[1], arr[3] }"));
        c.add(posix("", "BEGIN { n = split(\"  a  b  \", arr); print n, arr[1] arr[2] }"));
        c.add(posix("", "BEGIN { n = split(\"a1b22c\", arr, /[0-9]+/); print n, arr[2], arr[3] }"));
        c.add(gawk("", "BEGIN { n = split(\"\", arr); print n, length(arr) }"));
        c.add(posix("", "BEGIN { s = \"aaa\"; print gsub(/a/, \"b\", s), s }"));
        c.add(posix("", "BEGIN { s = \"hello\"; sub(/l+/, \"[&]\", s); print s; t = \"a.b.c\"; gsub(/\\./, \"\\\\&\", t); print t }"));
        c.add(posix("", "{ gsub(/a/, \"A\"); print }", "words.txt"));
        c.add(posix("", "{ n = gsub(/[aeiou]/, \"\"); print n, $0, NF }", "people.txt"));
        c.add(posix("baaac\n", "{ gsub(/a*/, \"x\"); print }"));
        c.add(posix("hello\n", "{ gsub(/l*/, \"<&>\"); print }"));
        c.add(posix("", "BEGIN { print match(\"foobar\", /o+/), RSTART, RLENGTH; print match(\"abc\", /x/), RSTART, RLENGTH }"));
        c.add(posix("", "{ if (match($0, /[0-9]+/)) print substr($0, RSTART, RLENGTH) }", "mixed.txt"));
        c.add(posix("", "BEGIN { re = \"^a.c$\"; print (\"abc\" ~ re), (\"abbc\" ~ re), \"x.y\" ~ \"x\\\\.y\" }"));
        c.add(posix("", "BEGIN { x = sprintf(\"%5.2f|%-5d|%05d|%x|%o|%e|%g|%c|%c|%s|%10.3s|\", 3.14159, 42, 42, 255, 8, 12345.678, 0.0001234, 65, \"hello\", \"str\", \"abcdef\"); print x }"));
        c.add(posix("", "BEGIN { printf \"%d %i %5.3d %+d % d %%\\n\", -2.7, 3, 7, 5, 5 }"));
        c.add(posix("", "BEGIN { printf \"%*d|%-*s|%.*f\\n\", 5, 42, 4, \"ab\", 2, 3.14159 }"));
        c.add(posix("", "BEGIN { printf \"%g %g %g %g %G\\n\", 100000, 1000000, 0.0001, 123456789, 1e-10 }"));
        c.add(posix("", "BEGIN { printf \"%.0f %.0f %.0f %.2f %.3e\\n\", 0.5, 1.5, 2.5, 2.675, 12345 }"));
        c.add(posix("", "BEGIN { printf \"%s %s %d\\n\", \"only\" }"));
        c.add(posix("65\n", "{ printf \"%c%c\\n\", $1, \"66\" }"));
        c.add(posix("", "{ printf \"%-8s|%5s|\\n\", $1, $2 }", "people.txt"));
        // arrays
        c.add(gawk("", "{ count[$2]++ } END { print count[25], count[30], count[7], length(count) }", "people.txt"));
        c.add(posix("", "{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }", "a.txt"));
        c.add(posix("", "BEGIN { a[1]; print (1 in a), (2 in a); delete a[1]; print (1 in a) }"));
        c.add(posix("", "BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; print ((1,2) in a) }"));
        c.add(gawk("", "BEGIN { a[\"x\"] = 1; delete a; print length(a) }"));
        c.add(posix("", "{ seen[$0]++ } END { n = 0; for (k in seen) n++; print n }", "dups.txt"));
        c.add(posix("", "!seen[$0]++", "dups.txt"));
        c.add(posix("", "BEGIN { a[01] = \"x\"; print a[1], a[\"1\"], a[\"01\"] \"|\" }"));
        c.add(posix("", "BEGIN { a[0.1 + 0.2] = 1; for (k in a) print k }"));
        // control flow
        c.add(posix("", "BEGIN { for (i = 0; i < 5; i++) { if (i == 1) continue; if (i == 4) break; print i } }"));
        c.add(posix("", "BEGIN { i = 0; while (i < 3) print i++; do { print \"once\" } while (0) }"));
        c.add(posix("", "NR == 2 { next } { print }", "a.txt"));
        c.add(posix("", "NR == 3 { exit 3 } { print } END { print \"end\" }", "nums.txt"));
        c.add(posix("", "BEGIN { exit } END { print \"end runs\" }", "a.txt"));
        c.add(posix("", "BEGIN { exit 1 } END { exit }", "a.txt"));
        c.add(posix("", "{ if ($2 > 20) print $1; else if ($2 > 5) print \"young\", $1; else print \"?\" }", "people.txt"));
        c.add(posix("", "BEGIN { while (1) { n++; if (n > 3) break }; print n }"));
        // functions
        c.add(posix("", "function f(x) { return x * 2 } BEGIN { print f(3), f(\"4\") }"));
        c.add(posix("", "function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10) }"));
        c.add(gawk("", "function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); print sq[3], length(sq) }"));
        c.add(posix("", "function loc(a,   b) { b = a + 1; return b } BEGIN { b = 10; print loc(1), b }"));
        c.add(posix("", "function noret() { x = 1 } BEGIN { v = noret(); print \"[\" v \"]\", x }"));
        c.add(posix("", "-f", "prog.awk", "people.txt"));
        c.add(posix("", "-f", "wc.awk", "a.txt", "words.txt"));
        // variables from the command line
        c.add(posix("", "-v", "n=3", "NR <= n", "nums.txt"));
        c.add(posix("", "-v", "s=a\\tb", "BEGIN { print s }"));
        c.add(posix("", "{ print x, $1 }", "x=1", "a.txt", "x=2", "b.txt"));
        c.add(posix("", "BEGIN { print ARGC, ARGV[1], ARGV[2] }", "a.txt", "b.txt"));
        c.add(posix("", "BEGIN { ARGV[1] = \"b.txt\" } { print }", "a.txt"));
        c.add(posix("", "-F:", "-v", "OFS=;", "{ $1 = $1 } 1", "fields.txt"));
        c.add(posix("", "BEGIN { print ENVIRON[\"TZ\"], ENVIRON[\"LC_ALL\"] }"));
        // getline and redirections
        c.add(posix("", "NR == 1 { getline; print \"after getline:\", $0, NR }", "a.txt"));
        c.add(posix("", "NR == 1 { getline line; print \"line:\", line, \"$0:\", $0, NR }", "a.txt"));
        c.add(posix("", "BEGIN { while ((getline line < \"b.txt\") > 0) print \"got\", line; close(\"b.txt\"); getline x < \"b.txt\"; print x }"));
        c.add(posix("", "BEGIN { print (getline line < \"missing.txt\") }"));
        c.add(posix("", "BEGIN { getline < \"a.txt\"; print $0, NF, NR }"));
        c.add(posix("", "{ print $1 > \"out.txt\" } END { close(\"out.txt\"); while ((getline l < \"out.txt\") > 0) print \"file:\", l }", "people.txt"));
        c.add(posix("", "BEGIN { print \"one\" > \"o.txt\"; print \"two\" >> \"o.txt\"; close(\"o.txt\"); print \"three\" >> \"o.txt\"; close(\"o.txt\"); while ((getline l < \"o.txt\") > 0) print l }"));
        c.add(posix("", "BEGIN { printf \"%s\\n\", \"err\" > \"/dev/stderr\"; print \"out\" > \"/dev/stdout\" }"));
        c.add(posix("", "{ print > ($2 > 20 ? \"old.txt\" : \"young.txt\") } END { close(\"old.txt\"); while ((getline l < \"old.txt\") > 0) print l }", "people.txt"));
        // extensions shared with gawk
        c.add(gawk("", "FNR == 2 { nextfile } { print FILENAME, $0 }", "a.txt", "b.txt"));
        c.add(gawk("", "BEGIN { RS = \"[0-9]+\" } { print NR \": \" $0 }", "mixed.txt"));
        c.add(gawk("", "BEGIN { print 2 ** 3; x = 2; x **= 3; print x }"));
        c.add(gawk("", "{ a[$1] = $2 } END { print length(a) }", "people.txt"));
        c.add(gawk("", "func f(x) { return x + 1 } BEGIN { print f(1); fflush() }"));
        c.add(gawk("", "BEGIN { FS = \"\" } { print NF, $1, $3 }", "b.txt"));
        // idioms from real scripts
        c.add(posix("", "NR == FNR { keep[$1]; next } $1 in keep", "b.txt", "words.txt"));
        c.add(posix("", "NR == FNR { n[$1] = $2; next } { print $1, ($1 in n) ? n[$1] : \"-\" }", "people.txt", "words.txt"));
        c.add(posix("", "{ $0 = tolower($0) } /banana/", "words.txt"));
        c.add(posix("", "-F=", "{ print substr($0, index($0, \"=\") + 1) }", "conf.ini"));
        c.add(posix("", "{ lines = lines $0 \";\" } END { print lines }", "a.txt"));
        c.add(posix("", "BEGIN { while ((getline line) > 0) n += length(line); print n }", "a.txt"));
        c.add(posix("", "{ n = split($0, ch, \"\"); print n, ch[1], ch[n] }", "b.txt"));
        c.add(posix("", "BEGIN { print index(\"foo\", \"\"), -x, length(), substr(\"abc\", 2, 0) \"|\", toupper(123) }"));
        c.add(posix("", "BEGIN { printf \"%d items\\n\", \"3 apples\"; printf \"%5.1f%%\\n\", 12.345; print 2^53 + 1 }"));
        c.add(posix("", "BEGIN { OFMT = \"%.2f\"; print 3.14159, 3, 1e300, 17 / 4 }"));
        c.add(posix("", "{ for (k in a) delete a[k]; a[$1] = NR } END { for (k in a) print k, a[k] }", "a.txt"));
        c.add(posix("", "-v", "p=ba", "$0 ~ \"^\" p", "words.txt"));
        c.add(posix("", "{ print > ($2 \".out\") } END { close(\"25.out\"); while ((getline l < \"25.out\") > 0) print \"25:\", l }", "people.txt"));
        c.add(posix("", "/[/]/ { n++ } END { print n + 0 }", "paths.txt"));
        c.add(posix("", "BEGIN { printf(\"%s-%s\\n\", \"a\", \"b\") > \"/dev/stderr\"; print \"ok\" }"));
        c.add(posix("", "$2 == \"25\" { print $1 } $2 == 25.0 { print \"num\", $1 }", "people.txt"));
        c.add(posix("", "{ sum[$3] += $2 } END { print sum[\"paris\"], sum[\"lima\"] }", "people.txt"));
        c.add(posix("", "BEGIN { s = \"a b  c\"; gsub(/ +/, \" \", s); n = split(s, w, / /); print n, w[3] }"));
        c.add(posix("", "{ printf \"%s%s\", (NR > 1 ? \",\" : \"\"), $1 } END { print \"\" }", "people.txt"));
        c.add(posix("", "BEGIN { getline first < \"a.txt\"; getline second < \"a.txt\"; print first \"+\" second }"));
        c.add(gawk("", "{ print }", "a.txt").toFullDevice());
        // errors
        c.add(posix("", "BEGIN { x = }"));
        c.add(posix("", "{ print $1 ", "a.txt"));
        c.add(posix("", "{ print }", "missing.txt"));
        c.add(posix("", "BEGIN { x = 0; print 1 / x }"));
        c.add(posix("", "-f", "missing.awk"));
        c.add(posix("", "BEGIN { f(1) }"));
        // the same programs against onetrue-awk
        c.add(onetrue("", "{ s += $2 } END { print s, NR }", "people.txt"));
        c.add(onetrue("", "-F,", "NR > 1 { n[$3]++ } END { print n[\"paris\"] + 0 }", "csv.txt"));
        c.add(onetrue("", "{ printf \"%-6s %3d\\n\", $1, $2 * 2 }", "people.txt"));
        c.add(onetrue("", "BEGIN { print substr(\"hello\", 2), index(\"hello\", \"l\"), length(\"hello\") }"));
        c.add(onetrue("", "/ERROR/ { split($5, kv, \"=\"); print kv[2] }", "log.txt"));
        c.add(onetrue("", "{ $3 = \"\"; print; print NF }", "people.txt"));
        c.add(onetrue("", "function add(a, b) { return a + b } { print add($2, 1) }", "people.txt"));
        c.add(onetrue("", "BEGIN { while ((getline l < \"a.txt\") > 0) n++; print n }"));
        // fields made values only when read: assignments, NF changes and $0 rebuilt around untouched ones
        c.add(posix("", "{ s += $2 } END { print s }", "people.txt"));
        c.add(posix("", "-F,", "{ $1 = \"x\"; print; print $3, NF }", "csv.txt"));
        c.add(posix("", "{ NF = 2; print; $5 = \"e\"; print; print NF }", "people.txt"));
        c.add(posix("", "-F,", "{ t = $3; $0 = \"p,q\"; print t, $2, NF }", "csv.txt"));
        utf8Cases(c);
        return c;
    }

    /**
     * Characters in the C.UTF-8 locale on both sides, against gawk (U+DCXX in an input stands
     * for the byte XX, not UTF-8); and one in the C locale, where the same text is bytes.
     */
    private static void utf8Cases(List<TextCase> c) {
        String text = "h\u00e9llo w\u00f6rld\n\u65e5\u672c\u8a9e \u00df\n";
        c.add(gawk(text, "{ print length($0), length($1), substr($0, 2, 3) }"));
        c.add(utf8(text, "{ print length($0), length($1), substr($0, 2, 3) }"));
        c.add(utf8(text, "{ print length, index($0, \"l\"), index($0, \"\u00f6\") }"));
        c.add(utf8(text, "{ print toupper($0); print tolower(\"\u00c9COLE \u00c0\") }"));
        c.add(utf8(text, "{ if (match($0, /l+/)) print RSTART, RLENGTH; print match($0, /[\u00e9\u00f6]/), RSTART }"));
        c.add(utf8(text, "{ n = split($0, a, \"\"); print n, a[2], a[n] }"));
        c.add(utf8(text, "BEGIN { FS = \"\" } { print NF, $2, $3 }"));
        c.add(utf8(text, "{ gsub(/./, \"[&]\"); print }"));
        c.add(utf8(text, "{ gsub(/[^a-z ]/, \"_\"); print }"));
        c.add(utf8(text, "{ r = \"\"; for (i = length($0); i > 0; i--) r = r substr($0, i, 1); print r }"));
        c.add(utf8("", "BEGIN { printf \"%c|%c|%c|%c\\n\", 65, 233, 8364, \"\u00e9a\" }"));
        c.add(utf8("", "BEGIN { printf \"[%.2s][%5s][%-4s][%3c]\\n\", \"h\u00e9llo\", \"\u00e9\", \"\u00fc\", \"\u00e9\" }"));
        c.add(utf8("", "BEGIN { s = \"\\303\\251t\\303\\251\"; print length(s), s, substr(s, 2) }"));
        c.add(utf8("", "BEGIN { print length(\"\ud83d\ude00x\"), substr(\"a\ud83d\ude00b\", 2, 1), index(\"a\ud83d\ude00b\", \"b\") }"));
        c.add(utf8("a\u00e9b\u00e9c\n", "-F", "\u00e9", "{ print NF, $2 }"));
        c.add(utf8("x\u00e9y\u00e9z\n", "BEGIN { RS = \"\u00e9\" } { print NR \": \" $0 }"));
        c.add(utf8("caf\u00e9\nna\u00efve\n", "/^.{4}$/"));
        c.add(utf8("caf\u00e9\nna\u00efve\n", "{ sub(/.$/, \"\"); print }"));
        c.add(utf8("\u00e0b\u00c7\n", "{ gsub(/[[:upper:]]/, \"U\"); gsub(/[[:alpha:]]/, \"L\"); print }"));
        c.add(utf8("a\u00e9\u00ea\u00ebb\n", "{ gsub(/[\u00e9-\u00ea]/, \"X\"); print }"));
        c.add(utf8("h\udce9llo\n", "{ print ($0 ~ /^h.l/), ($0 ~ /^h[^a]l/); n = split($0, a, \"\"); print n }"));
        c.add(utf8("h\udce9llo\n", "{ print length($0), substr($0, 3), index($0, \"o\") }"));
        c.add(utf8("h\udce9llo\n", "BEGIN { FS = \"\" } { print NF; gsub(/./, \"x\"); print }"));
        c.add(utf8("", "-v", "s=\u00e9t\u00e9", "BEGIN { print length(s), toupper(s) }"));
        c.add(utf8("", "BEGIN { print length(ARGV[1]), substr(ARGV[1], 2, 1) }", "\u00e9t\u00e9"));
        c.add(utf8("\u00e9 \u00e0\n", "{ printf \"%-3s|%3s|\\n\", $1, $2 }"));
        c.add(utf8("\u00e9t\u00e9\n", "{ print tolower(toupper($0)) == $0, $0 < \"\u00ea\" }"));
    }

    /** A case run in the C.UTF-8 locale, checked against gawk. */
    private static TextCase utf8(String input, String... args) {
        return gawk(input, args).inUtf8Locale();
    }
}
