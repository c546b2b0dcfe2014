package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential cases of tac, rev, paste, comm, nl, fold, expand, unexpand, shuf and tsort
 * against GNU coreutils (util-linux for rev), on {@link TextToolFixtures}: hand-written lines for
 * the options scripts use and the errors, plus generated combinations.
 */
final class TextToolCases {
    private TextToolCases() {}

    static List<TextCase> all() {
        List<TextCase> c = new ArrayList<>();
        tac(c);
        rev(c);
        paste(c);
        comm(c);
        nl(c);
        fold(c);
        expand(c);
        unexpand(c);
        shuf(c);
        tsort(c);
        return c;
    }

    private static void tac(List<TextCase> c) {
        String abc = "a\nb\nc\n";
        c.add(TextCase.of("", "tac", "lines.txt"));
        c.add(TextCase.of("", "tac", "noeol.txt"));
        c.add(TextCase.of("", "tac", "lines.txt", "noeol.txt", "b.txt"));
        c.add(TextCase.of(abc, "tac"));
        c.add(TextCase.of(abc, "tac", "-"));
        c.add(TextCase.of("a\nb", "tac"));
        c.add(TextCase.of("", "tac", "empty.txt"));
        c.add(TextCase.of("", "tac", "blankline.txt"));
        c.add(TextCase.of("", "tac", "blank.txt"));
        c.add(TextCase.of("", "tac", "-b", "lines.txt"));
        c.add(TextCase.of("", "tac", "-b", "noeol.txt"));
        c.add(TextCase.of("", "tac", "-s", ",", "seps.txt"));
        c.add(TextCase.of("", "tac", "-b", "-s", ",", "seps.txt"));
        c.add(TextCase.of("", "tac", "-s", "::", "records.txt"));
        c.add(TextCase.of("", "tac", "-b", "-s", "::", "records.txt"));
        c.add(TextCase.of("", "tac", "--separator=:", "records.txt"));
        c.add(TextCase.of("aaaa", "tac", "-s", "aa"));
        c.add(TextCase.of("aaaaa", "tac", "-s", "aa"));
        c.add(TextCase.of("x1y22z333w", "tac", "-r", "-s", "[0-9]+"));
        c.add(TextCase.of("x1y22z333w", "tac", "-r", "-b", "-s", "[0-9][0-9]*"));
        c.add(TextCase.of("a.b.c.", "tac", "-r", "-s", "\\."));
        c.add(TextCase.of("a.b.c.", "tac", "-s", "."));
        c.add(TextCase.of("one\ttwo\tthree", "tac", "-s", "\t"));
        c.add(TextCase.of("a\0b\0c\0", "tac", "-s", ""));
        c.add(TextCase.of("", "tac", "-r", "-s", "", "a.txt"));
        c.add(TextCase.of("", "tac", "missing.txt"));
        c.add(TextCase.of("", "tac", "a.txt", "missing.txt", "b.txt"));
        c.add(TextCase.of("", "tac", "dir"));
        c.add(TextCase.of("", "tac", "-x", "a.txt"));
        c.add(TextCase.of("", "tac", "-s"));
        c.add(TextCase.of("", "tac", "--before", "--regex", "--separator=[aeiou]", "words.txt"));
        c.add(TextCase.of("", "tac", "nums.txt"));
        c.add(TextCase.of("", "tac", "crlf.txt").oracle("tac", "crlf.txt"));
        c.add(TextCase.of("x\n", "tac", "-", "a.txt", "-"));
        c.add(TextCase.of("", "tac", "-s", "\n\n", "blanks.txt"));
        c.add(TextCase.of("", "tac", "-b", "-s", "\n\n", "blanks.txt"));
        c.add(TextCase.of("", "tac", "words.txt", "a.txt"));
        c.add(TextCase.of("", "tac", "-s", "e", "words.txt"));
        c.add(TextCase.of("", "tac", "-rs", "a\\|e", "words.txt"));
        c.add(TextCase.of("", "tac", "--", "a.txt"));
        c.add(TextCase.of("", "tac", "-r", "-s", "^", "a.txt"));
    }

