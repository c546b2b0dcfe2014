package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints diff's hunks in GNU diff's normal, context ({@code -c}) and unified ({@code -u})
 * formats, with the {@code "\ No newline at end of file"} marks.
 */
final class DiffFormat {
    /** One side of a comparison: its lines (byte strings) and whether the last one ends with a newline. */
    record Side(String header, List<String> lines, boolean lastNewline) {
        String line(int i) {
            return lines.get(i);
        }

        boolean missingNewline(int i) {
            return i == lines.size() - 1 && !lastNewline;
        }
    }

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private DiffFormat() {}

    /** The normal format: {@code 2c2}, {@code < old}, {@code ---}, {@code > new}. */
    static void normal(List<DiffEngine.Hunk> hunks, Side a, Side b, StringBuilder out) {
        for (DiffEngine.Hunk h : hunks) {
            char kind = h.deleted() == 0 ? 'a' : h.inserted() == 0 ? 'd' : 'c';
            out.append(range(h.line0(), h.deleted(), kind == 'a')).append(kind)
                    .append(range(h.line1(), h.inserted(), kind == 'd')).append('\n');
            for (int i = h.line0(); i < h.line0() + h.deleted(); i++) {
                line(out, "< ", a, i);
            }
            if (kind == 'c') {
                out.append("---\n");
            }
            for (int i = h.line1(); i < h.line1() + h.inserted(); i++) {
                line(out, "> ", b, i);
            }
        }
    }

    /** A normal-format range: {@code 3}, {@code 3,5}, or the line before an empty one. */
    private static String range(int start, int count, boolean empty) {
        if (empty || count == 0) {
            return Integer.toString(start);
        }
        return count == 1 ? Integer.toString(start + 1) : (start + 1) + "," + (start + count);
    }

    private static void line(StringBuilder out, String prefix, Side side, int i) {
        out.append(prefix).append(side.line(i)).append('\n');
        if (side.missingNewline(i)) {
            out.append(NO_NEWLINE);
        }
    }

    /** Changes grouped into hunks that share context: a gap of at most 2 * context lines joins them. */
    private static List<List<DiffEngine.Hunk>> groups(List<DiffEngine.Hunk> hunks, int context) {
        List<List<DiffEngine.Hunk>> groups = new ArrayList<>();
        List<DiffEngine.Hunk> current = null;
        for (DiffEngine.Hunk h : hunks) {
            if (current != null) {
                DiffEngine.Hunk last = current.get(current.size() - 1);
                if (h.line0() - (last.line0() + last.deleted()) <= 2 * context) {
                    current.add(h);
                    continue;
                }
            }
            current = new ArrayList<>();
            current.add(h);
            groups.add(current);
        }
        return groups;
    }

    /** The unified format ({@code -u}, {@code -U N}). */
    static void unified(List<DiffEngine.Hunk> hunks, Side a, Side b, int context, StringBuilder out) {
        out.append("--- ").append(a.header()).append('\n');
        out.append("+++ ").append(b.header()).append('\n');
        for (List<DiffEngine.Hunk> group : groups(hunks, context)) {
            DiffEngine.Hunk first = group.get(0);
            DiffEngine.Hunk last = group.get(group.size() - 1);
            int start0 = Math.max(0, first.line0() - context);
            int start1 = Math.max(0, first.line1() - context);
            int end0 = Math.min(a.lines().size(), last.line0() + last.deleted() + context);
            int end1 = Math.min(b.lines().size(), last.line1() + last.inserted() + context);
            out.append("@@ -").append(unifiedRange(start0, end0)).append(" +").append(unifiedRange(start1, end1))
                    .append(" @@\n");
            int i0 = start0;
            for (DiffEngine.Hunk h : group) {
                while (i0 < h.line0()) {
                    line(out, " ", a, i0++);
                }
                for (int i = h.line0(); i < h.line0() + h.deleted(); i++) {
                    line(out, "-", a, i);
                }
                for (int i = h.line1(); i < h.line1() + h.inserted(); i++) {
                    line(out, "+", b, i);
                }
                i0 = h.line0() + h.deleted();
            }
            while (i0 < end0) {
                line(out, " ", a, i0++);
            }
        }
    }

    private static String unifiedRange(int start, int end) {
        if (end <= start) {
            return start + ",0";
        }
        return end - start == 1 ? Integer.toString(start + 1) : (start + 1) + "," + (end - start);
    }

    /** The context format ({@code -c}, {@code -C N}). */
    static void context(List<DiffEngine.Hunk> hunks, Side a, Side b, int context, StringBuilder out) {
        out.append("*** ").append(a.header()).append('\n');
        out.append("--- ").append(b.header()).append('\n');
        for (List<DiffEngine.Hunk> group : groups(hunks, context)) {
            DiffEngine.Hunk first = group.get(0);
            DiffEngine.Hunk last = group.get(group.size() - 1);
            int start0 = Math.max(0, first.line0() - context);
            int start1 = Math.max(0, first.line1() - context);
            int end0 = Math.min(a.lines().size(), last.line0() + last.deleted() + context);
            int end1 = Math.min(b.lines().size(), last.line1() + last.inserted() + context);
            boolean deletes = group.stream().anyMatch(h -> h.deleted() > 0);
            boolean inserts = group.stream().anyMatch(h -> h.inserted() > 0);
            out.append("***************\n");
            out.append("*** ").append(contextRange(start0, end0)).append(" ****\n");
            if (deletes) {
                int i0 = start0;
                for (DiffEngine.Hunk h : group) {
                    while (i0 < h.line0()) {
                        line(out, "  ", a, i0++);
                    }
                    String mark = h.inserted() > 0 ? "! " : "- ";
                    for (int i = h.line0(); i < h.line0() + h.deleted(); i++) {
                        line(out, mark, a, i);
                    }
                    i0 = h.line0() + h.deleted();
                }
                while (i0 < end0) {
                    line(out, "  ", a, i0++);
                }
            }
            out.append("--- ").append(contextRange(start1, end1)).append(" ----\n");
            if (inserts) {
                int i1 = start1;
                for (DiffEngine.Hunk h : group) {
                    while (i1 < h.line1()) {
                        line(out, "  ", b, i1++);
                    }
                    String mark = h.deleted() > 0 ? "! " : "+ ";
                    for (int i = h.line1(); i < h.line1() + h.inserted(); i++) {
                        line(out, mark, b, i);
                    }
                    i1 = h.line1() + h.inserted();
                }
                while (i1 < end1) {
                    line(out, "  ", b, i1++);
                }
            }
        }
    }

    private static String contextRange(int start, int end) {
        if (end - start > 1) {
            return (start + 1) + "," + end;
        }
        return Integer.toString(end);
    }
}
