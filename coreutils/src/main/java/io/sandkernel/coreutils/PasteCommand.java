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
 * paste [-s] [-z] [-d LIST] [FILE]...: the corresponding lines of the files side by side,
 * separated by the delimiters of LIST in turn ({@code \n \t \\ \0} escapes, {@code \0} for
 * none), or each file's lines on one line ({@code -s}). Follows paste.c character by character:
 * {@code -} given twice reads alternate lines of standard input, the delimiters of files that
 * have ended are kept back until some file still has a line, and a last line without its newline
 * gets one.
 */
final class PasteCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("d:sz", "delimiters:d", "serial:s",
            "zero-terminated:z");
    /** Stands for {@code \0}: no delimiter at this position. */
    private static final int EMPTY = -1;

    private int[] delimiters;
    private int lineDelimiter = '\n';

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        String list = ByteText.fromArg(options.value('d', "\t"));
        if (list.isEmpty()) {
            list = "\\0";
        }
        delimiters = collapse(list);
        if (delimiters == null) {
            throw UsageException.withoutHint("delimiter list ends with an unescaped backslash: "
                    + ByteText.toUnicode(list));
        }
        if (options.has('z')) {
            lineDelimiter = 0;
        }
        Diagnostics diagnostics = new Diagnostics(process, "paste");
        OutputStream out = ByteText.stdout(process);
        List<String> files = OperandReader.orStdin(options.operands());
        if (options.has('s')) {
            serial(process, files, out, diagnostics);
        } else {
            parallel(process, files, out, diagnostics);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** The delimiters of LIST, or null when it ends with a lone backslash. */
    private static int[] collapse(String list) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c != '\\') {
                result.add((int) c);
                continue;
            }
            if (++i == list.length()) {
                return null;
            }
            char e = list.charAt(i);
            result.add(switch (e) {
                case '0' -> EMPTY;
                case 'b' -> (int) '\b';
                case 'f' -> (int) '\f';
                case 'n' -> (int) '\n';
                case 'r' -> (int) '\r';
                case 't' -> (int) '\t';
                case 'v' -> 0x0B;
                default -> (int) e;
            });
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    private void parallel(ProcessApi process, List<String> names, OutputStream out, Diagnostics diagnostics)
            throws IOException {
        int n = names.size();
        InputStream[] files = new InputStream[n];
        InputStream stdin = null;
        for (int i = 0; i < n; i++) {
            if (names.get(i).equals("-")) {
                if (stdin == null) {
                    stdin = new BufferedInputStream(process.stdin(), 1 << 16);
                }
                files[i] = stdin;
                continue;
            }
            try {
                files[i] = new BufferedInputStream(InputFiles.open(process, names.get(i)), 1 << 16);
            } catch (KernelException e) {
                // paste opens every file first, and one that cannot be opened ends it
                for (int j = 0; j < i; j++) {
                    if (files[j] != stdin) {
                        InputFiles.close(process, files[j]);
                    }
                }
                out.flush();
                diagnostics.error(Diagnostics.quoteIfNeeded(names.get(i)) + ": " + Diagnostics.describe(e));
                return;
            }
        }
        int open = n;
        StringBuilder saved = new StringBuilder();
        while (open > 0) {
            boolean someDone = false;
            int delimiter = 0;
            saved.setLength(0);
            for (int i = 0; i < n && open > 0; i++) {
                int chr = -1;
                boolean someToDo = false;
                if (files[i] != null) {
                    try {
                        chr = files[i].read();
                        if (chr != -1 && !saved.isEmpty()) {
                            ByteText.write(out, saved.toString());
                            saved.setLength(0);
                        }
                        while (chr != -1) {
                            someToDo = true;
                            if (chr == lineDelimiter) {
                                break;
                            }
                            out.write(chr);
                            chr = files[i].read();
                        }
                    } catch (KernelException | IOException e) {
                        diagnostics.error(Diagnostics.quoteIfNeeded(names.get(i)) + ": " + Diagnostics.describe(e));
                        chr = -1;
                        someToDo = false;
                    }
                }
                if (!someToDo) {
                    if (files[i] != null) {
                        if (files[i] != stdin) {
                            InputFiles.close(process, files[i]);
                        }
                        files[i] = null;
                        open--;
                    }
                    if (i + 1 == n) {
                        if (someDone) {
                            if (!saved.isEmpty()) {
                                ByteText.write(out, saved.toString());
                                saved.setLength(0);
                            }
                            out.write(lineDelimiter);
                        }
                    } else {
                        if (delimiters[delimiter] != EMPTY) {
                            saved.append((char) delimiters[delimiter]);
                        }
                        delimiter = (delimiter + 1) % delimiters.length;
                    }
                } else {
                    someDone = true;
                    if (i + 1 != n) {
                        if (chr != lineDelimiter && chr != -1) {
                            out.write(chr);
                        }
                        if (delimiters[delimiter] != EMPTY) {
                            out.write(delimiters[delimiter]);
                        }
                        delimiter = (delimiter + 1) % delimiters.length;
                    } else {
                        out.write(chr == -1 ? lineDelimiter : chr);
                    }
                }
            }
        }
    }

    private void serial(ProcessApi process, List<String> names, OutputStream out, Diagnostics diagnostics)
            throws IOException {
        InputStream stdin = null;
        for (String name : names) {
            InputStream in;
            try {
                if (name.equals("-")) {
                    if (stdin == null) {
                        stdin = new BufferedInputStream(process.stdin(), 1 << 16);
                    }
                    in = stdin;
                } else {
                    in = new BufferedInputStream(InputFiles.open(process, name), 1 << 16);
                }
            } catch (KernelException e) {
                diagnostics.error(Diagnostics.quoteIfNeeded(name) + ": " + Diagnostics.describe(e));
                continue;
            }
            int delimiter = 0;
            int old = -1;
            try {
                old = in.read();
                if (old != -1) {
                    int next;
                    while ((next = in.read()) != -1) {
                        if (old == lineDelimiter) {
                            if (delimiters[delimiter] != EMPTY) {
                                out.write(delimiters[delimiter]);
                            }
                            delimiter = (delimiter + 1) % delimiters.length;
                        } else {
                            out.write(old);
                        }
                        old = next;
                    }
                    out.write(old);
                }
                if (old != lineDelimiter) {
                    out.write(lineDelimiter);
                }
            } catch (KernelException | IOException e) {
                if (old != lineDelimiter) {
                    out.write(lineDelimiter);
                }
                diagnostics.error(Diagnostics.quoteIfNeeded(name) + ": " + Diagnostics.describe(e));
            } finally {
                if (in != stdin) {
                    InputFiles.close(process, in);
                }
            }
        }
    }
}
