package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * fmt [-WIDTH] [-cstu] [-p PREFIX] [-w WIDTH] [-g GOAL] [FILE]...: refills paragraphs. A port of
 * GNU's fmt.c (Ross Paterson's algorithm): paragraphs are runs of lines with the same
 * indentation (and prefix), and each is broken where the sum of the costs of its lines is least,
 * lines being charged for their distance from the goal width (93% of the width), raggedness,
 * widows and orphans, and credited for breaks after sentences and punctuation. The bounded word
 * and character buffers of the original, and the way an overlong paragraph is flushed, are kept,
 * so the output is byte for byte GNU's.
 */
final class FmtCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cstuw:p:g:", "crown-margin:c", "prefix:p",
            "split-only:s", "tagged-paragraph:t", "uniform-spacing:u", "width:w", "goal:g");

    private static final int WIDTH = 75;
    private static final int LEEWAY = 7;
    private static final int DEF_INDENT = 3;
    private static final int MAXWORDS = 1000;
    private static final int MAXCHARS = 5000;
    private static final int TABWIDTH = 8;
    private static final long MAXCOST = Long.MAX_VALUE;
    private static final long LINE_COST = equiv(70);
    private static final long SENTENCE_BONUS = equiv(50);
    private static final long NOBREAK_COST = equiv(600);
    private static final long PAREN_BONUS = equiv(40);
    private static final long PUNCT_BONUS = equiv(40);
    private static final long LINE_CREDIT = equiv(3);

    private static long equiv(long n) {
        return n * n;
    }

    private static long shortCost(long n) {
        return equiv(n * 10);
    }

    private static long raggedCost(long n) {
        return shortCost(n) / 2;
    }

    /** A word of the paragraph buffer. */
    private static final class Word {
        int text;
        int length;
        int space;
        boolean paren;
        boolean period;
        boolean punct;
        boolean last;
        int lineLength;
        long bestCost;
        int nextBreak;

        void copyFrom(Word w) {
            text = w.text;
            length = w.length;
            space = w.space;
            paren = w.paren;
            period = w.period;
            punct = w.punct;
            last = w.last;
            lineLength = w.lineLength;
            bestCost = w.bestCost;
            nextBreak = w.nextBreak;
        }
    }

    private boolean crown;
    private boolean tagged;
    private boolean split;
    private boolean uniform;
    private byte[] prefix = new byte[0];
    private int maxWidth = WIDTH;
    private int prefixFullLength;
    private int prefixLeadSpace;
    private int prefixLength;
    private int goalWidth;

    private int inColumn;
    private int outColumn;
    private final byte[] parabuf = new byte[MAXCHARS];
    private int wptr;
    private final Word[] word = new Word[MAXWORDS];
    private int wordLimit;
    private boolean tabs;
    private int prefixIndent;
    private int firstIndent;
    private int otherIndent;
    private int nextChar;
    private int nextPrefixIndent;
    private int lastLineLength;
    private InputStream in;
    private OutputStream out;

    @Override
    public int run(ProcessApi process) throws Exception {
        for (int i = 0; i < MAXWORDS; i++) {
            word[i] = new Word();
        }
        List<String> args = new ArrayList<>(process.args());
        String widthOption = null;
        if (!args.isEmpty() && args.get(0).length() > 1 && args.get(0).charAt(0) == '-'
                && Character.isDigit(args.get(0).charAt(1))) {
            widthOption = args.remove(0).substring(1);
        }
        rejectDigitOptions(args);
        Options options = PARSER.parse(args);
        String goalOption = null;
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'c' -> crown = true;
                case 's' -> split = true;
                case 't' -> tagged = true;
                case 'u' -> uniform = true;
                case 'w' -> widthOption = given.value();
                case 'g' -> goalOption = given.value();
                case 'p' -> setPrefix(ByteText.bytes(ByteText.fromArg(given.value())));
                default -> { }
            }
        }
        if (widthOption != null) {
            maxWidth = (int) NumberArgs.decimal(widthOption, 0, MAXCHARS / 2, "", "invalid width");
        }
        if (goalOption != null) {
            goalWidth = (int) NumberArgs.decimal(goalOption, 0, maxWidth, "", "invalid width");
            if (widthOption == null) {
                maxWidth = goalWidth + 10;
            }
        } else {
            goalWidth = maxWidth * (2 * (100 - LEEWAY) + 1) / 200;
        }
        Diagnostics diagnostics = new Diagnostics(process, "fmt");
        out = ByteText.stdout(process);
        for (String name : OperandReader.orStdin(options.operands())) {
            InputStream raw;
            try {
                raw = InputFiles.open(process, name);
            } catch (KernelException e) {
                diagnostics.error("cannot open " + Diagnostics.quote(name) + " for reading: " + Diagnostics.describe(e));
                continue;
            }
            try {
                in = new BufferedInputStream(raw, 1 << 16);
                format();
            } catch (KernelException | IOException e) {
                diagnostics.error("read error");
            } finally {
                InputFiles.close(process, raw);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static void rejectDigitOptions(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return;
            }
            if (arg.startsWith("-") && !arg.startsWith("--")) {
                for (int i = 1; i < arg.length(); i++) {
                    char c = arg.charAt(i);
                    if ("wpg".indexOf(c) >= 0) {
                        break;
                    }
                    if (Character.isDigit(c)) {
                        throw new UsageException("invalid option -- " + c + "; -WIDTH is recognized only when it is"
                                + " the first\noption; use -w N instead");
                    }
                }
            }
        }
    }

    private void setPrefix(byte[] p) {
        int start = 0;
        while (start < p.length && p[start] == ' ') {
            start++;
        }
        prefixLeadSpace = start;
        prefixFullLength = p.length - start;
        int end = p.length;
        while (end > start && p[end - 1] == ' ') {
            end--;
        }
        prefix = java.util.Arrays.copyOfRange(p, start, end);
        prefixLength = end - start;
    }

    private int getc() throws IOException {
        return in.read();
    }

    private void format() throws IOException {
        tabs = false;
        otherIndent = 0;
        nextChar = getPrefix();
        while (getParagraph()) {
            fmtParagraph();
            putParagraph(wordLimit);
        }
    }

    private void setOtherIndent(boolean sameParagraph) {
        if (split) {
            otherIndent = firstIndent;
        } else if (crown) {
            otherIndent = sameParagraph ? inColumn : firstIndent;
        } else if (tagged) {
            if (sameParagraph && inColumn != firstIndent) {
                otherIndent = inColumn;
            } else if (otherIndent == firstIndent) {
                otherIndent = firstIndent == 0 ? DEF_INDENT : 0;
            }
        } else {
            otherIndent = firstIndent;
        }
    }

    private boolean getParagraph() throws IOException {
        lastLineLength = 0;
        int c = nextChar;
        while (c == '\n' || c == -1 || nextPrefixIndent < prefixLeadSpace
                || inColumn < nextPrefixIndent + prefixFullLength) {
            c = copyRest(c);
            if (c == -1) {
                nextChar = -1;
                return false;
            }
            out.write('\n');
            c = getPrefix();
        }
        prefixIndent = nextPrefixIndent;
        firstIndent = inColumn;
        wptr = 0;
        wordLimit = 0;
        c = getLine(c);
        setOtherIndent(sameParagraph(c));
        if (split) {
            // one line per paragraph
        } else if (crown) {
            if (sameParagraph(c)) {
                do {
                    c = getLine(c);
                } while (sameParagraph(c) && inColumn == otherIndent);
            }
        } else if (tagged) {
            if (sameParagraph(c) && inColumn != firstIndent) {
                do {
                    c = getLine(c);
                } while (sameParagraph(c) && inColumn == otherIndent);
            }
        } else {
            while (sameParagraph(c) && inColumn == otherIndent) {
                c = getLine(c);
            }
        }
        word[wordLimit - 1].period = true;
        word[wordLimit - 1].last = true;
        nextChar = c;
        return true;
    }

    private int copyRest(int c) throws IOException {
        outColumn = 0;
        if (inColumn > nextPrefixIndent || (c != '\n' && c != -1)) {
            putSpace(nextPrefixIndent);
            for (int s = 0; outColumn != inColumn && s < prefix.length; outColumn++) {
                out.write(prefix[s++]);
            }
            if (c != -1 && c != '\n') {
                putSpace(inColumn - outColumn);
            }
            if (c == -1 && inColumn >= nextPrefixIndent + prefixLength) {
                out.write('\n');
            }
        }
        while (c != '\n' && c != -1) {
            out.write(c);
            c = getc();
        }
        return c;
    }

    private boolean sameParagraph(int c) {
        return nextPrefixIndent == prefixIndent && inColumn >= nextPrefixIndent + prefixFullLength
                && c != '\n' && c != -1;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private int getLine(int c) throws IOException {
        do {
            Word w = word[wordLimit];
            w.text = wptr;
            do {
                if (wptr == MAXCHARS) {
                    setOtherIndent(true);
                    flushParagraph();
                    w = word[wordLimit];
                }
                parabuf[wptr++] = (byte) c;
                c = getc();
            } while (c != -1 && !isSpace(c));
            w.length = wptr - w.text;
            inColumn += w.length;
            checkPunctuation(w);
            int start = inColumn;
            c = getSpace(c);
            w.space = inColumn - start;
            w.last = c == -1 || (w.period && (c == '\n' || w.space > 1));
            if (c == '\n' || c == -1 || uniform) {
                w.space = w.last ? 2 : 1;
            }
            if (wordLimit == MAXWORDS - 2) {
                setOtherIndent(true);
                flushParagraph();
            }
            wordLimit++;
        } while (c != '\n' && c != -1);
        return getPrefix();
    }

    private int getPrefix() throws IOException {
        inColumn = 0;
        int c = getSpace(getc());
        if (prefixLength == 0) {
            nextPrefixIndent = Math.min(prefixLeadSpace, inColumn);
        } else {
            nextPrefixIndent = inColumn;
            for (byte p : prefix) {
                if (c != (p & 0xFF)) {
                    return c;
                }
                inColumn++;
                c = getc();
            }
            c = getSpace(c);
        }
        return c;
    }

    private int getSpace(int c) throws IOException {
        while (true) {
            if (c == ' ') {
                inColumn++;
            } else if (c == '\t') {
                tabs = true;
                inColumn = (inColumn / TABWIDTH + 1) * TABWIDTH;
            } else {
                return c;
            }
            c = getc();
        }
    }

    private void checkPunctuation(Word w) {
        int start = w.text;
        int finish = start + w.length - 1;
        int fin = parabuf[finish] & 0xFF;
        w.paren = "(['`\"".indexOf(parabuf[start] & 0xFF) >= 0;
        w.punct = fin > 32 && fin < 127 && !Character.isLetterOrDigit(fin);
        while (start < finish && ")]'\"".indexOf(parabuf[finish] & 0xFF) >= 0) {
            finish--;
        }
        w.period = ".?!".indexOf(parabuf[finish] & 0xFF) >= 0;
    }

    private void flushParagraph() throws IOException {
        if (wordLimit == 0) {
            out.write(parabuf, 0, wptr);
            wptr = 0;
            return;
        }
        fmtParagraph();
        int splitPoint = wordLimit;
        long bestBreak = MAXCOST;
        for (int w = word[0].nextBreak; w != wordLimit; w = word[w].nextBreak) {
            long cost = word[w].bestCost - word[word[w].nextBreak].bestCost;
            if (cost < bestBreak) {
                splitPoint = w;
                bestBreak = cost;
            }
            if (bestBreak <= MAXCOST - LINE_CREDIT) {
                bestBreak += LINE_CREDIT;
            }
        }
        putParagraph(splitPoint);
        int shift = word[splitPoint].text;
        System.arraycopy(parabuf, shift, parabuf, 0, wptr - shift);
        wptr -= shift;
        for (int w = splitPoint; w <= wordLimit; w++) {
            word[w].text -= shift;
        }
        int count = wordLimit - splitPoint + 1;
        for (int i = 0; i < count; i++) {
            word[i].copyFrom(word[splitPoint + i]);
            word[i].nextBreak -= splitPoint;
        }
        wordLimit -= splitPoint;
    }

    private void fmtParagraph() {
        word[wordLimit].bestCost = 0;
        int savedLength = word[wordLimit].length;
        word[wordLimit].length = maxWidth;
        for (int start = wordLimit - 1; start >= 0; start--) {
            long best = MAXCOST;
            int len = start == 0 ? firstIndent : otherIndent;
            int w = start;
            len += word[w].length;
            do {
                w++;
                long cost = lineCost(w, len) + word[w].bestCost;
                if (start == 0 && lastLineLength > 0) {
                    cost += raggedCost(len - lastLineLength);
                }
                if (cost < best) {
                    best = cost;
                    word[start].nextBreak = w;
                    word[start].lineLength = len;
                }
                if (w == wordLimit) {
                    break;
                }
                len += word[w - 1].space + word[w].length;
            } while (len < maxWidth);
            word[start].bestCost = best + baseCost(start);
        }
        word[wordLimit].length = savedLength;
    }

    private long baseCost(int w) {
        long cost = LINE_COST;
        if (w > 0) {
            Word before = word[w - 1];
            if (before.period) {
                cost += before.last ? -SENTENCE_BONUS : NOBREAK_COST;
            } else if (before.punct) {
                cost -= PUNCT_BONUS;
            } else if (w > 1 && word[w - 2].last) {
                cost += equiv(200) / (before.length + 2);
            }
        }
        if (word[w].paren) {
            cost -= PAREN_BONUS;
        } else if (word[w].last) {
            cost += equiv(150) / (word[w].length + 2);
        }
        return cost;
    }

    private long lineCost(int next, int len) {
        if (next == wordLimit) {
            return 0;
        }
        long cost = shortCost(goalWidth - len);
        if (word[next].nextBreak != wordLimit) {
            cost += raggedCost(len - word[next].lineLength);
        }
        return cost;
    }

    private void putParagraph(int finish) throws IOException {
        putLine(0, firstIndent);
        for (int w = word[0].nextBreak; w != finish; w = word[w].nextBreak) {
            putLine(w, otherIndent);
        }
    }

    private void putLine(int w, int indent) throws IOException {
        outColumn = 0;
        putSpace(prefixIndent);
        out.write(prefix);
        outColumn += prefixLength;
        putSpace(indent - outColumn);
        int endLine = word[w].nextBreak - 1;
        for (; w != endLine; w++) {
            putWord(word[w]);
            putSpace(word[w].space);
        }
        putWord(word[w]);
        lastLineLength = outColumn;
        out.write('\n');
    }

    private void putWord(Word w) throws IOException {
        out.write(parabuf, w.text, w.length);
        outColumn += w.length;
    }

    private void putSpace(int space) throws IOException {
        int spaceTarget = outColumn + space;
        if (tabs) {
            int tabTarget = spaceTarget / TABWIDTH * TABWIDTH;
            if (outColumn + 1 < tabTarget) {
                while (outColumn < tabTarget) {
                    out.write('\t');
                    outColumn = (outColumn / TABWIDTH + 1) * TABWIDTH;
                }
            }
        }
        while (outColumn < spaceTarget) {
            out.write(' ');
            outColumn++;
        }
    }
}
