package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@code column -t} as libsmartcols prints it: columns named by {@code -N}, hidden
 * ({@code -H}), right-aligned ({@code -R}) and reordered ({@code -O}), each as wide as its widest
 * cell (and heading), separated by the output separator, the last visible column unpadded unless
 * right-aligned; or the same cells as JSON ({@code -J}). Columns are chosen by number or by
 * name, case-insensitively; an unknown name is an error, an unknown number is ignored.
 */
final class ColumnTable {
    private final List<List<String>> rows;
    private final List<String> names = new ArrayList<>();
    private final boolean headings;
    private final String separator;
    private final String tableName;
    private final List<Integer> order = new ArrayList<>();
    private final boolean[] right;
    private final boolean[] hidden;

    ColumnTable(Options options, List<List<String>> rows) {
        this.rows = rows;
        if (options.has('N')) {
            for (String name : options.value('N', "").split(",", -1)) {
                names.add(ByteText.fromArg(name));
            }
        }
        headings = !names.isEmpty() && !options.has('d');
        separator = ByteText.fromArg(options.value('o', "  "));
        tableName = ByteText.fromArg(options.value('n', "table"));
        int count = names.size();
        for (List<String> row : rows) {
            count = Math.max(count, row.size());
        }
        right = new boolean[count];
        hidden = new boolean[count];
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        if (options.has('R')) {
            apply(options.value('R', ""), right, false);
        }
        if (options.has('H')) {
            apply(options.value('H', ""), hidden, true);
        }
        if (options.has('O')) {
            reorder(options.value('O', ""));
        }
    }

    /** The column a list item names, or -1 (a number past the last column). */
    private int column(String item) {
        if (!item.isEmpty() && item.chars().allMatch(Character::isDigit)) {
            long number;
            try {
                number = Long.parseLong(item);
            } catch (NumberFormatException e) {
                throw UsageException.withoutHint("failed to parse column: '" + item + "'");
            }
            return number >= 1 && number <= right.length ? (int) number - 1 : -1;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(ByteText.fromArg(item))) {
                return i;
            }
        }
        throw UsageException.withoutHint("undefined column name '" + item + "'");
    }

    private void apply(String list, boolean[] flags, boolean hiding) {
        if (list.equals("0")) {
            java.util.Arrays.fill(flags, true);
        }
        boolean unnamed = false;
        for (String item : list.split(",", -1)) {
            if (hiding && item.equals("-")) {
                unnamed = true;
                continue;
            }
            int column = column(item);
            if (column >= 0) {
                flags[column] = true;
            }
        }
        if (unnamed) {
            for (int i = names.size(); i < flags.length; i++) {
                flags[i] = true;
            }
        }
    }

    private void reorder(String list) {
        int last = -1;
        for (String item : list.split(",", -1)) {
            int column = column(item);
            if (column < 0) {
                continue;
            }
            order.remove(Integer.valueOf(column));
            order.add(last < 0 ? 0 : order.indexOf(last) + 1, column);
            last = column;
        }
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    /** The table as text. */
    String text() {
        List<Integer> visible = new ArrayList<>();
        for (int column : order) {
            if (!hidden[column]) {
                visible.add(column);
            }
        }
        int[] widths = new int[right.length];
        for (int column : visible) {
            if (headings && column < names.size()) {
                widths[column] = ColumnCommand.width(names.get(column));
            }
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], ColumnCommand.width(cell(row, column)));
            }
        }
        StringBuilder b = new StringBuilder();
        if (headings) {
            line(b, names, visible, widths);
        }
        for (List<String> row : rows) {
            line(b, row, visible, widths);
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> row, List<Integer> visible, int[] widths) {
        for (int i = 0; i < visible.size(); i++) {
            int column = visible.get(i);
            String data = cell(row, column);
            int pad = widths[column] - ColumnCommand.width(data);
            boolean lastColumn = i == visible.size() - 1;
            if (right[column]) {
                if (!data.isEmpty() || !lastColumn) {
                    b.append(" ".repeat(pad));
                }
                b.append(data);
            } else {
                b.append(data);
                if (!lastColumn) {
                    b.append(" ".repeat(pad));
                }
            }
            if (!lastColumn) {
                b.append(separator);
            }
        }
        b.append('\n');
    }

    /** The table as libsmartcols' JSON: an array of objects, missing or empty cells null. */
    String json() {
        StringBuilder b = new StringBuilder("{\n   \"").append(escape(tableName)).append("\": [\n");
        for (int r = 0; r < rows.size(); r++) {
            b.append(r == 0 ? "      {" : "{");
            boolean first = true;
            for (int column : order) {
                if (hidden[column] || column >= names.size()) {
                    continue;
                }
                b.append(first ? "\n" : ",\n");
                first = false;
                String data = cell(rows.get(r), column);
                b.append("         \"").append(escape(names.get(column))).append("\": ")
                        .append(data.isEmpty() ? "null" : "\"" + escape(data) + "\"");
            }
            b.append(first ? "}" : "\n      }").append(r + 1 < rows.size() ? "," : "\n");
        }
        return b.append("   ]\n}\n").toString();
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
