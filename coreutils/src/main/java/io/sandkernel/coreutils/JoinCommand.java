package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * join [-i] [-a N] [-v N] [-e EMPTY] [-o FORMAT|auto] [-t CHAR] [-1 F] [-2 F] [-j F] [-z]
 * [--header] [--check-order|--nocheck-order] FILE1 FILE2: joins the lines of two files sorted on
 * their join fields, as join.c does: runs of equal keys make their cross product, fields are
 * separated by runs of blanks (or each CHAR), and an unsorted input is diagnosed once an
 * unpairable line has been seen ("join: FILE:LINE: is not sorted: TEXT", then exit status 1).
 */
final class JoinCommand implements Program {
    private static final char NOCHECK = '\u0001';
    private static final char CHECK = '\u0002';
    private static final char HEADER = '\u0003';
    private static final Options.Parser PARSER = new Options.Parser("a:e:i1:2:j:o:t:v:z", "ignore-case:i",
            "check-order:" + CHECK, "nocheck-order:" + NOCHECK, "zero-terminated:z", "header:" + HEADER);

    /** A line and its fields (byte strings). */
    private record Line(String text, List<String> fields) {}

    private static final Line BLANK = new Line("", List.of());

    /** One item of {@code -o}: file 0 is the join field. */
    private record Field(int file, int index) {}

