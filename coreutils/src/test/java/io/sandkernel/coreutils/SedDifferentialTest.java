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

/** sed against GNU sed 4.9: output, messages and exit status, byte for byte. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SedDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runGnuSed() {
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
    void agreesWithGnuSed(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        String abc = "a\nb\nc\n";
        // substitution
        c.add(TextCase.of("", "sed", "s/a/X/", "a.txt"));
        c.add(TextCase.of("", "sed", "s/a/X/g", "a.txt"));
        c.add(TextCase.of("", "sed", "s/a/X/2", "a.txt"));
        c.add(TextCase.of("", "sed", "s/a/X/2g", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "s/e/E/p", "a.txt"));
        c.add(TextCase.of("", "sed", "s/\\(al\\)\\(ph\\)/\\2\\1/", "a.txt"));
        c.add(TextCase.of("", "sed", "-E", "s/(a)(l|m)+/[\\2\\1]/g", "a.txt"));
        c.add(TextCase.of("", "sed", "-r", "s/^([a-z])([a-z]*)$/\\u\\1\\U\\2/", "words.txt"));
        c.add(TextCase.of("", "sed", "s/.*/\\L&/;s/^./\\u&/", "case.txt"));
        c.add(TextCase.of("hello world\n", "sed", "s/\\w\\+/\\u&/g;s/o/\\U&x\\Ey/"));
        c.add(TextCase.of("hello\n", "sed", "s/l*/<&>/g"));
        c.add(TextCase.of("baaac\n", "sed", "s/a*/x/g"));
        c.add(TextCase.of("", "sed", "s|/|::|g", "paths.txt"));
        c.add(TextCase.of("", "sed", "s,\\(.*\\)/\\(.*\\),\\2 in \\1,", "paths.txt"));
        c.add(TextCase.of("a/b\n", "sed", "s/[/]/X/"));
        c.add(TextCase.of("", "sed", "s/a\\|e/_/g", "a.txt"));
        c.add(TextCase.of("", "sed", "s/[[:digit:]]\\{2,\\}/N/g", "mixed.txt"));
        c.add(TextCase.of("", "sed", "-E", "s/[0-9]+/<&>/2", "mixed.txt"));
        c.add(TextCase.of("", "sed", "s/$/ END/;s/^/> /", "noeol.txt"));
        c.add(TextCase.of("", "sed", "s/\\bcat\\b/DOG/g", "sentences.txt"));
        c.add(TextCase.of("", "sed", "s/\\<c/C/g", "sentences.txt"));
        c.add(TextCase.of("", "sed", "s/A/x/Ig", "a.txt"));
        c.add(TextCase.of("", "sed", "s/<[^>]*>//g", "html.txt"));
        c.add(TextCase.of("", "sed", "-E", "s/ *= */=/", "conf.ini"));
        c.add(TextCase.of("", "sed", "s/\\r$//", "crlf.txt"));
        c.add(TextCase.of("", "sed", "s/\\t/<TAB>/g", "tabs.txt"));
        c.add(TextCase.of("abc\n", "sed", "s/b/\\n/"));
        c.add(TextCase.of("abc\n", "sed", "s/b/\\\n/"));
        c.add(TextCase.of("a.b\n", "sed", "s/\\x2e/P/"));
        c.add(TextCase.of("", "sed", "s/a/b/w out.txt", "a.txt").then("cat", "out.txt"));
        c.add(TextCase.of("x&y\n", "sed", "s/&/\\&\\&/"));
        c.add(TextCase.of("", "sed", "-n", "/ERROR/s/.*path=\\([^ ]*\\).*/\\1/p", "log.txt"));
        // addresses
        c.add(TextCase.of("", "sed", "-n", "3p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "$p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "3,5p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "/4/,/7/p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "0~4p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "1~3p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "5,+2p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "5,~4p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "4,~4p", "nums.txt"));
        c.add(TextCase.of("", "sed", "0,/1/d", "nums.txt"));
        c.add(TextCase.of("", "sed", "1,/1/d", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "7,3p", "nums.txt"));
        c.add(TextCase.of("", "sed", "2,4!d", "nums.txt"));
        c.add(TextCase.of("", "sed", "$!d", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "\\,1,p", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "/BETA/Ip", "a2.txt"));
        c.add(TextCase.of("", "sed", "-n", "/^$/=", "blank.txt"));
        c.add(TextCase.of("", "sed", "/^#/d;/^$/d", "conf.ini"));
        c.add(TextCase.of("", "sed", "-n", "/\\[extra\\]/,$p", "conf.ini"));
        c.add(TextCase.of("", "sed", "-n", "2{p;p}", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "/a/{/m/!p}", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "$=", "a.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "-s", "-n", "$=", "a.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "-s", "1d", "a.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "-n", "2,4p", "a.txt", "b.txt"));
        // commands
        c.add(TextCase.of("", "sed", "2i\\\ninserted", "a.txt"));
        c.add(TextCase.of("", "sed", "2a appended", "a.txt"));
        c.add(TextCase.of("", "sed", "$a\\\nlast\\\nlines", "a.txt"));
        c.add(TextCase.of("", "sed", "2c\\\nchanged", "a.txt"));
        c.add(TextCase.of("", "sed", "2,3c gone", "nums.txt"));
        c.add(TextCase.of("", "sed", "1i\\  two spaces", "b.txt"));
        c.add(TextCase.of("", "sed", "a foo\\nbar\\tbaz", "b.txt"));
        c.add(TextCase.of("", "sed", "-e", "a\\", "-e", "from next", "b.txt"));
        c.add(TextCase.of("", "sed", "$a the end", "noeol.txt"));
        c.add(TextCase.of("", "sed", "p", "noeol.txt"));
        c.add(TextCase.of("", "sed", "y/abg/ABG/", "a.txt"));
        c.add(TextCase.of("", "sed", "y/\\t/ /", "tabs.txt"));
        c.add(TextCase.of("", "sed", "=", "b.txt"));
        c.add(TextCase.of("", "sed", "-n", "l", "ctrl.txt"));
        c.add(TextCase.of("", "sed", "-n", "l 20", "long.txt"));
        c.add(TextCase.of("", "sed", "-n", "l", "long.txt"));
        c.add(TextCase.of("", "sed", "-l", "30", "-n", "l", "long.txt"));
        c.add(TextCase.of("", "sed", "3q", "nums.txt"));
        c.add(TextCase.of("", "sed", "3q7", "nums.txt"));
        c.add(TextCase.of("", "sed", "3Q", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "/3/{p;q}", "nums.txt"));
        c.add(TextCase.of("", "sed", "1!G;h;$!d", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "h;n;G;p", "nums.txt"));
        c.add(TextCase.of("", "sed", "$!N;s/\\n/ /", "nums.txt"));
        c.add(TextCase.of("", "sed", "N;N;s/\\n/,/g", "nums.txt"));
        c.add(TextCase.of("", "sed", "$!N;P;D", "dups.txt"));
        c.add(TextCase.of("", "sed", "$!N;/^\\(.*\\)\\n\\1$/!P;D", "dups.txt"));
        c.add(TextCase.of("", "sed", "n;d", "nums.txt"));
        c.add(TextCase.of("", "sed", "$!d;n;s/^/X/", "a.txt"));
        c.add(TextCase.of("", "sed", ":a;N;$!ba;s/\\n/+/g", "nums.txt"));
        c.add(TextCase.of("", "sed", ":a;s/^\\([0-9]\\{1,3\\}\\)\\([0-9]\\{3\\}\\)/\\1,\\2/;ta", "unsorted.txt"));
        c.add(TextCase.of("1234567\n", "sed", "-E", ":a;s/([0-9])([0-9]{3})($|,)/\\1,\\2\\3/;ta"));
        c.add(TextCase.of("", "sed", "s/a/A/;T;s/$/ (had a)/", "words.txt"));
        c.add(TextCase.of("", "sed", "s/x/y/;N;tl;s/^/NO/;:l", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "/e/{s/e/E/;t found;p;b;:found;s/$/!/p}", "words.txt"));
        c.add(TextCase.of("", "sed", "/beta/r b.txt", "a.txt"));
        c.add(TextCase.of("", "sed", "r missing.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "R b.txt", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "/a/w picked.txt", "words.txt").then("cat", "picked.txt"));
        c.add(TextCase.of("", "sed", "-n", "F;=", "a.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "2z", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "/a/{x;p;x}", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "H;${x;s/\\n/,/g;s/^,//;p}", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "1{h;d};H;${g;p}", "b.txt"));
        c.add(TextCase.of("", "sed", "/a/ s/a/b/ ; p", "b.txt"));
        c.add(TextCase.of("", "sed", "-n", "/x/{p};p", "a.txt"));
        c.add(TextCase.of("", "sed", "-e", "/beta/{", "-e", "s/b/B/", "-e", "}", "a.txt"));
        c.add(TextCase.of("", "sed", "-f", "script.sed", "a.txt"));
        c.add(TextCase.of("", "sed", "-f", "hashn.sed", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "-e", "2p", "-e", "3p", "nums.txt"));
        c.add(TextCase.of("", "sed", "--expression=1d", "--quiet", "-e", "p", "a.txt"));
        c.add(TextCase.of("", "sed", "-z", "s/\\n/,/g", "a.txt"));
        c.add(TextCase.of("", "sed", "-z", "s/^/>/", "nul.txt"));
        c.add(TextCase.of("", "sed", "-z", "N;l;d", "nul.txt"));
        c.add(TextCase.of(abc, "sed", "-n", "/b/=", "-"));
        c.add(TextCase.of(abc, "sed", "2d"));
        c.add(TextCase.of("", "sed", "p", "empty.txt"));
        c.add(TextCase.of("", "sed", "$d", "one.txt"));
        c.add(TextCase.of("", "sed", "-E", "s/^([^ ]+) ([^ ]+) ([0-9]+)$/\\3 \\2 \\1/", "table.txt"));
        c.add(TextCase.of("", "sed", "-n", "/ERROR/{s/^\\([^ ]*\\) \\([^ ]*\\).*code=\\([0-9]*\\)/\\1T\\2 \\3/;p}", "log.txt"));
        c.add(TextCase.of("", "sed", "-n", "/^\\[main\\]/,/^\\[/{/=/p}", "conf.ini"));
        c.add(TextCase.of("", "sed", "1~2{N;s/\\n/=/}", "nums.txt"));
        // idioms from real scripts
        c.add(TextCase.of("", "sed", "-n", "/beta/,/gamma/{//!p}", "a.txt"));
        c.add(TextCase.of("", "sed", "-n", "/\\[main\\]/,/^\\[/{//!p}", "conf.ini"));
        c.add(TextCase.of("", "sed", "s/.*/\"&\"/", "b.txt"));
        c.add(TextCase.of("", "sed", "/^$/N;/\\n$/D", "blank.txt"));
        c.add(TextCase.of("", "sed", "s/[[:space:]]*$//", "ws1.txt"));
        c.add(TextCase.of("", "sed", "/^#/!s/^/  /", "conf.ini"));
        c.add(TextCase.of("", "sed", "-E", "s/(an)+/<&>/g", "words.txt"));
        c.add(TextCase.of("", "sed", "y/abc/xyz/;s/x/&&/2", "words.txt"));
        c.add(TextCase.of("", "sed", "-n", "/apple/{n;p}", "words.txt"));
        c.add(TextCase.of("", "sed", "0~2s/$/ even/", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "$!{h;d};x;G;p", "a.txt"));
        c.add(TextCase.of("", "sed", "1!G;$p;h;d", "nums.txt"));
        c.add(TextCase.of("", "sed", "-n", "/=/{s/ *= */=/;s/^\\([^=]*\\)=\\(.*\\)/\\2=\\1/p}", "conf.ini"));
        c.add(TextCase.of("", "sed", "-e", ":a", "-e", "/\\\\$/N; s/\\\\\\n//; ta", "paths.txt"));
        c.add(TextCase.of("", "sed", "s/\\(^\\|[^0-9.]\\)\\([0-9]\\+\\)/\\1#\\2/g", "mixed.txt"));
        c.add(TextCase.of("", "sed", "-n", "2{p;q}; $p", "a.txt"));
        // in place
        c.add(TextCase.of("", "sed", "-i", "s/a/A/g", "a.txt").then("cat", "a.txt"));
        c.add(TextCase.of("", "sed", "-i.bak", "1d", "b.txt").then("cat", "b.txt", "b.txt.bak"));
        c.add(TextCase.of("", "sed", "-i", "-e", "$a added", "a.txt", "b.txt").then("cat", "a.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "-n", "-i", "2p", "nums.txt").then("cat", "nums.txt"));
        c.add(TextCase.of("", "sed", "--in-place=.orig", "s/one/1/", "b.txt").then("cat", "b.txt.orig", "b.txt"));
        c.add(TextCase.of("", "sed", "-i", "s/x/y/", "missing.txt", "b.txt").then("cat", "b.txt"));
        c.add(TextCase.of("x\n", "sed", "-i", "s/x/y/"));
        c.add(TextCase.of("", "sed", "-i", "p", "dir"));
        // write errors
        c.add(TextCase.of("", "sed", "p", "a.txt").toFullDevice());
        c.add(TextCase.of("", "sed", "-n", "$=", "nums.txt").toFullDevice());
        // errors
        c.add(TextCase.of(abc, "sed", "s/a/b"));
        c.add(TextCase.of(abc, "sed", "k"));
        c.add(TextCase.of(abc, "sed", "p;k"));
        c.add(TextCase.of(abc, "sed", "/x"));
        c.add(TextCase.of(abc, "sed", "y/ab/c/"));
        c.add(TextCase.of(abc, "sed", "s/a/b/q"));
        c.add(TextCase.of(abc, "sed", "}"));
        c.add(TextCase.of(abc, "sed", "{p"));
        c.add(TextCase.of(abc, "sed", "b nowhere"));
        c.add(TextCase.of(abc, "sed", "1,p"));
        c.add(TextCase.of(abc, "sed", "ppp"));
        c.add(TextCase.of(abc, "sed", "0p"));
        c.add(TextCase.of(abc, "sed", "s/\\(a\\)/\\2/"));
        c.add(TextCase.of(abc, "sed", "a"));
        c.add(TextCase.of(abc, "sed", "3!!p"));
        c.add(TextCase.of(abc, "sed", ":"));
        c.add(TextCase.of(abc, "sed", "s/x/y/gg"));
        c.add(TextCase.of(abc, "sed", "r"));
        c.add(TextCase.of(abc, "sed", "s/[/x/"));
        c.add(TextCase.of(abc, "sed", "s/a\\{1/x/"));
        c.add(TextCase.of(abc, "sed", "-E", "s/*/x/"));
        c.add(TextCase.of(abc, "sed", "/x/!"));
        c.add(TextCase.of(abc, "sed", "-n", "//p"));
        c.add(TextCase.of(abc, "sed", "-e", "p", "-e", "}"));
        c.add(TextCase.of("", "sed", "-f", "bad.sed", "a.txt"));
        c.add(TextCase.of("", "sed", "-f", "nofile.sed", "a.txt"));
        c.add(TextCase.of("", "sed", "p", "missing.txt", "b.txt"));
        c.add(TextCase.of("", "sed", "p", "b.txt", "dir", "a.txt"));
        c.add(TextCase.of("", "sed", "q5", "missing.txt", "b.txt"));
        c.add(TextCase.of(abc, "sed", "-n"));
        c.add(TextCase.of(abc, "sed", "--bogus", "p"));
        c.add(TextCase.of("", "sed", "w /nonexistent/x", "a.txt"));
        utf8Cases(c);
        return c;
    }

    /**
     * Characters in the C.UTF-8 locale on both sides (U+DCXX in an input stands for the byte XX,
     * not UTF-8); and two in the C locale, where the same text is bytes.
     */
    private static void utf8Cases(List<TextCase> c) {
        c.add(TextCase.of("h\u00e9llo\n", "sed", "s/./X/g"));
        c.add(TextCase.of("h\u00e9llo\n", "sed", "-n", "/^.\\{6\\}$/p"));
        c.add(utf8("h\u00e9llo\n", "s/./X/g"));
        c.add(utf8("h\udce9llo\n", "s/./X/g"));
        c.add(utf8("h\udce9llo\n", "s/[^a]/X/g"));
        c.add(utf8("a\udcffb\n", "s/\\(.\\)/[\\1]/g"));
        c.add(utf8("h\u00e9llo\u20ac\n", "-n", "l"));
        c.add(utf8("a\udc80\udcff\u00e9\n", "-n", "l"));
        c.add(utf8("h\u00e9llo w\u00f6rld \u00e9t\u00e9\n", "-n", "l 8"));
        c.add(utf8("h\u00e9llo stra\u00dfe \ufb01n\n", "s/.*/\\U&/"));
        c.add(utf8("\u00c9COLE \u00c0 PARIS\n", "s/.*/\\L&/"));
        c.add(utf8("\u00e9lan \u00fcber \u00e0\n", "s/\\w\\+/\\u&/g"));
        c.add(utf8("\u00e9lan \u00e4ngstlich\n", "s/\\<./\\u&/g"));
        c.add(utf8("d\u00e9j\u00e0 vu\n", "y/\u00e9\u00e0/EA/"));
        c.add(utf8("abcabc\n", "y/abc/\u00e4\u00f6\u00fc/"));
        c.add(utf8("\u00e9\u00e9\u00e9\u00e9\u00e9\n", "s/./X/3"));
        c.add(utf8("a\u00e9b\u20acc\n", "s/./X/2g"));
        c.add(utf8("\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8\n", "s/^.\\{3\\}//"));
        c.add(utf8("\u03b1\u03b2\u03b3\u03b4\n", "-E", "s/(.)(.)/\\2\\1/g"));
        c.add(utf8("a\u00e91\u00df!\n", "s/[[:alpha:]]/L/g"));
        c.add(utf8("\u00c0b\u00c7d\n", "s/[[:upper:]]/U/g"));
        c.add(utf8("a\u00e9\u00ea\u00ebb\n", "s/[\u00e9-\u00ea]/X/g"));
        c.add(utf8("\u00c9 \u00e9\n", "s/\u00e9/e/Ig"));
        c.add(utf8("caf\u00e9\n", "s/\\xc3\\xa9/E/"));
        c.add(utf8("caf\n", "s/$/\\xc3\\xa9/"));
        c.add(utf8("na\u00efve\ncaf\u00e9\n", "s/.$//"));
        c.add(utf8("\ud83d\ude00x\n", "s/./X/g"));
        c.add(utf8("h\u00e9llo\nhello\nh\u00e9ll\u00f6!\n", "-n", "/^.\\{5\\}$/p"));
        c.add(utf8("a\nb\n", "1a \u00fcn\u00efcode"));
        c.add(utf8("x\u00e9y\n", "-E", "s/[^x]+/<&>/"));
        c.add(utf8("a\ud83d\ude00b\n", "y/\ud83d\ude00b/xy/"));
    }

    private static TextCase utf8(String input, String... args) {
        List<String> argv = new ArrayList<>(List.of("sed"));
        argv.addAll(List.of(args));
        return TextCase.of(input, argv.toArray(String[]::new)).inUtf8Locale();
    }
}
