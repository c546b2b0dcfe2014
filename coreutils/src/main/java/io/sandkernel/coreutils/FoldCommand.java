package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * fold [-bs] [-w WIDTH] [FILE]...: wraps lines longer than WIDTH columns (80), counting a tab to
 * the next multiple of 8, a backspace as one column back and a carriage return as column 0
 * unless {@code -b} counts bytes; {@code -s} breaks after the last blank that fits. The obsolete
 * {@code -NUM} form is accepted.
 */
final class FoldCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bsw:", "bytes:b", "spaces:s", "width:w");

    private boolean countBytes;
    private boolean breakSpaces;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(legacyWidths(process.args()));
        countBytes = options.has('b');
        breakSpaces = options.has('s');
        long width = 80;
        for (Options.Given given : options.given()) {
            if (given.option() == 'w') {
                width = NumberArgs.decimal(given.value(), 1, Long.MAX_VALUE - 9, "", "invalid number of columns");
            }
        }
        Diagnostics diagnostics = new Diagnostics(process, "fold");
        OutputStream out = ByteText.stdout(process);
        long columns = width;
        for (String name : OperandReader.orStdin(options.operands())) {
            InputStream in;
            try {
                in = InputFiles.open(process, name);
            } catch (KernelException e) {
                diagnostics.fileError(name, e);
                continue;
            }
            try {
                fold(new BufferedInputStream(in, 1 << 16), out, columns);
            } catch (KernelException | IOException e) {
                diagnostics.fileError(name, e);
            } finally {
                InputFiles.close(process, in);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** {@code -NUM} clusters ({@code -20}, {@code -s8}) as getopt's digit options see them: {@code -w NUM}. */
    static List<String> legacyWidths(List<String> args) {
        List<String> result = new ArrayList<>();
        boolean ended = false;
        for (String arg : args) {
            if (ended || !arg.startsWith("-") || arg.startsWith("--") || arg.length() < 2) {
                ended |= arg.equals("--");
                result.add(arg);
                continue;
            }
            int at = 1;
            while (at < arg.length() && (arg.charAt(at) == 'b' || arg.charAt(at) == 's')) {
                at++;
            }
            if (at < arg.length() && Character.isDigit(arg.charAt(at))) {
                if (at > 1) {
                    result.add(arg.substring(0, at));
                }
                result.add("-w");
                result.add(arg.substring(at));
            } else {
                result.add(arg);
            }
        }
        return result;
    }

    private long adjust(long column, int c) {
        if (countBytes) {
            return column + 1;
        }
        return switch (c) {
            case '\b' -> column > 0 ? column - 1 : 0;
            case '\r' -> 0;
            case '\t' -> column + 8 - column % 8;
            default -> column + 1;
        };
    }

    /** fold_file: a line buffer flushed at each newline and whenever the next character would not fit. */
    private void fold(InputStream in, OutputStream out, long width) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long column = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                line.write(c);
                line.writeTo(out);
                line.reset();
                column = 0;
                continue;
            }
            while (true) {
                column = adjust(column, c);
                if (column <= width) {
                    line.write(c);
                    break;
                }
                byte[] pending = line.toByteArray();
                if (breakSpaces) {
                    int end = pending.length;
                    boolean found = false;
                    while (end > 0) {
                        end--;
                        if (pending[end] == ' ' || pending[end] == '\t') {
                            found = true;
                            break;
                        }
                    }
                    if (found) {
                        end++;
                        out.write(pending, 0, end);
                        out.write('\n');
                        line.reset();
                        line.write(pending, end, pending.length - end);
                        column = 0;
                        for (int i = end; i < pending.length; i++) {
                            column = adjust(column, pending[i] & 0xFF);
                        }
                        continue; // rescan
                    }
                }
                if (pending.length == 0) {
                    line.write(c);
                    break;
                }
                line.write('\n');
                line.writeTo(out);
                line.reset();
                column = 0;
            }
        }
        line.writeTo(out);
    }
}
