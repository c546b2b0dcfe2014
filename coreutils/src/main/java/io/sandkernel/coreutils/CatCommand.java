package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * cat [-AbeEnstTuv] [FILE]...: concatenates files ({@code -} is standard input), optionally
 * numbering lines ({@code -n}, or non-blank ones with {@code -b}), squeezing blank runs
 * ({@code -s}) and making ends, tabs and non-printing bytes visible ({@code -E -T -v}).
 */
final class CatCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("AbeEnstTuv",
            "show-all:A", "number-nonblank:b", "show-ends:E", "number:n", "squeeze-blank:s",
            "show-tabs:T", "show-nonprinting:v");

    private boolean numberAll;
    private boolean numberNonblank;
    private boolean squeeze;
    private boolean showEnds;
    private boolean showTabs;
    private boolean showNonprinting;

    // State carried across files, as GNU cat does.
    private boolean atLineStart = true;
    private int blankRun;
    private long lineNumber;
    /** A carriage return held back by -E: shown as ^M when a newline follows it, even in the next file. */
    private boolean pendingReturn;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'A' -> { showNonprinting = true; showEnds = true; showTabs = true; }
                case 'b' -> numberNonblank = true;
                case 'e' -> { showNonprinting = true; showEnds = true; }
                case 'E' -> showEnds = true;
                case 'n' -> numberAll = true;
                case 's' -> squeeze = true;
                case 't' -> { showNonprinting = true; showTabs = true; }
                case 'T' -> showTabs = true;
                case 'v' -> showNonprinting = true;
                default -> { }
            }
        }
        boolean plain = !(numberAll || numberNonblank || squeeze || showEnds || showTabs || showNonprinting);
        Diagnostics diagnostics = new Diagnostics(process, "cat");
        OutputStream out = ByteText.stdout(process);
        new OperandReader(process, diagnostics).forEach(options.operands(), (name, in) -> {
            if (plain) {
                copy(in, out);
            } else {
                filter(in, out);
            }
        });
        if (pendingReturn) {
            out.write('\r');
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private void filter(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                put(buffer[i] & 0xff, out);
            }
            out.flush();
        }
    }

    private void put(int b, OutputStream out) throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            if (b == '\n') {
                out.write('^');
                out.write('M');
            } else {
                out.write('\r');
            }
        }
        if (atLineStart) {
            if (b == '\n') {
                blankRun++;
                if (squeeze && blankRun > 1) {
                    return;
                }
                if (numberAll && !numberNonblank) {
                    number(out);
                }
                endLine(out);
                return;
            }
            blankRun = 0;
            if (numberAll || numberNonblank) {
                number(out);
            }
            atLineStart = false;
        }
        if (b == '\n') {
            endLine(out);
            atLineStart = true;
        } else if (b == '\t') {
            if (showTabs) {
                out.write('^');
                out.write('I');
            } else {
                out.write(b);
            }
        } else if (showNonprinting) {
            visible(b, out);
        } else if (b == '\r' && showEnds) {
            pendingReturn = true;
        } else {
            out.write(b);
        }
    }

    private void number(OutputStream out) throws IOException {
        ByteText.write(out, String.format("%6d\t", ++lineNumber));
    }

    private void endLine(OutputStream out) throws IOException {
        if (showEnds) {
            out.write('$');
        }
        out.write('\n');
    }

    /** The {@code ^X} / {@code M-X} notation of cat -v. */
    private static void visible(int b, OutputStream out) throws IOException {
        if (b >= 128) {
            out.write('M');
            out.write('-');
            b -= 128;
        }
        if (b < 32) {
            out.write('^');
            out.write(b + 64);
        } else if (b == 127) {
            out.write('^');
            out.write('?');
        } else {
            out.write(b);
        }
    }
}