    private static void rev(List<TextCase> c) {
        c.add(TextCase.of("", "rev", "lines.txt"));
        c.add(TextCase.of("", "rev", "noeol.txt"));
        c.add(TextCase.of("", "rev", "a.txt", "b.txt"));
        c.add(TextCase.of("hello world\n", "rev"));
        c.add(TextCase.of("hello world\n", "rev", "-"));
        c.add(TextCase.of("abc", "rev"));
        c.add(TextCase.of("", "rev", "empty.txt"));
        c.add(TextCase.of("", "rev", "blank.txt"));
        c.add(TextCase.of("", "rev", "tabs.txt"));
        c.add(TextCase.of("", "rev", "crlf.txt"));
        c.add(TextCase.of("", "rev", "missing.txt"));
        c.add(TextCase.of("", "rev", "a.txt", "missing.txt", "b.txt"));
        c.add(TextCase.of("", "rev", "dir"));
        c.add(TextCase.of("", "rev", "-x"));
        c.add(TextCase.of("", "rev", "--bogus"));
        c.add(TextCase.of("ab\u00e9cd\nok\n", "rev"));
        c.add(TextCase.of("ok\nab\u00e9cd\n", "rev"));
        c.add(TextCase.of("ab\0cd\nef\n", "rev"));
        c.add(TextCase.of("\0ab\ncd\n", "rev"));
        c.add(TextCase.of("a\n\nb\n", "rev"));
        c.add(TextCase.of("", "rev", "words.txt"));
        c.add(TextCase.of("", "rev", "nums.txt"));
        c.add(TextCase.of("", "rev", "csv.txt"));
        c.add(TextCase.of("", "rev", "sentences.txt"));
        c.add(TextCase.of("", "rev", "special.txt"));
        c.add(TextCase.of("", "rev", "--", "a.txt"));
        c.add(TextCase.of("x y z\n", "rev", "-", "a.txt"));
        c.add(TextCase.of("", "rev", "ctrl.txt"));
        c.add(TextCase.of("", "rev", "long.txt"));
        c.add(TextCase.of("", "rev", "para.txt"));
        c.add(TextCase.of("", "rev", "table.txt"));
        c.add(TextCase.of("", "rev", "list.txt"));
        c.add(TextCase.of("", "rev", "spaces.txt"));
        c.add(TextCase.of("", "rev", "tabbed.txt"));
        c.add(TextCase.of("", "rev", "pairs.txt", "deps.txt"));
        c.add(TextCase.of("a\r\nb\r\n", "rev"));
        c.add(TextCase.of("12345\n", "rev"));
        c.add(TextCase.of(" lead\ntrail \n", "rev"));
        c.add(TextCase.of("", "rev", "seps.txt"));
        c.add(TextCase.of("", "rev", "records.txt"));
    }

