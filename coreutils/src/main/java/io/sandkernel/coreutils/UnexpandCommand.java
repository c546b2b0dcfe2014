package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * unexpand [-a] [--first-only] [-t LIST] [FILE]...: blanks to tabs where they reach a tab stop,
 * only at the start of lines unless {@code -a} (implied by {@code -t}); a single blank before a
 * tab stop is kept as is. Follows unexpand.c, including the obsolete digit options
 * ({@code -4}, {@code -4,8}) whose digits accumulate across arguments.
 */
final class UnexpandCommand implements Program {
    private static final char FIRST_ONLY = '\u0001';
    private static final Options.Parser PARSER = new Options.Parser("at:", "all:a", "tabs:t",
            "first-only:" + FIRST_ONLY);

    @Override
    public int run(ProcessApi process) throws Exception {
        StringBuilder legacy = new StringBuilder();
        Options options = PARSER.parse(withoutDigitOptions(process.args(), legacy));
        TabStops stops = new TabStops("unexpand");
        boolean entireLine = options.has('a');
        for (Options.Given given : options.given()) {
            if (given.option() == 't') {
                entireLine = true;
                stops.parse(given.value());
            }
        }
        boolean have = false;
        long value = 0;
        for (int i = 0; i < legacy.length(); i++) {
            char c = legacy.charAt(i);
            if (c == ',') {
                if (have) {
                    stops.add(value);
                }
                have = false;
            } else {
                value = have ? value * 10 + (c - '0') : c - '0';
                have = true;
                if (value < 0 || value > Long.MAX_VALUE / 10) {
                    throw UsageException.withoutHint("tab stop value is too large");
                }
            }
        }
        if (options.has(FIRST_ONLY)) {
            entireLine = false;
        }
        if (have) {
            stops.add(value);
        }
        stops.finish();
        Diagnostics diagnostics = new Diagnostics(process, "unexpand");
        OutputStream out = ByteText.stdout(process);
        convert(new FileChain(process, diagnostics, options.operands()), out, stops, entireLine);
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** unexpand() of unexpand.c, line by line. */
    private static void convert(FileChain in, OutputStream out, TabStops stops, boolean entireLine)
            throws java.io.IOException {
        ByteArrayOutputStream pendingBlanks = new ByteArrayOutputStream();
        while (true) {
            boolean convert = true;
            long column = 0;
            long nextTab = 0;
            int[] index = {0};
            boolean oneBlankBeforeStop = false;
            boolean previousBlank = true;
            int c;
            do {
                c = in.read();
                if (convert) {
                    boolean blank = c == ' ' || c == '\t';
                    if (blank) {
                        nextTab = stops.next(column, index);
                        if (nextTab < 0) {
                            convert = false;
                        }
                        if (convert) {
                            if (c == '\t') {
                                column = nextTab;
                                if (pendingBlanks.size() > 0) {
                                    replaceFirst(pendingBlanks, '\t');
                                }
                            } else {
                                column++;
                                if (!(previousBlank && column == nextTab)) {
                                    if (column == nextTab) {
                                        oneBlankBeforeStop = true;
                                    }
                                    pendingBlanks.write(c);
                                    previousBlank = true;
                                    continue;
                                }
                                c = '\t';
                                if (pendingBlanks.size() > 0) {
                                    replaceFirst(pendingBlanks, '\t');
                                }
                            }
                            // discard the pending blanks, unless one blank came just before the stop
                            byte[] kept = pendingBlanks.toByteArray();
                            pendingBlanks.reset();
                            if (oneBlankBeforeStop) {
                                pendingBlanks.write(kept.length > 0 ? kept[0] : c);
                            }
                        }
                    } else if (c == '\b') {
                        column -= column > 0 ? 1 : 0;
                        nextTab = column;
                        index[0] -= index[0] > 0 ? 1 : 0;
                    } else {
                        column++;
                    }
                    if (pendingBlanks.size() > 0) {
                        byte[] blanks = pendingBlanks.toByteArray();
                        if (blanks.length > 1 && oneBlankBeforeStop) {
                            blanks[0] = '\t';
                        }
                        out.write(blanks, 0, blanks.length);
                        pendingBlanks.reset();
                        oneBlankBeforeStop = false;
                    }
                    previousBlank = blank;
                    convert &= entireLine || blank;
                }
                if (c < 0) {
                    return;
                }
                out.write(c);
            } while (c != '\n');
        }
    }

    private static void replaceFirst(ByteArrayOutputStream blanks, int c) {
        byte[] bytes = blanks.toByteArray();
        bytes[0] = (byte) c;
        blanks.reset();
        blanks.write(bytes, 0, bytes.length);
    }

    /** Takes getopt's digit and comma options out of the arguments, in order, into {@code legacy}. */
    private static List<String> withoutDigitOptions(List<String> args, StringBuilder legacy) {
        List<String> result = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (ended || !arg.startsWith("-") || arg.startsWith("--") || arg.length() < 2) {
                ended |= arg.equals("--");
                result.add(arg);
                continue;
            }
            StringBuilder rest = new StringBuilder("-");
            for (int at = 1; at < arg.length(); at++) {
                char c = arg.charAt(at);
                if (Character.isDigit(c) || c == ',') {
                    legacy.append(c);
                } else if (c == 't') {
                    rest.append(arg, at, arg.length());
                    if (at + 1 == arg.length() && i + 1 < args.size()) {
                        result.add(rest.toString());
                        rest.setLength(0);
                        result.add(args.get(++i));
                    }
                    break;
                } else {
                    rest.append(c);
                }
            }
            if (rest.length() > 1) {
                result.add(rest.toString());
            }
        }
        return result;
    }
}
