package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * column [-t [-s SEP] [-o SEP] [-N NAMES] [-R|-H|-O COLUMNS] [-l N] [-d] [-J [-n NAME]]] [-x] [-L]
 * [-c WIDTH] [FILE]...: util-linux's column. Without {@code -t}, the lines are laid out in
 * columns filled down (or across, {@code -x}) on tab stops within WIDTH (80 unless COLUMNS says
 * otherwise); with {@code -t}, the fields of each line (split on runs of blanks, or at each
 * character of SEP) become a table padded as libsmartcols pads it: the last visible column is not
 * padded unless right-aligned. Bytes above 127 that are not valid text show as {@code \xHH}, as
 * util-linux encodes them.
 */
final class ColumnCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("c:dE:eH:hi:Jl:LN:n:O:o:p:R:r:s:T:tVW:x",
            "columns:c", "fillrows:x", "help:h", "json:J", "keep-empty-lines:L", "output-separator:o",
            "output-width:c", "separator:s", "table:t", "table-columns:N", "table-columns-limit:l",
            "table-hide:H", "table-name:n", "table-noextreme:E", "table-noheadings:d", "table-order:O",
            "table-right:R", "table-truncate:T", "table-wrap:W", "table-empty-lines:L", "table-header-repeat:e",
            "tree:r", "tree-id:i", "tree-parent:p", "version:V");

    private static final int TAB = 8;

    private boolean table;
    private boolean fillRows;
    private boolean greedy = true;
    private String separators = "\t ";
    private long limit;
    private boolean keepEmpty;
    private boolean utf8;
    private final List<String> entries = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private int maxLength;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.has('h')) {
            throw UsageException.help();
        }
        if (options.has('V')) {
            throw UsageException.version();
        }
        long width = -1;
        boolean[] seen = new boolean[128];
        for (Options.Given given : options.given()) {
            char option = given.option();
            // util-linux's exclusive groups, in ASCII order: {J, x} and {t, x}
            for (String group : new String[] {"Jx", "tx"}) {
                if (group.indexOf(option) >= 0) {
                    for (char other : group.toCharArray()) {
                        if (other != option && seen[other]) {
                            throw UsageException.withoutHint("mutually exclusive arguments: " + longName(group.charAt(0))
                                    + " " + longName(group.charAt(1)));
                        }
                    }
                }
            }
            seen[option & 127] = true;
            switch (option) {
                case 'c' -> width = u32(given.value(), "invalid columns argument");
                case 'l' -> {
                    limit = u32(given.value(), "invalid columns limit argument");
                    if (limit == 0) {
                        throw UsageException.withoutHint("columns limit must be greater than zero");
                    }
                }
                case 's' -> {
                    separators = ByteText.fromArg(given.value());
                    greedy = false;
                }
                case 'J', 't' -> table = true;
                case 'x' -> fillRows = true;
                case 'L' -> keepEmpty = true;
                default -> { }
            }
        }
        if (options.has('x')) {
            table = false;
        }
        if (options.has('r')) {
            table = true;
            if (!options.has('p') || !options.has('i')) {
                throw UsageException.withoutHint("options --tree-id and --tree-parent are required for tree formatting");
            }
        }
        if (!table && (options.has('O') || options.has('n') || options.has('W') || options.has('H')
                || options.has('T') || options.has('E') || options.has('R') || options.has('N'))) {
            throw UsageException.withoutHint("option --table required for all --table-*");
        }
        if (!options.has('N') && options.has('J')) {
            throw UsageException.withoutHint("option --table-columns required for --json");
        }
        if (width < 0) {
            width = terminalWidth(process);
        }
        utf8 = Locales.isUtf8(process);
        Diagnostics diagnostics = new Diagnostics(process, "column");
        OutputStream out = ByteText.stdout(process);
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            read(process.stdin());
        }
        for (String name : operands) {
            InputStream in;
            try {
                in = InputFiles.openFile(process, name);
            } catch (KernelException e) {
                diagnostics.error(name + ": " + Diagnostics.describe(e));
                continue;
            }
            try {
                read(in);
            } catch (KernelException | IOException e) {
                out.flush();
                throw UsageException.withoutHint("read failed: " + Diagnostics.describe(e));
            } finally {
                InputFiles.close(process, in);
            }
        }
        if (table) {
            if (!rows.isEmpty()) {
                ColumnTable layout = new ColumnTable(options, rows);
                ByteText.write(out, options.has('J') ? layout.json() : layout.text());
            }
        } else if (!entries.isEmpty()) {
            if (maxLength >= width) {
                for (String entry : entries) {
                    ByteText.write(out, entry + "\n");
                }
            } else if (fillRows) {
                fillRows(out, width);
            } else {
                fillColumns(out, width);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static String longName(char option) {
        return switch (option) {
            case 'x' -> "--fillrows";
            case 't' -> "--table";
            default -> "--json";
        };
    }

    private static long u32(String text, String message) {
        NumberArgs.Parsed n = NumberArgs.parse(text, 10, null);
        if (n.status() != NumberArgs.Status.OK || n.value() > 0xFFFFFFFFL || text.isEmpty()
                || !Character.isDigit(text.charAt(0)) && text.charAt(0) != '+') {
            throw UsageException.withoutHint(message + ": '" + text + "'");
        }
        return n.value();
    }

    private static long terminalWidth(ProcessApi process) {
        String columns = process.env().get("COLUMNS");
        if (columns != null) {
            try {
                long value = Long.parseLong(columns.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // not a number: the default, as get_terminal_width
            }
        }
        return 80;
    }

    private void read(InputStream in) throws IOException {
        LineReader lines = new LineReader(in);
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank() && line.chars().allMatch(c -> c == ' ' || (c >= '\t' && c <= '\r'))) {
                if (keepEmpty) {
                    if (table) {
                        rows.add(new ArrayList<>());
                    } else {
                        entries.add("");
                    }
                }
                continue;
            }
            String text = encode(line);
            if (table) {
                rows.add(split(text));
            } else {
                entries.add(text);
                maxLength = Math.max(maxLength, width(text));
            }
        }
    }

    /** The line as text: bytes that are not characters of the locale become {@code \xHH}. */
    private String encode(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 128) {
                b.append(c);
                continue;
            }
            int length = utf8 ? Utf8.sequenceLength(line, i) : 0;
            if (length > 0) {
                b.append(line, i, i + length);
                i += length - 1;
            } else {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            }
        }
        return b.toString();
    }

    /** Display width: printable characters count one column, control characters none. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 32 && c != 127 && !(c >= 0x80 && c < 0xC0)) {
                width++; // a UTF-8 sequence counts once, by its lead byte
            }
        }
        return width;
    }

    private List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        int at = 0;
        int consumed = 0;
        int skip = 0;
        while (true) {
            if (limit > 0 && cells.size() + 1 == limit) {
                if (consumed + skip < line.length()) {
                    cells.add(line.substring(consumed + skip));
                }
                break;
            }
            int start = at;
            if (greedy) {
                while (start < line.length() && separators.indexOf(line.charAt(start)) >= 0) {
                    start++;
                }
                if (start >= line.length()) {
                    break;
                }
                if (cells.isEmpty() && consumed == 0) {
                    skip = start;
                }
            } else if (at > line.length()) {
                break;
            }
            int end = start;
            while (end < line.length() && separators.indexOf(line.charAt(end)) < 0) {
                end++;
            }
            cells.add(line.substring(start, end));
            consumed += end - start + 1;
            at = end + 1;
            if (limit > 0 && cells.size() == limit) {
                break;
            }
        }
        return cells;
    }

    private void fillRows(OutputStream out, long termWidth) throws IOException {
        int length = (maxLength + TAB) & ~(TAB - 1);
        long columns = termWidth / length;
        long chcnt = 0;
        long col = 0;
        long endcol = length;
        StringBuilder b = new StringBuilder();
        for (int i = 0; ; i++) {
            b.append(entries.get(i));
            chcnt += width(entries.get(i));
            if (i + 1 == entries.size()) {
                break;
            }
            if (++col == columns) {
                chcnt = 0;
                col = 0;
                endcol = length;
                b.append('\n');
            } else {
                long next;
                while ((next = (chcnt + TAB) & ~(TAB - 1)) <= endcol) {
                    b.append('\t');
                    chcnt = next;
                }
                endcol += length;
            }
        }
        if (chcnt > 0) {
            b.append('\n');
        }
        ByteText.write(out, b.toString());
    }

    private void fillColumns(OutputStream out, long termWidth) throws IOException {
        int length = (maxLength + TAB) & ~(TAB - 1);
        long columns = Math.max(1, termWidth / length);
        int n = entries.size();
        long rowCount = n / columns + (n % columns != 0 ? 1 : 0);
        StringBuilder b = new StringBuilder();
        for (long row = 0; row < rowCount; row++) {
            long endcol = length;
            long chcnt = 0;
            long base = row;
            for (long col = 0; col < columns; col++) {
                String entry = entries.get((int) base);
                b.append(entry);
                chcnt += width(entry);
                if ((base += rowCount) >= n) {
                    break;
                }
                long next;
                while ((next = (chcnt + TAB) & ~(TAB - 1)) <= endcol) {
                    b.append('\t');
                    chcnt = next;
                }
                endcol += length;
            }
            b.append('\n');
        }
        ByteText.write(out, b.toString());
    }
}
