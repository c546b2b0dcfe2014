package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential cases of join, fmt, column, od, strings, split and csplit (GNU coreutils,
 * util-linux's column, binutils' strings), on {@link TextToolFixtures}. split and csplit are
 * followed by a listing and the pieces' contents.
 */
final class TextToolMoreCases {
    private TextToolMoreCases() {}

    static List<TextCase> all() {
        List<TextCase> c = new ArrayList<>();
        join(c);
        fmt(c);
        column(c);
        od(c);
        strings(c);
        split(c);
        csplit(c);
        return c;
    }

    private static void join(List<TextCase> c) {
        c.add(TextCase.of("", "join", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "j2.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "-a", "1", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-a", "2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-a1", "-a2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-v", "1", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-v", "2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-v1", "-v2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-o", "1.2,2.2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-o", "0,2.2,1.3", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-a1", "-e", "NONE", "-o", "0,1.2,2.2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-o", "auto", "-a1", "-a2", "-e", "-", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "j3.txt", "j4.txt"));
        c.add(TextCase.of("", "join", "-a1", "-a2", "j3.txt", "j4.txt"));
        c.add(TextCase.of("", "join", "-t", ",", "jc1.csv", "jc2.csv"));
        c.add(TextCase.of("", "join", "-t", ",", "--header", "jc1.csv", "jc2.csv"));
        c.add(TextCase.of("", "join", "-t", ",", "--header", "-a1", "-o", "auto", "jc1.csv", "jc2.csv"));
        c.add(TextCase.of("", "join", "-t", ",", "-1", "2", "-2", "2", "jc1.csv", "jc2.csv"));
        c.add(TextCase.of("", "join", "-j", "1", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-1", "2", "-2", "1", "j3.txt", "j3.txt"));
        c.add(TextCase.of("", "join", "-i", "jcase1.txt", "jcase2.txt"));
        c.add(TextCase.of("", "join", "jcase1.txt", "jcase2.txt"));
        c.add(TextCase.of("", "join", "junsorted.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "--check-order", "junsorted.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "--nocheck-order", "junsorted.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "junsorted.txt", "junsorted.txt"));
        c.add(TextCase.of("", "join", "jblank.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "-t", "\t", "tabs.txt", "tabs.txt"));
        c.add(TextCase.of("", "join", "-t", "", "a.txt", "a.txt"));
        c.add(TextCase.of("", "join", "-z", "nul.txt", "nul.txt"));
        c.add(TextCase.of("1 x\n2 y\n", "join", "-", "j1.txt"));
        c.add(TextCase.of("1 x\n2 y\n", "join", "j2.txt", "-"));
        c.add(TextCase.of("", "join", "j1.txt"));
        c.add(TextCase.of("", "join"));
        c.add(TextCase.of("", "join", "a", "b", "c"));
        c.add(TextCase.of("", "join", "missing.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "-a", "3", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-o", "3.1", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-o", "1.0", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-t", "ab", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-1", "0", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-1", "1", "-j", "2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-e", "X", "-e", "Y", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "-1", "3", "-2", "2", "j1.txt", "j2.txt"));
        c.add(TextCase.of("", "join", "empty.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "-a1", "empty.txt", "j1.txt").oracle("join", "-a1", "empty.txt", "j1.txt"));
        c.add(TextCase.of("", "join", "-a2", "--header", "empty.txt", "j1.txt"));
    }

    private static void fmt(List<TextCase> c) {
        for (String file : new String[] {"para.txt", "long.txt", "sentences.txt"}) {
            c.add(TextCase.of("", "fmt", file));
            c.add(TextCase.of("", "fmt", "-w", "30", file));
            c.add(TextCase.of("", "fmt", "-w", "50", "-u", file));
            c.add(TextCase.of("", "fmt", "-s", "-w", "25", file));
            c.add(TextCase.of("", "fmt", "-c", "-w", "40", file));
            c.add(TextCase.of("", "fmt", "-t", "-w", "40", file));
            c.add(TextCase.of("", "fmt", "-g", "20", file));
            c.add(TextCase.of("", "fmt", "-20", file));
        }
        c.add(TextCase.of("", "fmt", "-p", ">", "-w", "30", "para.txt"));
        c.add(TextCase.of("", "fmt", "-p", "> ", "-w", "25", "para.txt"));
        c.add(TextCase.of("", "fmt", "-w", "10", "-g", "5", "para.txt"));
        c.add(TextCase.of("", "fmt", "-w", "1", "lines.txt"));
        c.add(TextCase.of("", "fmt", "tabbed.txt"));
        c.add(TextCase.of("", "fmt", "-w", "12", "tabbed.txt"));
        c.add(TextCase.of("", "fmt", "blank.txt", "noeol.txt"));
        c.add(TextCase.of("", "fmt", "-w", "x", "para.txt"));
        c.add(TextCase.of("", "fmt", "-w", "3000", "para.txt"));
        c.add(TextCase.of("", "fmt", "-g", "80", "para.txt"));
        c.add(TextCase.of("", "fmt", "-w", "20", "-5", "para.txt"));
        c.add(TextCase.of("", "fmt", "missing.txt", "lines.txt"));
        c.add(TextCase.of("", "fmt", "dir"));
        c.add(TextCase.of("a b c d e f g h i j k l m n o p q r s t u v w x y z\n", "fmt", "-w", "9"));
        c.add(TextCase.of("Mr. Smith went. To town.  He did!  Yes (really) ok.\n", "fmt", "-w", "20"));
        c.add(TextCase.of("   one\n  two\n   three\n", "fmt"));
        c.add(TextCase.of("", "fmt", "-w", "40", "list.txt"));
        c.add(TextCase.of("", "fmt", "-u", "spaces.txt"));
    }

    private static void column(List<TextCase> c) {
        c.add(TextCase.of("", "column", "list.txt"));
        c.add(TextCase.of("", "column", "-x", "list.txt"));
        c.add(TextCase.of("", "column", "-c", "30", "list.txt"));
        c.add(TextCase.of("", "column", "-c", "30", "-x", "list.txt"));
        c.add(TextCase.of("", "column", "-c", "5", "list.txt"));
        c.add(TextCase.of("", "column", "-c", "200", "nums.txt"));
        c.add(TextCase.of("", "column", "words.txt", "a.txt"));
        c.add(TextCase.of("", "column", "blank.txt"));
        c.add(TextCase.of("", "column", "-L", "blank.txt"));
        c.add(TextCase.of("", "column", "empty.txt"));
        c.add(TextCase.of("", "column", "-t", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-s", ",", "table.csv"));
        c.add(TextCase.of("", "column", "-t", "-s", ",", "-o", " | ", "table.csv"));
        c.add(TextCase.of("", "column", "-t", "-N", "N,A,C", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "N,A,C", "-d", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-R", "2", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-R", "2,3", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "name,age,city", "-R", "age", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "name,age,city", "-H", "age", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "name,age,city", "-O", "city,name", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "name,age,city", "-J", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "name,age,city", "-J", "-n", "people", "table.txt"));
        c.add(TextCase.of("", "column", "-J", "-N", "a,b", "-s", ",", "fields.txt"));
        c.add(TextCase.of("", "column", "-t", "-l", "2", "table.txt"));
        c.add(TextCase.of("", "column", "-t", "-s", ":", "fields.txt"));
        c.add(TextCase.of("", "column", "-t", "-s", ":", "-L", "fields.txt"));
        c.add(TextCase.of("", "column", "-t", "people.txt"));
        c.add(TextCase.of("", "column", "-t", "spaced.txt"));
        c.add(TextCase.of("", "column", "-t", "csv.txt"));
        c.add(TextCase.of("", "column", "-t", "-s", ",", "csv.txt"));
        c.add(TextCase.of("", "column", "-t", "-L", "-s", " ", "blanks.txt"));
        c.add(TextCase.of("a b c\nd e\nf\n", "column", "-t"));
        c.add(TextCase.of("a b c\nd e\nf\n", "column", "-t", "-R", "0"));
        c.add(TextCase.of("  lead  x\ny   z\n", "column", "-t"));
        c.add(TextCase.of("  lead  x\ny   z\n", "column", "-t", "-l", "1"));
        c.add(TextCase.of("  lead  x\ny   z\n", "column"));
        c.add(TextCase.of("", "column", "-x", "-t", "table.txt"));
        c.add(TextCase.of("", "column", "-R", "1", "table.txt"));
        c.add(TextCase.of("", "column", "-J", "table.txt"));
        c.add(TextCase.of("", "column", "-c", "x", "list.txt"));
        c.add(TextCase.of("", "column", "-t", "-l", "0", "list.txt"));
        c.add(TextCase.of("", "column", "-t", "-N", "a,b", "-R", "zz", "table.txt"));
        c.add(TextCase.of("", "column", "missing.txt", "list.txt"));
        c.add(TextCase.of("", "column", "-q"));
        c.add(TextCase.of("", "column", "-t", "tabs.txt"));
    }

    private static void od(List<TextCase> c) {
        for (String file : new String[] {"nums.bin", "ctrl.bin"}) {
            c.add(TextCase.of("", "od", file));
            c.add(TextCase.of("", "od", "-c", file));
            c.add(TextCase.of("", "od", "-a", file));
            c.add(TextCase.of("", "od", "-b", file));
            c.add(TextCase.of("", "od", "-x", file));
            c.add(TextCase.of("", "od", "-d", file));
            c.add(TextCase.of("", "od", "-t", "x1", file));
            c.add(TextCase.of("", "od", "-t", "d1", file));
            c.add(TextCase.of("", "od", "-t", "u4", file));
            c.add(TextCase.of("", "od", "-t", "d8", file));
            c.add(TextCase.of("", "od", "-t", "o2", "-t", "c", file));
            c.add(TextCase.of("", "od", "-A", "x", "-t", "x1z", file));
            c.add(TextCase.of("", "od", "-A", "d", "-t", "x2", "-v", file));
            c.add(TextCase.of("", "od", "-A", "n", "-t", "x1", file));
            c.add(TextCase.of("", "od", "-t", "fF", file));
            c.add(TextCase.of("", "od", "-t", "fD", file));
            c.add(TextCase.of("", "od", "-t", "fL", file));
            c.add(TextCase.of("", "od", "-j", "3", "-N", "10", "-t", "x1", file));
            c.add(TextCase.of("", "od", "-w8", "-t", "x1", file));
            c.add(TextCase.of("", "od", "-w", "-c", file));
            c.add(TextCase.of("", "od", "--endian=big", "-t", "x2", file));
            c.add(TextCase.of("", "od", "-S", "3", file));
        }
        c.add(TextCase.of("", "od", "-c", "long.txt"));
        c.add(TextCase.of("", "od", "-v", "-c", "long.txt"));
        c.add(TextCase.of("", "od", "-An", "-tx1", "-v", "long.txt"));
        c.add(TextCase.of("", "od", "-c", "a.txt", "b.txt"));
        c.add(TextCase.of("", "od", "-c", "a.txt", "missing.txt", "b.txt"));
        c.add(TextCase.of("", "od", "-c", "dir"));
        c.add(TextCase.of("", "od", "-c", "empty.txt"));
        c.add(TextCase.of("abc", "od", "-c"));
        c.add(TextCase.of("abc", "od", "-c", "-"));
        c.add(TextCase.of("", "od", "-c", "a.txt", "+4"));
        c.add(TextCase.of("", "od", "-c", "a.txt", "10"));
        c.add(TextCase.of("", "od", "--traditional", "-c", "a.txt", "10", "100"));
        c.add(TextCase.of("", "od", "-j", "0x4", "-N", "1K", "-c", "a.txt"));
        c.add(TextCase.of("", "od", "-j", "100", "a.txt"));
        c.add(TextCase.of("", "od", "-t", "q", "a.txt"));
        c.add(TextCase.of("", "od", "-t", "d3", "a.txt"));
        c.add(TextCase.of("", "od", "-t", "f3", "a.txt"));
        c.add(TextCase.of("", "od", "-A", "q", "a.txt"));
        c.add(TextCase.of("", "od", "-j", "x", "a.txt"));
        c.add(TextCase.of("", "od", "-N", "1x", "a.txt"));
        c.add(TextCase.of("", "od", "-w5", "-t", "x2", "a.txt"));
        c.add(TextCase.of("", "od", "-S", "2", "-t", "x", "a.txt"));
        c.add(TextCase.of("", "od", "-S", "4", "strings.bin"));
        c.add(TextCase.of("", "od", "-A", "d", "-S", "2", "-N", "20", "strings.bin"));
        c.add(TextCase.of("", "od", "-t", "a1z", "-w4", "a.txt"));
    }

    private static void strings(List<TextCase> c) {
        for (String file : new String[] {"strings.bin", "ctrl.bin", "long.txt"}) {
            c.add(TextCase.of("", "strings", file));
            c.add(TextCase.of("", "strings", "-n", "2", file));
            c.add(TextCase.of("", "strings", "-n", "8", file));
            c.add(TextCase.of("", "strings", "-3", file));
            c.add(TextCase.of("", "strings", "-t", "x", file));
            c.add(TextCase.of("", "strings", "-t", "d", "-n", "2", file));
            c.add(TextCase.of("", "strings", "-o", file));
            c.add(TextCase.of("", "strings", "-f", file));
            c.add(TextCase.of("", "strings", "-w", file));
            c.add(TextCase.of("", "strings", "-e", "S", file));
            c.add(TextCase.of("", "strings", "-s", "|", file));
        }
        c.add(TextCase.of("", "strings", "-f", "strings.bin", "ctrl.bin"));
        c.add(TextCase.of("ab\0cdefg\n", "strings"));
        c.add(TextCase.of("ab\0cdefg\n", "strings", "-f"));
        c.add(TextCase.of("a\0b\0c\0d\0e\0", "strings", "-e", "l"));
        c.add(TextCase.of("\0a\0b\0c\0d", "strings", "-e", "b"));
        c.add(TextCase.of("", "strings", "missing.txt"));
        c.add(TextCase.of("", "strings", "dir"));
        c.add(TextCase.of("", "strings", "-n", "0", "a.txt"));
        c.add(TextCase.of("", "strings", "-n", "x", "a.txt"));
        c.add(TextCase.of("", "strings", "-t", "q", "a.txt"));
        c.add(TextCase.of("", "strings", "-"));
        c.add(TextCase.of("", "strings", "-", "a.txt"));
        c.add(TextCase.of("", "strings", "a.txt", "missing.txt", "b.txt"));
    }

    private static void split(List<TextCase> c) {
        c.add(TextCase.of("", "split", "-l", "3", "list.txt").then("cat", "xaa", "xab", "xac", "xad"));
        c.add(TextCase.of("", "split", "-l", "5", "list.txt", "p").then("cat", "pac"));
        c.add(TextCase.of("", "split", "-b", "10", "long.txt").then("cat", "xaa", "xal"));
        c.add(TextCase.of("", "split", "-b", "1K", "long.txt").then("cat", "xaa"));
        c.add(TextCase.of("", "split", "-C", "20", "long.txt").then("cat", "xaa", "xab", "xac", "xad", "xae"));
        c.add(TextCase.of("", "split", "-C", "100", "para.txt").then("cat", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-n", "3", "list.txt").then("cat", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-n", "2/3", "list.txt"));
        c.add(TextCase.of("", "split", "-n", "l/3", "list.txt").then("cat", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-n", "l/2/3", "list.txt"));
        c.add(TextCase.of("", "split", "-n", "r/3", "list.txt").then("cat", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-n", "r/2/3", "list.txt"));
        c.add(TextCase.of("", "split", "-n", "5", "b.txt").then("cat", "xaa", "xab", "xac", "xad", "xae"));
        c.add(TextCase.of("", "split", "-e", "-n", "5", "b.txt").then("ls"));
        c.add(TextCase.of("", "split", "-d", "-l", "4", "list.txt").then("cat", "x00", "x02"));
        c.add(TextCase.of("", "split", "--numeric-suffixes=7", "-l", "4", "list.txt").then("cat", "x07", "x09"));
        c.add(TextCase.of("", "split", "-x", "-l", "1", "list.txt").then("cat", "x0b"));
        c.add(TextCase.of("", "split", "-a", "3", "-l", "4", "list.txt").then("cat", "xaaa", "xaac"));
        c.add(TextCase.of("", "split", "--additional-suffix=.txt", "-l", "6", "list.txt", "out").then("cat", "outab.txt"));
        c.add(TextCase.of("", "split", "--verbose", "-l", "5", "list.txt"));
        c.add(TextCase.of("", "split", "-5", "list.txt").then("cat", "xac"));
        c.add(TextCase.of("", "split", "-t", ",", "-l", "2", "seps.txt").then("cat", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-l", "1", "noeol.txt").then("cat", "xac"));
        c.add(TextCase.of("1\n2\n3\n", "split", "-l", "2").then("cat", "xab"));
        c.add(TextCase.of("1\n2\n3\n", "split", "-l", "2", "-", "in").then("cat", "inab"));
        c.add(TextCase.of("", "split", "-l", "1", "nums.txt").then("ls"));
        c.add(TextCase.of("", "split", "-b", "1", "long.txt").then("ls").then("cat", "xyz", "xzaaa", "xzaab"));
        c.add(TextCase.of("", "split", "-a", "1", "-b", "1", "long.txt"));
        c.add(TextCase.of("", "split", "-l", "0", "list.txt"));
        c.add(TextCase.of("", "split", "-b", "x", "list.txt"));
        c.add(TextCase.of("", "split", "-l", "2", "-b", "3", "list.txt"));
        c.add(TextCase.of("", "split", "-n", "4/3", "list.txt"));
        c.add(TextCase.of("", "split", "-n", "0", "list.txt"));
        c.add(TextCase.of("", "split", "-a", "1", "-n", "30", "list.txt"));
        c.add(TextCase.of("", "split", "missing.txt"));
        c.add(TextCase.of("", "split", "a.txt", "p", "extra"));
        c.add(TextCase.of("", "split", "-d", "--numeric-suffixes=x1", "a.txt"));
        c.add(TextCase.of("", "split", "-t", "ab", "a.txt"));
        c.add(TextCase.of("", "split", "--additional-suffix=a/b", "a.txt"));
        c.add(TextCase.of("", "split", "-l", "2", "list.txt", "list.txt"));
        c.add(TextCase.of("", "split", "empty.txt").then("ls"));
        c.add(TextCase.of("", "split", "-n", "l/5", "b.txt").then("ls").then("tail", "-n", "+1", "xaa", "xab", "xac"));
        c.add(TextCase.of("", "split", "-C", "7", "list.txt").then("ls").then("tail", "-n", "+1", "xaa", "xab", "xaj"));
        c.add(TextCase.of("", "split", "-C", "3", "long.txt").then("cat", "xaa", "xab", "xzaaa", "xzaab"));
    }

    private static void csplit(List<TextCase> c) {
        String[] list = {"tail", "-n", "+1", "xx00", "xx01", "xx02", "xx03", "xx04", "xx05"};
        c.add(TextCase.of("", "csplit", "csplit.txt", "3").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "6").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/==/").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/==/", "{*}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/==/", "{1}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/==/", "{5}").then(list));
        c.add(TextCase.of("", "csplit", "-k", "csplit.txt", "/==/", "{5}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/== two/+1").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/== two/-1").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "%== two%").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "%== one%", "/== three/").then(list));
        c.add(TextCase.of("", "csplit", "-s", "csplit.txt", "/==/", "{*}").then(list));
        c.add(TextCase.of("", "csplit", "-z", "csplit.txt", "/intro/", "/==/", "{*}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/intro/").then(list));
        c.add(TextCase.of("", "csplit", "--suppress-matched", "csplit.txt", "/==/", "{*}").then(list));
        c.add(TextCase.of("", "csplit", "--suppress-matched", "csplit.txt", "4").then(list));
        c.add(TextCase.of("", "csplit", "-f", "ab", "csplit.txt", "5").then("tail", "-n", "+1", "ab00", "ab01"));
        c.add(TextCase.of("", "csplit", "-n", "3", "csplit.txt", "5").then(list));
        c.add(TextCase.of("", "csplit", "-b", "%03d.txt", "-f", "ab", "csplit.txt", "5").then("ls"));
        c.add(TextCase.of("", "csplit", "-b", "_%x", "csplit.txt", "2", "{3}").then("ls"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "20").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "11").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "10").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/nomatch/").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "%nomatch%").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "{2}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "{9}").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "5", "3"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "3").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "0"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "x"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/abc"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/a/x"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "{x}"));
        c.add(TextCase.of("", "csplit", "csplit.txt", "3", "{2"));
        c.add(TextCase.of("", "csplit", "csplit.txt"));
        c.add(TextCase.of("", "csplit"));
        c.add(TextCase.of("", "csplit", "missing.txt", "3"));
        c.add(TextCase.of("", "csplit", "-b", "x", "csplit.txt", "3"));
        c.add(TextCase.of("", "csplit", "-b", "%s", "csplit.txt", "3"));
        c.add(TextCase.of("a\nb\nc\nd\n", "csplit", "-", "2").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/^[a-z]*$/", "{*}").then(list));
        c.add(TextCase.of("", "csplit", "empty.txt", "/x/").then(list));
        c.add(TextCase.of("", "csplit", "csplit.txt", "/a\\{/"));
    }
}
