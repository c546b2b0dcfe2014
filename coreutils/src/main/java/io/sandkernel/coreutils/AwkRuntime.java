package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of a running awk program: variables (globals by slot, the current function's
 * locals), the record and its fields (split lazily, rebuilt with OFS when a field or NF is
 * assigned), the special variables and what they control, conversions between numbers and
 * strings, and the regex cache. {@link AwkIo} does the reading and writing.
 */
final class AwkRuntime {
    // special variables: fixed global slots
    static final int NF = 0;
    static final int NR = 1;
    static final int FNR = 2;
    static final int FS = 3;
    static final int OFS = 4;
    static final int ORS = 5;
    static final int RS = 6;
    static final int SUBSEP = 7;
    static final int CONVFMT = 8;
    static final int OFMT = 9;
    static final int RSTART = 10;
    static final int RLENGTH = 11;
    static final int FILENAME = 12;
    static final int ENVIRON = 13;
    static final int ARGC = 14;
    static final int ARGV = 15;
    static final List<String> SPECIAL_NAMES = List.of("NF", "NR", "FNR", "FS", "OFS", "ORS", "RS", "SUBSEP",
            "CONVFMT", "OFMT", "RSTART", "RLENGTH", "FILENAME", "ENVIRON", "ARGC", "ARGV");

    /** Thrown by next, nextfile and exit, which may happen inside functions. */
    static final class Jump extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int kind;

