package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.ShellState.Var;

/**
 * bash's {@code ${x@op}} transformations: {@code Q} (quoted for re-input), {@code E} (backslash
 * escapes expanded), {@code A} (an assignment statement), {@code a} (attribute letters),
 * {@code U u L} (case), {@code K} and {@code P} (as the value, quoted or not).
 */
final class Transforms {
    private Transforms() {}

    static String apply(char op, String value, Param param, ShellState state) {
        return switch (op) {
            case 'Q', 'K' -> quote(value);
            case 'E' -> {
                StringBuilder out = new StringBuilder();
                int i = 0;
                while (i < value.length()) {
                    char c = value.charAt(i);
                    if (c == '\\' && i + 1 < value.length()) {
                        i = Escapes.ansiC(value, i + 1, out);
                    } else {
                        out.append(c);
                        i++;
                    }
                }
                yield out.toString();
            }
            case 'U' -> Strings.upper(value);
            case 'L' -> Strings.lower(value);
            case 'u' -> value.isEmpty() ? value : Strings.upper(value.substring(0, 1)) + value.substring(1);
            case 'a' -> attributes(state.vars.get(param.name()));
            case 'A' -> {
                Var var = state.vars.get(param.name());
                String flags = attributes(var);
                String prefix = flags.isEmpty() ? "" : "declare -" + flags + " ";
                yield prefix + param.name() + "=" + quote(value);
            }
            case 'P' -> value;
            default -> throw new ShellError(param.name() + ": bad substitution", 1);
        };
    }

    /** The attribute letters {@code declare} shows for a variable, in bash's order. */
    static String attributes(Var var) {
        if (var == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (var.array != null) {
            out.append('a');
        }
        if (var.assoc != null) {
            out.append('A');
        }
        if (var.is(Var.INTEGER)) {
            out.append('i');
        }
        if (var.is(Var.LOWER)) {
            out.append('l');
        }
        if (var.is(Var.NAMEREF)) {
            out.append('n');
        }
        if (var.is(Var.READONLY)) {
            out.append('r');
        }
        if (var.is(Var.UPPER)) {
            out.append('u');
        }
        if (var.is(Var.EXPORTED)) {
            out.append('x');
        }
        return out.toString();
    }

    /** bash's quoting for re-input: {@code 'text'}, or {@code $'...'} when it holds control characters. */
    static String quote(String value) {
        boolean control = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c == 127 || Strings.isRawByte(c)) {
                control = true;
                break;
            }
        }
        if (!control) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\033' -> out.append("\\E");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\013' -> out.append("\\v");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 32 || c == 127) {
                        out.append(String.format("\\%03o", (int) c));
                    } else if (Strings.isRawByte(c)) {
                        out.append(String.format("\\%03o", c - Strings.RAW_BASE));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
