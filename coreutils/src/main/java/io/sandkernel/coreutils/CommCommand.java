package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * comm [-123z] [--check-order|--nocheck-order] [--output-delimiter=STR] [--total] FILE1 FILE2:
 * the lines of two sorted files in three columns (only in the first, only in the second, in
 * both), compared as bytes. As GNU's, an unsorted input is reported once per file ("file 1 is not
 * in sorted order") once an unpairable line has been seen, and makes the exit status 1 with
 * "input is not in sorted order"; {@code --check-order} makes the first disorder fatal.
 */
final class CommCommand implements Program {
    private static final char NOCHECK = '\u0001';
    private static final char CHECK = '\u0002';
    private static final char DELIMITER = '\u0003';
    private static final char TOTAL = '\u0004';
    private static final Options.Parser PARSER = new Options.Parser("123z", "check-order:" + CHECK,
            "nocheck-order:" + NOCHECK, "output-delimiter=:" + DELIMITER, "total:" + TOTAL,
            "zero-terminated:z");

    private boolean show1 = true;
    private boolean show2 = true;
    private boolean show3 = true;
    private String separator = "\t";
    private int checkOrder; // 0 default, 1 enabled, -1 disabled
    private boolean seenUnpairable;
    private final boolean[] warned = new boolean[2];
    private Diagnostics diagnostics;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        String chosen = null;
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case '1' -> show1 = false;
                case '2' -> show2 = false;
                case '3' -> show3 = false;
                case NOCHECK -> checkOrder = -1;
                case CHECK -> checkOrder = 1;
                case DELIMITER -> {
                    if (chosen != null && !chosen.equals(given.value())) {
                        throw UsageException.withoutHint("multiple output delimiters specified");
                    }
                    chosen = given.value();
                }
                default -> { }
            }
        }
        if (chosen != null) {
            separator = chosen.isEmpty() ? "\0" : ByteText.fromArg(chosen);
        }
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            throw new UsageException(operands.isEmpty() ? "missing operand"
                    : "missing operand after " + Diagnostics.quote(operands.get(operands.size() - 1)));
        }
        if (operands.size() > 2) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
        }
        int delimiter = options.has('z') ? 0 : '\n';
        diagnostics = new Diagnostics(process, "comm");
        OutputStream out = ByteText.stdout(process);
        LineReader[] readers = new LineReader[2];
        InputStream[] streams = new InputStream[2];
        String[] current = new String[2];
        String[][] history = new String[2][2]; // the two lines before the current one
        long[] total = new long[3];
        try {
            for (int i = 0; i < 2; i++) {
                try {
                    streams[i] = InputFiles.open(process, operands.get(i));
                    readers[i] = new LineReader(streams[i], delimiter);
                    current[i] = readers[i].next();
                } catch (KernelException | IOException e) {
                    out.flush();
                    diagnostics.error(Diagnostics.quoteIfNeeded(operands.get(i)) + ": " + Diagnostics.describe(e));
                    return 1;
                }
            }
            while (current[0] != null || current[1] != null) {
                int order = current[0] == null ? 1 : current[1] == null ? -1 : current[0].compareTo(current[1]);
                if (order == 0) {
                    total[2]++;
                    if (show3) {
                        ByteText.write(out, (show1 ? separator : "") + (show2 ? separator : "") + current[1]);
                        out.write(delimiter);
                    }
                } else {
                    seenUnpairable = true;
                    if (order < 0) {
                        total[0]++;
                        if (show1) {
                            ByteText.write(out, current[0]);
                            out.write(delimiter);
                        }
                    } else {
                        total[1]++;
                        if (show2) {
                            ByteText.write(out, (show1 ? separator : "") + current[1]);
                            out.write(delimiter);
                        }
                    }
                }
                for (int i = 0; i < 2; i++) {
                    if ((i == 0 && order <= 0) || (i == 1 && order >= 0)) {
                        history[i][1] = history[i][0];
                        history[i][0] = current[i];
                        try {
                            current[i] = readers[i].next();
                        } catch (KernelException | IOException e) {
                            out.flush();
                            diagnostics.error(Diagnostics.quoteIfNeeded(operands.get(i)) + ": "
                                    + Diagnostics.describe(e));
                            return 1;
                        }
                        boolean fatal = current[i] != null ? checkOrder(history[i][0], current[i], i, out)
                                : history[i][1] != null && checkOrder(history[i][1], history[i][0], i, out);
                        if (fatal) {
                            out.flush();
                            return 1;
                        }
                    }
                }
            }
        } finally {
            InputFiles.close(process, streams[0]);
            InputFiles.close(process, streams[1]);
        }
        if (options.has(TOTAL)) {
            ByteText.write(out, total[0] + separator + total[1] + separator + total[2] + separator + "total");
            out.write(delimiter);
        }
        out.flush();
        if (warned[0] || warned[1]) {
            diagnostics.error("input is not in sorted order");
            return 1;
        }
        return 0;
    }

    /** Reports a disorder between {@code previous} and {@code line}; returns whether it is fatal. */
    private boolean checkOrder(String previous, String line, int file, OutputStream out) {
        if (checkOrder < 0 || (checkOrder == 0 && !seenUnpairable) || warned[file]) {
            return false;
        }
        if (previous.compareTo(line) > 0) {
            diagnostics.error("file " + (file + 1) + " is not in sorted order");
            warned[file] = true;
            return checkOrder > 0;
        }
        return false;
    }
}