    private static void paste(List<TextCase> c) {
        c.add(TextCase.of("", "paste", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "b.txt", "a.txt"));
        c.add(TextCase.of("", "paste", "a.txt", "noeol.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-d,", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-d", ",:", "a.txt", "b.txt", "lines.txt"));
        c.add(TextCase.of("", "paste", "-d", "\\n", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-d", "\\t\\\\x", "a.txt", "b.txt", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-d", "\\0", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-d", "", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-s", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-s", "-d,", "lines.txt"));
        c.add(TextCase.of("", "paste", "-s", "-d", ",;", "nums.txt"));
        c.add(TextCase.of("", "paste", "-s", "noeol.txt"));
        c.add(TextCase.of("", "paste", "-s", "empty.txt", "a.txt"));
        c.add(TextCase.of("", "paste", "empty.txt", "a.txt"));
        c.add(TextCase.of("", "paste", "a.txt", "empty.txt"));
        c.add(TextCase.of("1\n2\n3\n4\n5\n", "paste", "-", "-"));
        c.add(TextCase.of("1\n2\n3\n4\n5\n", "paste", "-d", " ", "-", "-", "-"));
        c.add(TextCase.of("1\n2\n3\n", "paste", "-s"));
        c.add(TextCase.of("1\n2\n3\n", "paste", "a.txt", "-"));
        c.add(TextCase.of("1\n2\n3\n", "paste", "-s", "-", "a.txt"));
        c.add(TextCase.of("", "paste", "missing.txt", "a.txt"));
        c.add(TextCase.of("", "paste", "a.txt", "missing.txt"));
        c.add(TextCase.of("", "paste", "-s", "a.txt", "missing.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "a.txt", "dir"));
        c.add(TextCase.of("", "paste", "-s", "dir", "b.txt"));
        c.add(TextCase.of("", "paste", "-d", "a\\", "a.txt"));
        c.add(TextCase.of("", "paste", "-x", "a.txt"));
        c.add(TextCase.of("", "paste", "-z", "nul.txt", "nul.txt"));
        c.add(TextCase.of("", "paste", "-z", "-s", "a.txt"));
        c.add(TextCase.of("", "paste", "--serial", "--delimiters=+", "nums.txt"));
        c.add(TextCase.of("", "paste", "a.txt"));
        c.add(TextCase.of("", "paste", "-d", "-", "lines.txt", "words.txt", "nums.txt"));
        c.add(TextCase.of("", "paste", "-d", "\\0,", "lines.txt", "a.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "empty.txt", "empty.txt"));
        c.add(TextCase.of("", "paste", "-d", ",", "empty.txt", "b.txt", "empty.txt"));
        c.add(TextCase.of("", "paste", "crlf.txt", "b.txt"));
        c.add(TextCase.of("", "paste", "-s", "-d", "\\n\\t", "lines.txt"));
        c.add(TextCase.of("", "paste", "-d", "\\b\\f\\r\\v\\q", "a.txt", "a.txt", "a.txt", "a.txt", "a.txt", "a.txt"));
        c.add(TextCase.of("", "paste", "blank.txt", "a.txt"));
    }

    private static void comm(List<TextCase> c) {
        for (String flags : new String[] {"", "-1", "-2", "-3", "-12", "-13", "-23", "-123"}) {
            if (flags.isEmpty()) {
                c.add(TextCase.of("", "comm", "s1.txt", "s2.txt"));
            } else {
                c.add(TextCase.of("", "comm", flags, "s1.txt", "s2.txt"));
            }
        }
        c.add(TextCase.of("", "comm", "s2.txt", "s1.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "s3.txt"));
        c.add(TextCase.of("", "comm", "s3.txt", "s1.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "s1.txt"));
        c.add(TextCase.of("", "comm", "empty.txt", "s1.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "empty.txt"));
        c.add(TextCase.of("", "comm", "--output-delimiter=|", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--output-delimiter=", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--output-delimiter=::", "-3", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--total", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--total", "-12", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--total", "--output-delimiter=,", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "unsorted1.txt", "unsorted2.txt"));
        c.add(TextCase.of("", "comm", "--check-order", "unsorted1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "--nocheck-order", "unsorted1.txt", "unsorted2.txt"));
        c.add(TextCase.of("", "comm", "unsorted1.txt", "unsorted1.txt"));
        c.add(TextCase.of("", "comm", "--check-order", "unsorted1.txt", "unsorted1.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "unsorted2.txt"));
        c.add(TextCase.of("banana\ncherry\n", "comm", "-", "s1.txt"));
        c.add(TextCase.of("banana\ncherry\n", "comm", "s2.txt", "-"));
        c.add(TextCase.of("", "comm", "s1.txt"));
        c.add(TextCase.of("", "comm"));
        c.add(TextCase.of("", "comm", "s1.txt", "s2.txt", "s3.txt"));
        c.add(TextCase.of("", "comm", "missing.txt", "s1.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "missing.txt"));
        c.add(TextCase.of("", "comm", "s1.txt", "dir"));
        c.add(TextCase.of("", "comm", "-z", "nul.txt", "nul.txt"));
        c.add(TextCase.of("", "comm", "--output-delimiter=a", "--output-delimiter=b", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "-4", "s1.txt", "s2.txt"));
        c.add(TextCase.of("", "comm", "noeol.txt", "noeol.txt"));
        c.add(TextCase.of("", "comm", "-3", "a.txt", "words.txt"));
        c.add(TextCase.of("", "comm", "case.txt", "dups.txt"));
        c.add(TextCase.of("", "comm", "--check-order", "s1.txt", "s2.txt"));
    }

    private static void nl(List<TextCase> c) {
        c.add(TextCase.of("", "nl", "lines.txt"));
        c.add(TextCase.of("", "nl", "blank.txt"));
        c.add(TextCase.of("", "nl", "noeol.txt"));
        c.add(TextCase.of("", "nl", "a.txt", "b.txt"));
        c.add(TextCase.of("", "nl", "-b", "a", "blank.txt"));
        c.add(TextCase.of("", "nl", "-b", "n", "blank.txt"));
        c.add(TextCase.of("", "nl", "-b", "t", "blank.txt"));
        c.add(TextCase.of("", "nl", "-b", "p^[ab]", "words.txt"));
        c.add(TextCase.of("", "nl", "-bpe$", "words.txt"));
        c.add(TextCase.of("", "nl", "-n", "ln", "lines.txt"));
        c.add(TextCase.of("", "nl", "-n", "rz", "lines.txt"));
        c.add(TextCase.of("", "nl", "-n", "rn", "-w", "3", "lines.txt"));
        c.add(TextCase.of("", "nl", "-w", "1", "nums.txt"));
        c.add(TextCase.of("", "nl", "-s", ": ", "lines.txt"));
        c.add(TextCase.of("", "nl", "-s", "", "lines.txt"));
        c.add(TextCase.of("", "nl", "-v", "10", "-i", "5", "lines.txt"));
        c.add(TextCase.of("", "nl", "-v", "-2", "lines.txt"));
        c.add(TextCase.of("", "nl", "-i", "-1", "-v", "3", "lines.txt"));
        c.add(TextCase.of("", "nl", "-n", "rz", "-v", "-5", "lines.txt"));
        c.add(TextCase.of("", "nl", "-b", "a", "-l", "2", "blanks.txt"));
        c.add(TextCase.of("", "nl", "-b", "a", "-l", "3", "blanks.txt"));
        c.add(TextCase.of("", "nl", "sections.txt"));
        c.add(TextCase.of("", "nl", "-h", "a", "-f", "a", "sections.txt"));
        c.add(TextCase.of("", "nl", "-p", "sections.txt"));
        c.add(TextCase.of("", "nl", "-d", "@@", "-h", "a", "sections2.txt"));
        c.add(TextCase.of("", "nl", "-d", "@", "sections2.txt"));
        c.add(TextCase.of("", "nl", "-d", "", "sections.txt"));
        c.add(TextCase.of("", "nl", "-b", "x", "lines.txt"));
        c.add(TextCase.of("", "nl", "-n", "xx", "lines.txt"));
        c.add(TextCase.of("", "nl", "-w", "0", "lines.txt"));
        c.add(TextCase.of("", "nl", "-w", "x", "lines.txt"));
        c.add(TextCase.of("", "nl", "-v", "abc", "lines.txt"));
        c.add(TextCase.of("", "nl", "-l", "0", "lines.txt"));
        c.add(TextCase.of("", "nl", "missing.txt", "a.txt"));
        c.add(TextCase.of("", "nl", "dir"));
        c.add(TextCase.of("x\n\ny\n", "nl"));
        c.add(TextCase.of("x\n\ny\n", "nl", "-ba", "-"));
        c.add(TextCase.of("", "nl", "-b", "p[", "lines.txt"));
        c.add(TextCase.of("", "nl", "--body-numbering=a", "--number-format=ln", "--number-width=2", "blank.txt"));
        c.add(TextCase.of("", "nl", "-q", "lines.txt"));
        c.add(TextCase.of("", "nl", "-ha", "-b", "n", "sections.txt"));
        c.add(TextCase.of("", "nl", "empty.txt"));
    }

    private static void fold(List<TextCase> c) {
        for (String file : new String[] {"long.txt", "tabbed.txt", "backspace.txt"}) {
            for (String width : new String[] {"1", "7", "10", "20"}) {
                c.add(TextCase.of("", "fold", "-w", width, file));
                c.add(TextCase.of("", "fold", "-s", "-w", width, file));
            }
            c.add(TextCase.of("", "fold", "-b", "-w", "8", file));
            c.add(TextCase.of("", "fold", "-bs", "-w", "12", file));
        }
        c.add(TextCase.of("", "fold", "long.txt"));
        c.add(TextCase.of("", "fold", "-s", "long.txt"));
        c.add(TextCase.of("", "fold", "-5", "lines.txt"));
        c.add(TextCase.of("", "fold", "-s15", "long.txt"));
        c.add(TextCase.of("", "fold", "-w", "0", "a.txt"));
        c.add(TextCase.of("", "fold", "-w", "x", "a.txt"));
        c.add(TextCase.of("", "fold", "-w", "99999999999999999999999", "a.txt"));
        c.add(TextCase.of("", "fold", "missing.txt", "a.txt"));
        c.add(TextCase.of("", "fold", "-w3", "dir"));
        c.add(TextCase.of("abcdefghij\nklm", "fold", "-w", "4"));
        c.add(TextCase.of("a\rbcdefgh\n", "fold", "-w", "4"));
        c.add(TextCase.of("a\rbcdefgh\n", "fold", "-b", "-w", "4"));
        c.add(TextCase.of("", "fold", "--width=6", "--spaces", "para.txt"));
        c.add(TextCase.of("", "fold", "-w", "4", "ctrl.txt"));
    }

    private static void expand(List<TextCase> c) {
        for (String file : new String[] {"tabbed.txt", "tabmix.txt", "backspace.txt"}) {
            c.add(TextCase.of("", "expand", file));
            c.add(TextCase.of("", "expand", "-i", file));
            c.add(TextCase.of("", "expand", "-t", "4", file));
            c.add(TextCase.of("", "expand", "-t", "1", file));
            c.add(TextCase.of("", "expand", "-t", "2,5,11", file));
            c.add(TextCase.of("", "expand", "-t", "3,6,/4", file));
            c.add(TextCase.of("", "expand", "-t", "3,+5", file));
            c.add(TextCase.of("", "expand", "-3", file));
        }
        c.add(TextCase.of("", "expand", "-t", "4 9", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-2,7", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "/5", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "+3", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "0", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "5,3", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "x", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "3,/4,/5", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "3/4", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "/3,+4", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "missing.txt", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "dir"));
        c.add(TextCase.of("a\tb", "expand", "-", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "noeol.txt", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "--tabs=6", "--initial", "tabbed.txt"));
        c.add(TextCase.of("", "expand", "-t", "99999999999999999999999", "tabbed.txt"));
    }

    private static void unexpand(List<TextCase> c) {
        for (String file : new String[] {"spaces.txt", "tabmix.txt", "tabbed.txt"}) {
            c.add(TextCase.of("", "unexpand", file));
            c.add(TextCase.of("", "unexpand", "-a", file));
            c.add(TextCase.of("", "unexpand", "-t", "4", file));
            c.add(TextCase.of("", "unexpand", "-t", "2", file));
            c.add(TextCase.of("", "unexpand", "-t", "2,5,11", file));
            c.add(TextCase.of("", "unexpand", "--first-only", "-t", "4", file));
            c.add(TextCase.of("", "unexpand", "-t", "3,/4", file));
            c.add(TextCase.of("", "unexpand", "-4", file));
        }
        c.add(TextCase.of("", "unexpand", "-t", "3,+5", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "-a", "-2,6", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "-1", "-2", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "-t", "0", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "-t", "4,2", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "-t", "a", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "missing.txt", "spaces.txt"));
        c.add(TextCase.of("", "unexpand", "dir"));
        c.add(TextCase.of("        x       y\n", "unexpand", "-a"));
        c.add(TextCase.of("a       b\n", "unexpand", "-a", "-t", "8"));
        c.add(TextCase.of("a b c  d   e        f\n", "unexpand", "-a", "-t", "2"));
        c.add(TextCase.of(" \t x\n", "unexpand", "-a"));
        c.add(TextCase.of("", "unexpand", "-a", "backspace.txt"));
        c.add(TextCase.of("", "unexpand", "--tabs=4", "long.txt"));
        c.add(TextCase.of("", "unexpand", "-a", "para.txt"));
        c.add(TextCase.of("                                x\n", "unexpand", "-t", "3,6,/5"));
        c.add(TextCase.of("a  b      c\n", "unexpand", "--all", "--tabs=3"));
        c.add(TextCase.of("", "unexpand", "-a", "tabbed.txt", "noeol.txt"));
    }

    private static void shuf(List<TextCase> c) {
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "lines.txt").then("sort", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "noeol.txt").then("sort", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-e", "x", "y", "z").then("sort", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-i", "5-15").then("sort", "-n", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-i", "7-7").then("cat", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-n", "3", "lines.txt").then("wc", "-l", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-n", "30", "lines.txt").then("wc", "-l", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-r", "-n", "20", "b.txt").then("wc", "-l", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-r", "-n", "20", "-i", "1-2").then("sort", "-u", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-n", "0", "lines.txt").then("wc", "-c", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-z", "nul.txt").then("sort", "-z", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "lines.txt", "lines.txt").then("sort", "lines.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "empty.txt").then("wc", "-c", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-i", "3-2").then("wc", "-c", "out.txt"));
        c.add(TextCase.of("", "shuf", "-o", "out.txt", "-n", "2", "-i", "1-1000000000").then("wc", "-l", "out.txt"));
        c.add(TextCase.of("a\nb\nc\n", "shuf", "-o", "out.txt").then("sort", "out.txt"));
        for (String range : new String[] {"1-10", "0-3", "10-20"}) {
            for (String count : new String[] {"1", "3", "5"}) {
                c.add(TextCase.of("", "shuf", "--random-source=nums.txt", "-i", range, "-n", count));
            }
        }
        c.add(TextCase.of("", "shuf", "--random-source=long.txt", "lines.txt"));
        c.add(TextCase.of("", "shuf", "--random-source=long.txt", "-e", "a", "b", "c", "d"));
        c.add(TextCase.of("", "shuf", "--random-source=long.txt", "-r", "-n", "6", "-e", "a", "b", "c"));
        c.add(TextCase.of("", "shuf", "--random-source=long.txt", "-n", "4", "list.txt"));
        c.add(TextCase.of("", "shuf", "--random-source=long.txt", "-r", "-n", "5", "-i", "1-100"));
        c.add(TextCase.of("", "shuf", "--random-source=b.txt", "list.txt"));
        c.add(TextCase.of("", "shuf", "--random-source=empty.txt", "lines.txt"));
        c.add(TextCase.of("", "shuf", "--random-source=missing.txt", "lines.txt"));
        c.add(TextCase.of("", "shuf", "-e", "-i", "1-3"));
        c.add(TextCase.of("", "shuf", "-i", "1-3", "extra"));
        c.add(TextCase.of("", "shuf", "a.txt", "b.txt"));
        c.add(TextCase.of("", "shuf", "-i", "x-3"));
        c.add(TextCase.of("", "shuf", "-i", "5-3"));
        c.add(TextCase.of("", "shuf", "-i", "5"));
        c.add(TextCase.of("", "shuf", "-n", "x", "a.txt"));
        c.add(TextCase.of("", "shuf", "-n", "-1", "a.txt"));
        c.add(TextCase.of("", "shuf", "-i", "1-2", "-i", "3-4"));
        c.add(TextCase.of("", "shuf", "-r", "empty.txt"));
        c.add(TextCase.of("", "shuf", "missing.txt"));
        c.add(TextCase.of("", "shuf", "dir"));
        c.add(TextCase.of("", "shuf", "-o", "a", "-o", "b", "-e", "x"));
        c.add(TextCase.of("", "shuf", "-n", "1", "-e"));
        c.add(TextCase.of("", "shuf", "-e"));
    }

    private static void tsort(List<TextCase> c) {
        c.add(TextCase.of("", "tsort", "pairs.txt"));
        c.add(TextCase.of("", "tsort", "deps.txt"));
        c.add(TextCase.of("", "tsort", "loop.txt"));
        c.add(TextCase.of("", "tsort", "odd.txt"));
        c.add(TextCase.of("", "tsort", "self.txt"));
        c.add(TextCase.of("", "tsort", "empty.txt"));
        c.add(TextCase.of("", "tsort", "missing.txt"));
        c.add(TextCase.of("", "tsort", "dir"));
        c.add(TextCase.of("", "tsort", "a.txt", "b.txt"));
        c.add(TextCase.of("", "tsort", "-x"));
        c.add(TextCase.of("a b\n", "tsort"));
        c.add(TextCase.of("a b\n", "tsort", "-"));
        c.add(TextCase.of("c d\na b\n", "tsort"));
        c.add(TextCase.of("z y\ny x\nx w\n", "tsort"));
        c.add(TextCase.of("1 2 2 3 3 4", "tsort"));
        c.add(TextCase.of("a b b c c a d e e d\n", "tsort"));
        c.add(TextCase.of("a a\n", "tsort"));
        c.add(TextCase.of("\t a \t\n b\n", "tsort"));
        c.add(TextCase.of("x y x z y z\n", "tsort"));
        c.add(TextCase.of("b a c a d a\n", "tsort"));
        c.add(TextCase.of("a b a c a d\n", "tsort"));
        c.add(TextCase.of("m n\nn o\no m\np q\nq p\n", "tsort"));
        c.add(TextCase.of("one two\nthree four\nfive six\ntwo three\n", "tsort"));
        c.add(TextCase.of("a b c\n", "tsort"));
        c.add(TextCase.of("k1 k2\nk2 k3\nk3 k4\nk4 k5\nk5 k6\nk1 k6\n", "tsort"));
        c.add(TextCase.of("B A\nC A\nD B\nD C\n", "tsort"));
        c.add(TextCase.of("x\ny\n", "tsort"));
        c.add(TextCase.of("a b\nb c\nc b\n", "tsort"));
        c.add(TextCase.of("a b\nb a\nb c\nc b\n", "tsort"));
        c.add(TextCase.of("1 10\n10 2\n2 20\n", "tsort"));
        c.add(TextCase.of("", "tsort", "--", "pairs.txt"));
        c.add(TextCase.of("", "tsort", "lines.txt"));
        c.add(TextCase.of("", "tsort", "words.txt"));
        c.add(TextCase.of("", "tsort", "list.txt"));
        c.add(TextCase.of("", "tsort", "nums.txt"));
        c.add(TextCase.of("", "tsort", "table.txt"));
        c.add(TextCase.of("a b\r\n", "tsort"));
        c.add(TextCase.of("\u00e9 a\n", "tsort"));
        c.add(TextCase.of("a\0b c\n", "tsort"));
        c.add(TextCase.of("a b\nb c\n", "tsort", "-", "extra"));
    }
}
