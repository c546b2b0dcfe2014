package io.sandkernel.shell;

import io.sandkernel.shell.Ast.For;
import java.util.List;

/**
 * bash's {@code select name [in words]; do list; done}: a numbered menu of the words on standard
 * error, laid out in columns as bash lays it out, then {@code $PS3} and a line read as {@code read}
 * reads it into {@code REPLY}; {@code name} is the word chosen (empty for anything else) and the
 * body runs, until {@code break} or the end of the input (a newline on standard output, status 1).
 * An empty line shows the menu again.
 */
final class SelectLoop {
    private static final int TAB = 8;

    private SelectLoop() {
    }

    static int run(Interpreter shell, For node) {
        ShellState state = shell.state;
        List<String> words = node.words() == null ? List.copyOf(state.positional)
                : shell.expander.expandWords(node.words());
        if (words.isEmpty()) {
            return 0;
        }
        int status = 0;
        boolean menu = true;
        shell.loopDepth++;
        try {
            while (true) {
                shell.checkpoint();
                if (menu) {
                    shell.print(2, menu(words, columns(state)));
                }
                String prompt = state.get("PS3");
                shell.print(2, prompt == null ? "#? " : prompt);
                if (shell.builtins.run(List.of("read", "REPLY")) != 0) {
                    shell.print(1, "\n");
                    return 1;
                }
                String reply = state.get("REPLY");
                if (reply == null || reply.isEmpty()) {
                    menu = true;
                    continue;
                }
                menu = false;
                shell.values.assign(node.name(), choice(reply.strip(), words), false);
                int pass = shell.loops.iterate(node.body());
                if (pass == Loops.BREAK) {
                    return 0;
                }
                if (pass != Loops.CONTINUE) {
                    status = pass;
                }
            }
        } finally {
            shell.loopDepth--;
        }
    }

    private static String choice(String reply, List<String> words) {
        if (reply.isEmpty() || !reply.chars().allMatch(Character::isDigit) || reply.length() > 9) {
            return "";
        }
        int index = Integer.parseInt(reply);
        return index >= 1 && index <= words.size() ? words.get(index - 1) : "";
    }

    private static int columns(ShellState state) {
        try {
            int columns = Integer.parseInt(String.valueOf(state.get("COLUMNS")).strip());
            return columns > 0 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** bash's print_select_list: column-major, padded with tabs to the widest entry. */
    static String menu(List<String> words, int width) {
        int count = words.size();
        int indexWidth = Integer.toString(count).length();
        int widest = 0;
        for (String word : words) {
            widest = Math.max(widest, word.codePointCount(0, word.length()));
        }
        int cell = widest + indexWidth + 2 + 2;
        int cols = Math.max(1, width / cell);
        int rows = count / cols + (count % cols != 0 ? 1 : 0);
        cols = count / rows + (count % rows != 0 ? 1 : 0);
        if (rows == 1) {
            rows = cols;
        }
        int firstIndexWidth = Integer.toString(rows).length();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            int index = row;
            int pos = 0;
            while (true) {
                int width0 = pos == 0 ? firstIndexWidth : indexWidth;
                String word = words.get(index);
                out.append(String.format("%" + width0 + "d) ", index + 1)).append(word);
                int length = width0 + 2 + word.codePointCount(0, word.length());
                index += rows;
                if (index >= count) {
                    break;
                }
                indent(out, pos + length, pos + cell);
                pos += cell;
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void indent(StringBuilder out, int from, int to) {
        while (from < to) {
            if (to / TAB > from / TAB) {
                out.append('\t');
                from += TAB - from % TAB;
            } else {
                out.append(' ');
                from++;
            }
        }
    }
}
