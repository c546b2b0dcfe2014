package io.sandkernel.coreutils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files the text-processing differential cases start with: {@link GnuCases#FILES} plus
 * scripts, JSON documents and trees to compare.
 */
final class TextFixtures {
    private TextFixtures() {}

    static final Map<String, String> FILES;

    static {
        Map<String, String> files = new LinkedHashMap<>(GnuCases.FILES);
        files.put("script.sed", "# a comment\n/beta/{\n  s/beta/BETA/\n  a\\\nafter beta\n}\n$a\\\nthe end\n");
        files.put("bad.sed", "p\ns/x/y\n");
        files.put("hashn.sed", "#n\n/a/p\n");
        files.put("log.txt", "2024-01-01 10:00:01 INFO start service=web\n"
                + "2024-01-01 10:00:02 WARN slow request path=/api time=1200\n"
                + "2024-01-01 10:00:03 ERROR failed path=/login code=500\n"
                + "2024-01-01 10:00:04 INFO request path=/ time=12\n"
                + "2024-01-01 10:00:05 ERROR failed path=/api code=503\n");
        files.put("conf.ini", "[main]\nname = demo\n# comment\nport=8080\n\n[extra]\ndebug = true\n");
        files.put("html.txt", "<p>Hello <b>world</b></p>\n<a href=\"x\">link</a>\n");
        files.put("paths.txt", "/usr/local/bin/tool\n/etc/passwd\nrelative/path/file.tar.gz\n");
        files.put("crlf.txt", "one\r\ntwo\r\n");
        files.put("nul.txt", "a\u0000b\u0000c\u0000");
        files.put("empty.txt", "");
        files.put("one.txt", "single line\n");
        files.put("table.txt", "id name score\n1 ann 90\n2 bob 75\n3 cid 82\n4 dee 75\n");
        files.put("a2.txt", "alpha\nBETA\ngamma\ndelta\n");
        files.put("long.txt", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
        files.put("prog.awk", "function max(a, b) { return a > b ? a : b }\n"
                + "{ m = max(m, $2) }\nEND { print \"max\", m }\n");
        files.put("wc.awk", "{ words += NF; chars += length($0) + 1 }\nEND { print NR, words, chars }\n");
        files.put("para.txt", "name: a\nage: 1\n\n\nname: b\nage: 2\n\nname: c\n");
        files.put("fields.txt", "a:b:c\nd::f\n:g:\n");
        files.put("numbers.txt", "3.5\n-2\n1e3\n0x10\n 12 \nabc\n7abc\n");
        files.put("old.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n");
        files.put("new.txt", "zero\none\ntwo\nTHREE\nfour\nsix\nseven\neight\nnine\nten\neleven\ntwelve\nthirteen\n");
        files.put("far.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\nELEVEN\ntwelve\n");
        files.put("dupes1.txt", "a\nb\na\nb\na\nb\n");
        files.put("dupes2.txt", "a\nb\nb\na\nb\n");
        files.put("braces1.txt", "int f() {\n  return 1;\n}\n\nint g() {\n  return 2;\n}\n");
        files.put("braces2.txt", "int f() {\n  return 1;\n}\n\nint h() {\n  return 3;\n}\n\nint g() {\n  return 2;\n}\n");
        files.put("ws1.txt", "a  b\nc\td\n  lead\ntrail  \nCase\n\n");
        files.put("ws2.txt", "a b\nc d\nlead\ntrail\ncase\n");
        files.put("bin1.dat", "ab\u0000cd\n");
        files.put("bin2.dat", "ab\u0000ce\n");
        files.put("tree1/same.txt", "same\n");
        files.put("tree1/changed.txt", "old line\nkept\n");
        files.put("tree1/only1.txt", "only in one\n");
        files.put("tree1/sub/deep.txt", "deep one\n");
        files.put("tree1/sub1only/x.txt", "x\n");
        files.put("tree2/same.txt", "same\n");
        files.put("tree2/changed.txt", "new line\nkept\n");
        files.put("tree2/only2.txt", "only in two\n");
        files.put("tree2/sub/deep.txt", "deep two\n");
        files.put("long1.txt", "x\n".repeat(40) + "middle\n" + "y\n".repeat(40));
        files.put("long2.txt", "x\n".repeat(40) + "MIDDLE\n" + "y\n".repeat(39) + "z\n");
        files.put("data.json", "{\"name\":\"demo\",\"version\":\"1.2.3\",\"tags\":[\"a\",\"b\",\"c\"],"
                + "\"deps\":{\"x\":\"^1.0\",\"y\":\"~2.1\"},\"count\":3,\"ratio\":0.25,\"ok\":true,\"none\":null}\n");
        files.put("users.json", "[{\"id\":1,\"name\":\"ann\",\"age\":31,\"roles\":[\"admin\",\"dev\"]},"
                + "{\"id\":2,\"name\":\"bob\",\"age\":25,\"roles\":[\"dev\"]},"
                + "{\"id\":3,\"name\":\"cid\",\"age\":42,\"roles\":[]}]\n");
        files.put("stream.json", "{\"a\":1}\n{\"a\":2}\n{\"a\":3,\"b\":\"x\"}\n");
        files.put("numbers.json", "[1, 2.5, -3, 1e3, 0.1, 100000000000000000000, 1e-7, 3.0]\n");
        files.put("unicode.json", "{\"s\":\"h\u00e9llo \\u00e9 \\t tab \\\"q\\\" \\u0001\"}\n");
        files.put("bad.json", "{\"a\": 1,\n \"b\": }\n");
        files.put("filter.jq", ".[] | select(.age > 30) | .name\n");
        FILES = Collections.unmodifiableMap(files);
    }
}
