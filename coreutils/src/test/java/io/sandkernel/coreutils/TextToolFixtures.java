package io.sandkernel.coreutils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files the text-tool differential cases start with: {@link GnuCases#FILES} plus sorted
 * lists for comm and join, tabbed and long text for expand, fold and fmt, binary-ish bytes for od
 * and strings, and pairs for tsort. Characters above U+007F reach both sides as their UTF-8 bytes.
 */
final class TextToolFixtures {
    private TextToolFixtures() {}

    static final Map<String, String> FILES;

    static {
        Map<String, String> files = new LinkedHashMap<>(GnuCases.FILES);
        files.put("lines.txt", "one\ntwo\nthree\nfour\nfive\n");
        files.put("empty.txt", "");
        files.put("blankline.txt", "\n");
        files.put("seps.txt", "a,b,c,d,");
        files.put("records.txt", "r1::r2::r3::tail");
        files.put("s1.txt", "apple\nbanana\ncherry\ndate\n");
        files.put("s2.txt", "banana\ncherry\nelder\nfig\n");
        files.put("s3.txt", "apple\napple\nbanana\nzebra");
        files.put("unsorted1.txt", "banana\napple\ncherry\n");
        files.put("unsorted2.txt", "fig\ncherry\nbanana\n");
        files.put("j1.txt", "1 alice 30\n2 bob 25\n3 carol 41\n5 eve 19\n");
        files.put("j2.txt", "1 paris\n2 rome\n4 oslo\n5 lima\n5 nice\n");
        files.put("j3.txt", "a 1\nb 2\nb 3\nc 4\n");
        files.put("j4.txt", "b x\nb y\nc z\nd w\n");
        files.put("jc1.csv", "id,name\n1,ann\n2,bob\n4,dee\n");
        files.put("jc2.csv", "id,city\n1,rome\n3,oslo\n4,lima\n");
        files.put("jcase1.txt", "A 1\nb 2\nC 3\n");
        files.put("jcase2.txt", "a x\nB y\nc z\n");
        files.put("junsorted.txt", "3 c\n1 a\n2 b\n");
        files.put("jblank.txt", "  1   one\n 2 two  \n3\tthree\n");
        files.put("tabbed.txt", "a\tb\tc\n\tlead\n\t\tdouble\nx\ty\tz\n12345678\tafter eight\n");
        files.put("spaces.txt", "        eight\n    four\n  two a  b   c    d\n x\n                sixteen    x\nab      cd\n");
        files.put("tabmix.txt", "  \t mixed\n \t \tx\na       b\n\t \n");
        files.put("backspace.txt", "ab\bc\td\n\b\tx\n");
        files.put("long.txt", "The quick brown fox jumps over the lazy dog and keeps running far away from the "
                + "farm where it was born, never looking back at the old barn.\n"
                + "short line\n"
                + "averyveryveryverylongwordwithoutanyspacesthatcannotbebrokenanywhereatallreallyno\n"
                + "tabs\there\tand\tthere\tin\ta\tlong\tline\twith\tmany\ttabs\tinside\tit\n\n"
                + "  indented text that is long enough to need folding somewhere in the middle ok\n");
        files.put("para.txt", "This is the first paragraph. It has two sentences.  And a third one here.\n"
                + "It continues on a second line which is rather long and should be joined with the others.\n\n"
                + "   Indented second paragraph\n   with the same indentation on each line\n   of three lines.\n\n"
                + "> quoted line one\n> quoted line two that is a bit longer than the first\n"
                + "Short.\nLines.\nHere.\n");
        files.put("ctrl.bin", "text\u0000\u0001\u0002more text here\n\u007f\u00ff\u00e9t\u00e9 unicode\u0000\u0000"
                + "\t tab and space  \r\nend");
        files.put("strings.bin", "ab\u0000abcd\u0000abcdefgh\u0001\u0002xy\u0003hello world\u0000\ttabbed\u0000"
                + "line\nbreak\u0000\u0000\u0000last");
        files.put("nums.bin", "\u0001\u0000\u0002\u0000\u00ff\u007f\u0080ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        files.put("pairs.txt", "a b\nb c\nc d\n");
        files.put("deps.txt", "main parse\nmain eval\nparse lex\neval lex\nlex util\nmain util\n");
        files.put("loop.txt", "a b\nb c\nc a\nc d\n");
        files.put("odd.txt", "a b c\n");
        files.put("self.txt", "x x\ny y\nx y\n");
        files.put("table.txt", "name age city\nalice 30 paris\nbob 4 rome\ncarolyn 101 oslo\n");
        files.put("table.csv", "name,age,city\nalice,30,paris\nbob,4,rome\ncarolyn,101,oslo\n");
        files.put("list.txt", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\n");
        files.put("sections.txt", "\\:\\:\\:\nheader line\n\\:\\:\nbody one\n\nbody two\n\\:\nfooter\n"
                + "\\:\\:\\:\nhead 2\n\\:\\:\nbody three\n");
        files.put("sections2.txt", "@@@\nhead\n@@\nbody\n@\nfoot\n");
        files.put("blanks.txt", "a\n\n\n\nb\n\n\nc\n\n");
        files.put("csplit.txt", "intro\n== one\nalpha\nbeta\n== two\ngamma\n== three\ndelta\nepsilon\nend\n");
        FILES = Collections.unmodifiableMap(files);
    }
}