        Jump(int kind) {
            super(null, null, false, false);
            this.kind = kind;
        }
    }

    static final int JUMP_NEXT = 1;
    static final int JUMP_NEXTFILE = 2;
    static final int JUMP_EXIT = 3;
    static final Jump NEXT = new Jump(JUMP_NEXT);
    static final Jump NEXTFILE = new Jump(JUMP_NEXTFILE);
    static final Jump EXIT = new Jump(JUMP_EXIT);

    final ProcessApi process;
    /** What the program's arrays and large strings hold, charged to the process. */
    final AwkMemory memory;
    final CpuCheckpoint checkpoint;
    /**
     * Whether the locale is UTF-8: strings are then text decoded from their bytes (see
     * {@link Utf8#decode}), so builtins count characters, as gawk does; else byte strings.
     */
    final boolean utf8;
    final AwkRegex regexes;
    final Object[] globals;
    Object[] locals = new Object[0];
    AwkIo io;
    int exitStatus;
    Object returnValue = AwkValue.UNINIT;
    /** Whether exit has run (END actions then run once, a second exit ends at once). */
    boolean exiting;
    long nr;
    long fnr;
    int depth;

    // cached settings from the special variables
    String convfmt = "%.6g";
    String ofmt = "%.6g";
    String ofs = " ";
    String ors = "\n";
    String subsep = "\034";
    private String fs = " ";
    /** The FS in force when the current record was read. */
    private String splitFs = " ";

    // the record
    private Object record = AwkValue.UNINIT;
    private boolean recordStale;
    private Object[] fields = new Object[32];
    // Where the fields of splitText lie ({start, end} pairs) when split by a blank or one character:
    // a field is made a value only when read (null in fields until then), so {s+=$1} splits cheaply.
    private int[] bounds = new int[64];
    private String splitText;
    private int nf;
    private boolean split = true;

    /** Whether gawk's warning about bytes that are no character was given. */
    private boolean warnedInvalidText;

    // rand
    private java.util.Random random = new java.util.Random(0);
    private double seed;

    AwkRuntime(ProcessApi process, int globalCount, boolean utf8) {
        this.process = process;
        this.memory = new AwkMemory(process);
        this.utf8 = utf8;
        this.regexes = new AwkRegex(utf8);
        this.checkpoint = new CpuCheckpoint(process);
        this.globals = new Object[globalCount];
        Arrays.fill(globals, AwkValue.UNINIT);
        globals[FS] = " ";
        globals[OFS] = " ";
        globals[ORS] = "\n";
        globals[RS] = "\n";
        globals[SUBSEP] = "\034";
        globals[CONVFMT] = "%.6g";
        globals[OFMT] = "%.6g";
        globals[RSTART] = 0.0;
        globals[RLENGTH] = -1.0;
        globals[FILENAME] = "";
        AwkArray environ = new AwkArray(memory);
        process.env().forEach((k, v) -> environ.put(text(ByteText.fromArg(k)), new AwkValue.Strnum(text(ByteText.fromArg(v)))));
        globals[ENVIRON] = environ;
        globals[ARGV] = new AwkArray(memory);
        split = true;
        nf = 0;
    }

    // ------------------------------------------------------------------ conversions

    /** A value as a string (numbers by CONVFMT). */
    String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return AwkFormat.number(d, convfmt);
        }
        return v.toString();
    }

    /** A value as print shows it (numbers by OFMT). */
    String outStr(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return AwkFormat.number(d, ofmt);
        }
        return v.toString();
    }

    /** A value as an array subscript. */
    String key(Object v) {
        if (v instanceof Double d) {
            double x = d;
            if (x == (long) x) {
                return Long.toString((long) x);
            }
        }
        return str(v);
    }

    /** POSIX comparison: numeric when both are numeric, else as strings (bytes). */
    int compare(Object a, Object b) {
        if (AwkValue.isNumeric(a) && AwkValue.isNumeric(b)) {
            double x = AwkValue.num(a);
            double y = AwkValue.num(b);
            return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2; // 2: unordered (NaN)
        }
        return str(a).compareTo(str(b));
    }

    // ------------------------------------------------------------------ special variables

    /** Reads a special variable (NF splits the record; NR and FNR are counters). */
    Object getSpecial(int slot) {
        return switch (slot) {
            case NF -> {
                ensureSplit();
                yield (double) nf;
            }
            case NR -> (double) nr;
            case FNR -> (double) fnr;
            default -> globals[slot];
        };
    }

    /** Assigns a special variable and updates what depends on it. */
    void setSpecial(int slot, Object value) {
        switch (slot) {
            case NF -> setNf((int) AwkValue.num(value));
            case NR -> nr = (long) AwkValue.num(value);
            case FNR -> fnr = (long) AwkValue.num(value);
            default -> {
                if (globals[slot] instanceof AwkArray) {
                    throw new AwkFatal("attempt to use array `" + SPECIAL_NAMES.get(slot) + "' in a scalar context");
                }
                globals[slot] = value;
                switch (slot) {
                    case FS -> fs = str(value);
                    case OFS -> ofs = str(value);
                    case ORS -> ors = str(value);
                    case SUBSEP -> subsep = str(value);
                    case CONVFMT -> convfmt = str(value);
                    case OFMT -> ofmt = str(value);
                    default -> { }
                }
            }
        }
    }

    /** The record separator as a string. */
    String rs() {
        return str(globals[RS]);
    }

    // ------------------------------------------------------------------ the record

    /** Sets $0 from input (a new record: fields are split again when needed). */
    void setRecord(String text) {
        record = new AwkValue.Strnum(text);
        recordStale = false;
        split = false;
        splitFs = fs; // a change of FS applies from the next record on, as POSIX says
    }

    /** $0. */
    Object record() {
        if (recordStale) {
            rebuild();
        }
        return record;
    }

    /** $i. */
    Object getField(int i) {
        if (i == 0) {
            return record();
        }
        if (i < 0) {
            throw new AwkFatal("attempt to access field " + i);
        }
        ensureSplit();
        return i <= nf ? field(i) : AwkValue.UNINIT;
    }

    /** Field {@code k} (at most NF), made a value from its bounds on first use. */
    private Object field(int k) {
        Object value = fields[k];
        if (value == null) {
            value = new AwkValue.Strnum(splitText.substring(bounds[2 * k], bounds[2 * k + 1]));
            fields[k] = value;
        }
        return value;
    }

    /** $i = value. */
    void setField(int i, Object value) {
        if (i == 0) {
            setRecord(str(value));
            return;
        }
        if (i < 0) {
            throw new AwkFatal("attempt to access field " + i);
        }
        ensureSplit();
        if (i > nf) {
            grow(i);
            for (int k = nf + 1; k < i; k++) {
                fields[k] = AwkValue.UNINIT;
            }
            nf = i;
        }
        fields[i] = value;
        recordStale = true;
    }

    private void setNf(int n) {
        if (n < 0) {
            throw new AwkFatal("NF set to negative value");
        }
        ensureSplit();
        grow(n);
        for (int k = nf + 1; k <= n; k++) {
            fields[k] = AwkValue.UNINIT;
        }
        nf = n;
        recordStale = true;
    }

    private void grow(int n) {
        if (n >= fields.length) {
            fields = Arrays.copyOf(fields, Math.max(n + 1, fields.length * 2));
        }
    }

    private void rebuild() {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= nf; k++) {
            if (k > 1) {
                b.append(ofs);
            }
            b.append(str(field(k)));
        }
        record = new AwkValue.Strnum(b.toString());
        recordStale = false;
    }

    private void ensureSplit() {
        if (split) {
            return;
        }
        split = true;
        String text = record.toString();
        nf = 0;
        if (splitFs.equals(" ") || (splitFs.length() == 1 && splitFs.charAt(0) != '\\' && !rs().isEmpty())) {
            splitText = text;
            nf = splitLiteral(text, splitFs.charAt(0), this::bound);
            grow(nf);
            Arrays.fill(fields, 1, nf + 1, null);
            return;
        }
        splitInto(text, splitFs, rs().isEmpty(), (index, part) -> {
            grow(index);
            fields[index] = new AwkValue.Strnum(part);
            nf = index;
        });
    }

    /** Receives where a piece of a split lies, numbered from 1. */
    private interface BoundSink {
        void accept(int index, int start, int end);
    }

    /** splitInto's two literal cases (runs of blanks, one character), giving where the pieces lie; returns their count. */
    private static int splitLiteral(String text, char separator, BoundSink sink) {
        int count = 0;
        int n = text.length();
        if (separator == ' ') {
            int i = 0;
            while (true) {
                while (i < n && isFieldBlank(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return count;
                }
                int start = i;
                while (i < n && !isFieldBlank(text.charAt(i))) {
                    i++;
                }
                sink.accept(++count, start, i);
            }
        }
        if (n == 0) {
            return 0;
        }
        int start = 0;
        int at;
        while ((at = text.indexOf(separator, start)) >= 0) {
            sink.accept(++count, start, at);
            start = at + 1;
        }
        sink.accept(++count, start, n);
        return count;
    }

    private void bound(int field, int start, int end) {
        if (2 * field + 1 >= bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2 + 2 * field);
        }
        bounds[2 * field] = start;
        bounds[2 * field + 1] = end;
    }

    /** Receives the pieces of a split, numbered from 1. */
    interface PieceSink {
        void accept(int index, String piece);
    }

    /**
     * Splits {@code text} by the field separator {@code separator} as awk does: a single space
     * means runs of blanks and newlines with leading and trailing ones ignored; another single
     * character (a tab, a comma) separates literally; an empty one splits every character;
     * anything else is a regex. In paragraph mode (RS empty) a newline always separates.
     *
     * @return the number of pieces
     */
    int splitInto(String text, String separator, boolean paragraphMode, PieceSink sink) {
        if (separator.equals(" ") || (separator.length() == 1 && separator.charAt(0) != '\\' && !paragraphMode)) {
            return splitLiteral(text, separator.charAt(0), (index, start, end) -> sink.accept(index, text.substring(start, end)));
        }
        int count = 0;
        if (text.isEmpty()) {
            return 0;
        }
        if (separator.isEmpty()) {
            // one piece per character: a surrogate pair is one (byte strings hold none)
            for (int i = 0; i < text.length(); ) {
                int next = i + Character.charCount(text.codePointAt(i));
                sink.accept(++count, text.substring(i, next));
                i = next;
            }
            return count;
        }
        String source = separator.length() == 1 ? "[" + (separator.equals("\\") ? "\\\\" : separator) + "]" : separator;
        Pattern pattern = regexes.get(paragraphMode ? "(" + source + ")|\n" : source);
        Matcher m = pattern.matcher(checkpoint.watch(text));
        int start = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            if (m.end() == m.start()) {
                from = m.end() + 1; // an empty match separates nothing
                continue;
            }
            sink.accept(++count, text.substring(start, m.start()));
            start = m.end();
            from = start;
        }
        sink.accept(++count, text.substring(start));
        return count;
    }

    private static boolean isFieldBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    // ------------------------------------------------------------------ text

    /** A byte string from outside (an argument, the environment, input) as awk's strings hold it. */
    String text(String bytes) {
        return utf8 ? Utf8.decode(bytes) : bytes;
    }

    /** An awk string as the byte string written out. */
    String bytes(String text) {
        return utf8 ? Utf8.encode(text) : text;
    }

    /**
     * {@code text}, which a builtin is about to count in characters, after gawk's warning (once)
     * when it holds bytes that are no character in a UTF-8 locale.
     */
    String counted(String text) {
        if (utf8 && !warnedInvalidText) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0xDC80 && c <= 0xDCFF) {
                    warnedInvalidText = true;
                    new Diagnostics(process, "awk").warn("warning: Invalid multibyte data detected. "
                            + "There may be a mismatch between your data and your locale");
                    break;
                }
            }
        }
        return text;
    }

    /** An awk string naming a file or a command, as the kernel takes it. */
    String unicode(String text) {
        return ByteText.toUnicode(bytes(text));
    }

    // ------------------------------------------------------------------ arrays and misc

    /** The array in global {@code slot}, created when the variable is still unused. */
    AwkArray globalArray(int slot, String name) {
        Object value = globals[slot];
        if (value instanceof AwkArray array) {
            return array;
        }
        if (value != AwkValue.UNINIT) {
            throw new AwkFatal("attempt to use scalar `" + name + "' as an array");
        }
        AwkArray array = new AwkArray(memory);
        globals[slot] = array;
        return array;
    }

    /** The array in local {@code slot}, created when the parameter is still unused. */
    AwkArray localArray(int slot, String name) {
        Object value = locals[slot];
        if (value instanceof AwkArray array) {
            return array;
        }
        if (value != AwkValue.UNINIT) {
            throw new AwkFatal("attempt to use scalar parameter `" + name + "' as an array");
        }
        AwkArray array = new AwkArray(memory);
        locals[slot] = array;
        return array;
    }

    /** rand(): the next number in [0, 1). */
    double rand() {
        return random.nextDouble();
    }

    /** srand([seed]): reseeds, returning the previous seed. */
    double srand(Double newSeed) {
        double previous = seed;
        seed = newSeed != null ? newSeed : (double) (System.currentTimeMillis() / 1000);
        random = new java.util.Random(Double.doubleToLongBits(seed));
        return previous;
    }

    /** The values of ARGV[1..ARGC-1], read when the main input needs them (BEGIN may change them). */
    List<String> operandsFrom(int index) {
        List<String> out = new ArrayList<>();
        AwkArray argv = (AwkArray) globals[ARGV];
        int argc = (int) AwkValue.num(globals[ARGC]);
        for (int i = index; i < argc; i++) {
            Object v = argv.peek(Integer.toString(i));
            out.add(v == null ? "" : str(v));
        }
        return out;
    }
}