    private int tab = -1; // -1: blanks; '\n': the whole line
    private int eol = '\n';
    private boolean ignoreCase;
    private boolean unpairables1;
    private boolean unpairables2;
    private boolean pairables = true;
    private String filler;
    private List<Field> format;
    private boolean autoformat;
    private int autocount1;
    private int autocount2;
    private int field1 = -1;
    private int field2 = -1;
    private int checkOrder; // 0 default, 1 enabled, -1 disabled
    private boolean seenUnpairable;
    private final boolean[] warned = new boolean[2];
    private final long[] lineNumbers = new long[2];
    private final Line[] previous = new Line[2];
    private final String[] names = new String[2];
    private final LineReader[] readers = new LineReader[2];
    private Diagnostics diagnostics;
    private OutputStream out;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'v', 'a' -> {
                    if (given.option() == 'v') {
                        pairables = false;
                    }
                    NumberArgs.Parsed n = NumberArgs.parse(value, 10, "");
                    if (n.status() != NumberArgs.Status.OK || (n.value() != 1 && n.value() != 2)) {
                        throw UsageException.withoutHint("invalid field number: " + Diagnostics.quote(value));
                    }
                    if (n.value() == 1) {
                        unpairables1 = true;
                    } else {
                        unpairables2 = true;
                    }
                }
                case 'e' -> {
                    String f = ByteText.fromArg(value);
                    if (filler != null && !filler.equals(f)) {
                        throw UsageException.withoutHint("conflicting empty-field replacement strings");
                    }
                    filler = f;
                }
                case 'i' -> ignoreCase = true;
                case '1' -> field1 = setField(field1, field(value));
                case '2' -> field2 = setField(field2, field(value));
                case 'j' -> {
                    field1 = setField(field1, field(value));
                    field2 = setField(field2, field1);
                }
                case 'o' -> {
                    if (value.equals("auto")) {
                        autoformat = true;
                    } else {
                        addFormat(value);
                    }
                }
                case 't' -> {
                    String t = ByteText.fromArg(value);
                    int newTab;
                    if (t.isEmpty()) {
                        newTab = '\n';
                    } else if (t.length() > 1) {
                        if (!t.equals("\\0")) {
                            throw UsageException.withoutHint("multi-character tab " + Diagnostics.quote(value));
                        }
                        newTab = 0;
                    } else {
                        newTab = t.charAt(0);
                    }
                    if (tab >= 0 && tab != newTab) {
                        throw UsageException.withoutHint("incompatible tabs");
                    }
                    tab = newTab;
                }
                case 'z' -> eol = 0;
                case NOCHECK -> checkOrder = -1;
                case CHECK -> checkOrder = 1;
                default -> { }
            }
        }
        List<String> operands = options.operands();
        if (operands.size() > 2) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
        }
        if (operands.size() < 2) {
            throw new UsageException(operands.isEmpty() ? "missing operand"
                    : "missing operand after " + Diagnostics.quote(process.args().get(process.args().size() - 1)));
        }
        field1 = Math.max(field1, 0);
        field2 = Math.max(field2, 0);
        diagnostics = new Diagnostics(process, "join");
        InputStream[] streams = new InputStream[2];
        for (int i = 0; i < 2; i++) {
            names[i] = operands.get(i);
            try {
                streams[i] = InputFiles.open(process, names[i]);
            } catch (KernelException e) {
                InputFiles.close(process, streams[0]);
                throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(names[i]) + ": " + Diagnostics.describe(e));
            }
            readers[i] = new LineReader(streams[i], eol);
        }
        if (names[0].equals("-") && names[1].equals("-")) {
            throw UsageException.withoutHint("both files cannot be standard input");
        }
        out = ByteText.stdout(process);
        try {
            join(options.has(HEADER));
        } catch (KernelException | IOException e) {
            out.flush();
            diagnostics.error("read error: " + Diagnostics.describe(e));
            return 1;
        } catch (UsageException e) {
            out.flush(); // a fatal disorder (--check-order) keeps what was joined before it
            throw e;
        } finally {
            InputFiles.close(process, streams[0]);
            InputFiles.close(process, streams[1]);
        }
        out.flush();
        if (warned[0] || warned[1]) {
            diagnostics.error("input is not in sorted order");
            return 1;
        }
        return 0;
    }

    private static int field(String text) {
        NumberArgs.Parsed n = NumberArgs.parse(text, 10, "");
        if (n.status() == NumberArgs.Status.OVERFLOW || (n.status() == NumberArgs.Status.OK && n.value() > Integer.MAX_VALUE)) {
            return Integer.MAX_VALUE - 1;
        }
        if (n.status() != NumberArgs.Status.OK || n.value() == 0) {
            throw UsageException.withoutHint("invalid field number: " + Diagnostics.quote(text));
        }
        return (int) n.value() - 1;
    }

    private static int setField(int current, int value) {
        if (current >= 0 && current != value) {
            throw UsageException.withoutHint("incompatible join fields " + (current + 1L) + ", " + (value + 1L));
        }
        return value;
    }

    private void addFormat(String list) {
        if (format == null) {
            format = new ArrayList<>();
        }
        for (String spec : list.split("[, \t]", -1)) {
            char first = spec.isEmpty() ? 0 : spec.charAt(0);
            if (first == '0') {
                if (spec.length() > 1) {
                    throw UsageException.withoutHint("invalid field specifier: " + Diagnostics.quote(spec));
                }
                format.add(new Field(0, 0));
            } else if (first == '1' || first == '2') {
                if (spec.length() < 2 || spec.charAt(1) != '.') {
                    throw UsageException.withoutHint("invalid field specifier: " + Diagnostics.quote(spec));
                }
                format.add(new Field(first - '0', field(spec.substring(2))));
            } else {
                throw UsageException.withoutHint("invalid file number in field spec: " + Diagnostics.quote(spec));
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /** get_line: the next line of file {@code which} (0 or 1) with its fields, checked for order. */
    private Line next(int which) throws IOException {
        String text = readers[which].next();
        if (text == null) {
            return null;
        }
        lineNumbers[which]++;
        Line line = new Line(text, fields(text));
        if (previous[which] != null) {
            checkOrder(previous[which], line, which);
        }
        previous[which] = line;
        return line;
    }

    private List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        if (text.isEmpty()) {
            return fields;
        }
        if (tab >= 0 && tab != '\n') {
            int start = 0;
            int at;
            while ((at = text.indexOf(tab, start)) >= 0) {
                fields.add(text.substring(start, at));
                start = at + 1;
            }
            fields.add(text.substring(start));
            return fields;
        }
        if (tab == '\n') {
            fields.add(text);
            return fields;
        }
        int at = 0;
        while (at < text.length() && isBlank(text.charAt(at))) {
            at++;
        }
        if (at == text.length()) {
            return fields;
        }
        while (true) {
            int end = at + 1;
            while (end < text.length() && !isBlank(text.charAt(end))) {
                end++;
            }
            fields.add(text.substring(at, end));
            if (end == text.length()) {
                return fields;
            }
            at = end + 1;
            while (at < text.length() && isBlank(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                fields.add(""); // trailing blanks end with an empty field, as join.c's last extract_field
                return fields;
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private void checkOrder(Line before, Line line, int which) {
        if (checkOrder < 0 || (checkOrder == 0 && !seenUnpairable) || warned[which]) {
            return;
        }
        int field = which == 0 ? field1 : field2;
        if (compare(before, line, field, field) > 0) {
            String message = names[which] + ":" + lineNumbers[which] + ": is not sorted: " + line.text();
            if (checkOrder > 0) {
                throw UsageException.withoutHint(ByteText.toUnicode(message));
            }
            diagnostics.warnBytes(ByteText.fromArg(names[which]) + ":" + lineNumbers[which] + ": is not sorted: "
                    + line.text());
            warned[which] = true;
        }
    }

    /** keycmp: an empty or missing key sorts first; bytes, or upper-cased bytes with -i. */
    private int compare(Line a, Line b, int fieldA, int fieldB) {
        String keyA = fieldA < a.fields().size() ? a.fields().get(fieldA) : "";
        String keyB = fieldB < b.fields().size() ? b.fields().get(fieldB) : "";
        if (keyA.isEmpty()) {
            return keyB.isEmpty() ? 0 : -1;
        }
        if (keyB.isEmpty()) {
            return 1;
        }
        int n = Math.min(keyA.length(), keyB.length());
        for (int i = 0; i < n; i++) {
            int x = keyA.charAt(i);
            int y = keyB.charAt(i);
            if (ignoreCase) {
                x = x >= 'a' && x <= 'z' ? x - 32 : x;
                y = y >= 'a' && y <= 'z' ? y - 32 : y;
            }
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(keyA.length(), keyB.length());
    }

    // ------------------------------------------------------------------ joining

    private void join(boolean header) throws IOException {
        List<Line> seq1 = new ArrayList<>();
        List<Line> seq2 = new ArrayList<>();
        add(seq1, 0);
        add(seq2, 1);
        if (autoformat) {
            autocount1 = seq1.isEmpty() ? 0 : seq1.get(0).fields().size();
            autocount2 = seq2.isEmpty() ? 0 : seq2.get(0).fields().size();
        }
        if (header && (!seq1.isEmpty() || !seq2.isEmpty())) {
            print(seq1.isEmpty() ? BLANK : seq1.get(0), seq2.isEmpty() ? BLANK : seq2.get(0));
            previous[0] = null;
            previous[1] = null;
            if (!seq1.isEmpty()) {
                advance(seq1, 0);
            }
            if (!seq2.isEmpty()) {
                advance(seq2, 1);
            }
        }
        while (!seq1.isEmpty() && !seq2.isEmpty()) {
            int diff = compare(seq1.get(0), seq2.get(0), field1, field2);
            if (diff < 0) {
                if (unpairables1) {
                    print(seq1.get(0), BLANK);
                }
                advance(seq1, 0);
                seenUnpairable = true;
                continue;
            }
            if (diff > 0) {
                if (unpairables2) {
                    print(BLANK, seq2.get(0));
                }
                advance(seq2, 1);
                seenUnpairable = true;
                continue;
            }
            boolean eof1 = false;
            do {
                if (!add(seq1, 0)) {
                    eof1 = true;
                    break;
                }
            } while (compare(seq1.get(seq1.size() - 1), seq2.get(0), field1, field2) == 0);
            boolean eof2 = false;
            do {
                if (!add(seq2, 1)) {
                    eof2 = true;
                    break;
                }
            } while (compare(seq1.get(0), seq2.get(seq2.size() - 1), field1, field2) == 0);
            int count1 = eof1 ? seq1.size() : seq1.size() - 1;
            int count2 = eof2 ? seq2.size() : seq2.size() - 1;
            if (pairables) {
                for (int i = 0; i < count1; i++) {
                    for (int j = 0; j < count2; j++) {
                        print(seq1.get(i), seq2.get(j));
                    }
                }
            }
            keepLast(seq1, eof1);
            keepLast(seq2, eof2);
        }
        boolean checkTail = checkOrder >= 0 && !(warned[0] && warned[1]);
        if ((unpairables1 || checkTail) && !seq1.isEmpty()) {
            if (unpairables1) {
                print(seq1.get(0), BLANK);
            }
            if (!seq2.isEmpty()) {
                seenUnpairable = true;
            }
            Line line;
            while ((line = next(0)) != null) {
                if (unpairables1) {
                    print(line, BLANK);
                }
                if (warned[0] && !unpairables1) {
                    break;
                }
            }
        }
        if ((unpairables2 || checkTail) && !seq2.isEmpty()) {
            if (unpairables2) {
                print(BLANK, seq2.get(0));
            }
            if (!seq1.isEmpty()) {
                seenUnpairable = true;
            }
            Line line;
            while ((line = next(1)) != null) {
                if (unpairables2) {
                    print(BLANK, line);
                }
                if (warned[1] && !unpairables2) {
                    break;
                }
            }
        }
    }

    private boolean add(List<Line> seq, int which) throws IOException {
        Line line = next(which);
        if (line == null) {
            return false;
        }
        seq.add(line);
        return true;
    }

    private void advance(List<Line> seq, int which) throws IOException {
        seq.clear();
        add(seq, which);
    }

    private static void keepLast(List<Line> seq, boolean eof) {
        if (eof) {
            seq.clear();
        } else {
            Line last = seq.get(seq.size() - 1);
            seq.clear();
            seq.add(last);
        }
    }

    private void print(Line line1, Line line2) throws IOException {
        char separator = (char) (tab < 0 ? ' ' : tab);
        StringBuilder b = new StringBuilder();
        if (format != null) {
            for (int i = 0; i < format.size(); i++) {
                Field f = format.get(i);
                if (i > 0) {
                    b.append(separator);
                }
                if (f.file() == 0) {
                    field(b, line1 == BLANK ? line2 : line1, line1 == BLANK ? field2 : field1);
                } else {
                    field(b, f.file() == 1 ? line1 : line2, f.index());
                }
            }
        } else {
            field(b, line1 == BLANK ? line2 : line1, line1 == BLANK ? field2 : field1);
            others(b, line1, field1, autocount1, separator);
            others(b, line2, field2, autocount2, separator);
        }
        b.append((char) eol);
        ByteText.write(out, b.toString());
    }

    private void field(StringBuilder b, Line line, int index) {
        if (index < line.fields().size() && !line.fields().get(index).isEmpty()) {
            b.append(line.fields().get(index));
        } else if (filler != null) {
            b.append(filler);
        }
    }

    private void others(StringBuilder b, Line line, int joinField, int autocount, char separator) {
        int count = autoformat ? autocount : line.fields().size();
        for (int i = 0; i < joinField && i < count; i++) {
            b.append(separator);
            field(b, line, i);
        }
        for (int i = joinField + 1; i < count; i++) {
            b.append(separator);
            field(b, line, i);
        }
    }
}
