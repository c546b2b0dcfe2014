package io.sandkernel.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code echo}, {@code printf}, {@code read} and {@code getopts}, as dash has them. */
final class TextBuiltins {
    private final Interpreter shell;
    private final ShellState state;

    TextBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    /** dash's echo: only {@code -n}; backslash escapes always interpreted. */
    int echo(List<String> argv) {
        int i = 1;
        boolean newline = true;
        if (i < argv.size() && argv.get(i).equals("-n")) {
            newline = false;
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int k = i; k < argv.size(); k++) {
            if (k > i) {
                out.append(' ');
            }
            if (escapes(argv.get(k), out, true)) {
                shell.print(1, out.toString());
                return 0;
            }
        }
        if (newline) {
            out.append('\n');
        }
        shell.print(1, out.toString());
        return 0;
    }

    /**
     * Appends {@code text} with backslash escapes interpreted ({@code \0nnn} octal when
     * {@code zeroOctal}, as echo and %b have it).
     *
     * @return true when {@code \c} asked to stop all output
     */
    static boolean escapes(String text, StringBuilder out, boolean zeroOctal) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'c' -> {
                    return true;
                }
                case 'e' -> out.append('\033');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\013');
                case '\\' -> out.append('\\');
                default -> {
                    boolean octal = n >= '0' && n <= '7';
                    if (octal) {
                        int start = zeroOctal && n == '0' ? i + 1 : i;
                        int end = start;
                        int value = 0;
                        while (end < text.length() && end < start + 3 && text.charAt(end) >= '0'
                                && text.charAt(end) <= '7') {
                            value = value * 8 + (text.charAt(end) - '0');
                            end++;
                        }
                        out.append((char) (value & 0xff));
                        i = end - 1;
                    } else {
                        out.append('\\').append(n);
                    }
                }
            }
        }
        return false;
    }

    int printf(List<String> argv) {
        if (argv.size() < 2) {
            throw new ShellError("printf: usage: printf format [arg ...]", 2);
        }
        String format = argv.get(1);
        List<String> args = argv.subList(2, argv.size());
        StringBuilder out = new StringBuilder();
        int[] status = {0};
        int used = 0;
        do {
            int before = used;
            Integer consumed = formatOnce(format, args, used, out, status);
            if (consumed == null) {
                break;
            }
            used = consumed;
            if (used == before) {
                break;
            }
        } while (used < args.size());
        shell.print(1, out.toString());
        return status[0];
    }

    /** One pass over the format; returns the next argument index, or null when \c stopped output. */
    private Integer formatOnce(String format, List<String> args, int next, StringBuilder out, int[] status) {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\\') {
                int end = Math.min(format.length(), i + 2);
                if (i + 1 < format.length() && format.charAt(i + 1) >= '0' && format.charAt(i + 1) <= '7') {
                    end = i + 1;
                    while (end < format.length() && end < i + 4 && format.charAt(end) >= '0' && format.charAt(end) <= '7') {
                        end++;
                    }
                }
                if (escapes(format.substring(i, end), out, false)) {
                    return null;
                }
                i = end;
                continue;
            }
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int start = i;
            i++;
            StringBuilder flagChars = new StringBuilder();
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                flagChars.append(format.charAt(i++));
            }
            StringBuilder widthText = new StringBuilder();
            while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '*')) {
                if (format.charAt(i) == '*') {
                    long w = next < args.size() ? toLong(args.get(next++), status) : 0;
                    if (w < 0) {
                        flagChars.append('-');
                        w = -w;
                    }
                    widthText.append(w);
                    i++;
                } else {
                    widthText.append(format.charAt(i++));
                }
            }
            StringBuilder spec = new StringBuilder("%").append(flagChars).append(widthText);
            String stringSpec = "%" + (flagChars.indexOf("-") >= 0 ? "-" : "")
                    + (widthText.isEmpty() || widthText.toString().equals("0") ? "" : widthText.toString());
            String precision = null;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                StringBuilder p = new StringBuilder();
                while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '*')) {
                    if (format.charAt(i) == '*') {
                        p.append(next < args.size() ? toLong(args.get(next++), status) : 0);
                        i++;
                    } else {
                        p.append(format.charAt(i++));
                    }
                }
                precision = p.isEmpty() ? "0" : p.toString();
            }
            if (i >= format.length()) {
                out.append(format, start, i);
                break;
            }
            char conversion = format.charAt(i++);
            String arg = next < args.size() ? args.get(next++) : null;
            String flags = spec.toString();
            switch (conversion) {
                case 's' -> out.append(String.format(stringSpec + (precision == null
                        ? "" : "." + precision) + "s", arg == null ? "" : arg));
                case 'b' -> {
                    StringBuilder expanded = new StringBuilder();
                    boolean stop = escapes(arg == null ? "" : arg, expanded, true);
                    out.append(String.format(stringSpec + (precision == null
                            ? "" : "." + precision) + "s", expanded));
                    if (stop) {
                        return null;
                    }
                }
                case 'c' -> out.append(String.format(stringSpec + "s",
                        arg == null || arg.isEmpty() ? "" : arg.substring(0, 1)));
                case 'd', 'i', 'u' -> out.append(integer(flags, precision, "d", arg, status));
                case 'o', 'x', 'X' -> out.append(integer(flags, precision, String.valueOf(conversion), arg, status));
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double value = arg == null ? 0 : toDouble(arg, status);
                    String conv = conversion == 'F' ? "f" : String.valueOf(conversion);
                    if (conv.equalsIgnoreCase("g")) {
                        out.append(pad(generalFloat(value, precision, conv.equals("G")), flags));
                    } else {
                        out.append(String.format(java.util.Locale.ROOT, flags.replace("#", "")
                                + (precision == null ? "" : "." + precision) + conv, value));
                    }
                }
                default -> {
                    shell.error("printf: %" + conversion + ": invalid directive");
                    status[0] = 1;
                    return null;
                }
            }
        }
        return next;
    }

    private String integer(String spec, String precision, String conv, String arg, int[] status) {
        long value = arg == null ? 0 : toLong(arg, status);
        int k = 1;
        StringBuilder flags = new StringBuilder();
        while (k < spec.length() && "-+ #0".indexOf(spec.charAt(k)) >= 0) {
            flags.append(spec.charAt(k++));
        }
        int width = k < spec.length() ? Integer.parseInt(spec.substring(k)) : 0;
        String f = flags.toString();
        String digits = switch (conv) {
            case "o" -> Long.toOctalString(value);
            case "x" -> Long.toHexString(value);
            case "X" -> Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
            default -> value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        };
        String sign = "";
        if (conv.equals("d")) {
            sign = value < 0 ? "-" : f.contains("+") ? "+" : f.contains(" ") ? " " : "";
        }
        if (precision != null) {
            int p = Integer.parseInt(precision);
            while (digits.length() < p) {
                digits = "0" + digits;
            }
        }
        if (f.contains("#") && value != 0) {
            if (conv.equals("o") && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if (conv.equals("x")) {
                sign = "0x";
            } else if (conv.equals("X")) {
                sign = "0X";
            }
        }
        StringBuilder text = new StringBuilder(sign).append(digits);
        if (text.length() < width) {
            int pad = width - text.length();
            if (f.contains("-")) {
                text.append(" ".repeat(pad));
            } else if (f.contains("0") && precision == null) {
                text.insert(sign.length(), "0".repeat(pad));
            } else {
                text.insert(0, " ".repeat(pad));
            }
        }
        return text.toString();
    }

    /** C's %g: %e or %f, whichever is shorter for the precision, without trailing zeros. */
    static String generalFloat(double value, String precision, boolean upper) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value).toLowerCase(java.util.Locale.ROOT).replace("infinity", "inf");
        }
        int p = precision == null ? 6 : Math.max(1, Integer.parseInt(precision));
        if (value == 0) {
            return "0";
        }
        String e = String.format(java.util.Locale.ROOT, "%." + (p - 1) + "e", value);
        int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        String text;
        if (exponent < -4 || exponent >= p) {
            String mantissa = stripZeros(e.substring(0, e.indexOf('e')));
            text = mantissa + e.substring(e.indexOf('e'));
        } else {
            text = stripZeros(String.format(java.util.Locale.ROOT, "%." + Math.max(0, p - 1 - exponent) + "f", value));
        }
        return upper ? text.toUpperCase(java.util.Locale.ROOT) : text;
    }

    private static String stripZeros(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        String stripped = number.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** Pads to the width in a %-spec ({@code %-8}, {@code %08}). */
    private static String pad(String text, String spec) {
        String digits = spec.replaceAll("^%[-+ #0]*", "");
        if (digits.isEmpty()) {
            return text;
        }
        int width = Integer.parseInt(digits);
        if (text.length() >= width) {
            return text;
        }
        String padding = " ".repeat(width - text.length());
        return spec.contains("-") ? text + padding : padding + text;
    }

    private long toLong(String arg, int[] status) {
        String text = arg.strip();
        if (text.startsWith("'") || text.startsWith("\"")) {
            return text.length() > 1 ? text.charAt(1) : 0;
        }
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseLong(text.substring(1), 8);
            }
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            shell.error("printf: " + arg + ": expected numeric value");
            status[0] = 1;
            return 0;
        }
    }

    private double toDouble(String arg, int[] status) {
        try {
            return Double.parseDouble(arg.strip());
        } catch (NumberFormatException e) {
            shell.error("printf: " + arg + ": expected numeric value");
            status[0] = 1;
            return 0;
        }
    }

    /** {@code read [-r] [-p prompt] [name...]}: one line from standard input, split on IFS. */
    int read(List<String> argv) {
        boolean raw = false;
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String option = argv.get(i);
            if (option.equals("--")) {
                i++;
                break;
            }
            if (option.equals("-r")) {
                raw = true;
            } else if (option.equals("-p") && i + 1 < argv.size()) {
                shell.print(2, argv.get(++i));
            } else {
                throw new ShellError("read: Illegal option " + option, 2);
            }
            i++;
        }
        List<String> names = new ArrayList<>(argv.subList(i, argv.size()));
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // which characters were escaped with a backslash (not split on)
        List<Integer> escapedAt = new ArrayList<>();
        boolean eof = false;
        InputStream in = shell.io.input(0);
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    eof = true;
                    break;
                }
                if (b == '\n') {
                    break;
                }
                if (b == '\\' && !raw) {
                    int n = in.read();
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    if (n == '\n') {
                        continue;
                    }
                    escapedAt.add(bytes.size());
                    bytes.write(n);
                    continue;
                }
                bytes.write(b);
            }
        } catch (IOException e) {
            eof = true;
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        assign(names, line, escapedAt);
        return eof ? 1 : 0;
    }

    private void assign(List<String> names, String line, List<Integer> escapedAt) {
        String ifs = state.ifs();
        int pos = 0;
        int n = line.length();
        while (pos < n && isWhiteIfs(line.charAt(pos), ifs) && !escapedAt.contains(pos)) {
            pos++;
        }
        for (int v = 0; v < names.size(); v++) {
            String name = names.get(v);
            if (v == names.size() - 1) {
                int end = n;
                while (end > pos && isWhiteIfs(line.charAt(end - 1), ifs) && !escapedAt.contains(end - 1)) {
                    end--;
                }
                state.set(name, line.substring(pos, end));
                return;
            }
            int start = pos;
            while (pos < n && (ifs.indexOf(line.charAt(pos)) < 0 || escapedAt.contains(pos))) {
                pos++;
            }
            state.set(name, line.substring(start, pos));
            while (pos < n && isWhiteIfs(line.charAt(pos), ifs)) {
                pos++;
            }
            if (pos < n && ifs.indexOf(line.charAt(pos)) >= 0 && !isWhiteIfs(line.charAt(pos), ifs)) {
                pos++;
                while (pos < n && isWhiteIfs(line.charAt(pos), ifs)) {
                    pos++;
                }
            }
        }
    }

    private static boolean isWhiteIfs(char c, String ifs) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }

    /** {@code getopts optstring name [args...]}. */
    int getopts(List<String> argv) {
        if (argv.size() < 3) {
            throw new ShellError("getopts: usage: getopts optstring var [arg]", 2);
        }
        String optstring = argv.get(1);
        String name = argv.get(2);
        List<String> args = argv.size() > 3 ? argv.subList(3, argv.size()) : state.positional;
        int index;
        try {
            index = Integer.parseInt(String.valueOf(state.get("OPTIND")));
        } catch (NumberFormatException e) {
            index = 1;
        }
        int offset = state.get("_GETOPTS_OFFSET") == null ? 1 : Integer.parseInt(state.get("_GETOPTS_OFFSET"));
        boolean silent = optstring.startsWith(":");
        if (index > args.size() || index < 1) {
            state.set(name, "?");
            return 1;
        }
        String arg = args.get(index - 1);
        if (offset == 1 && (!arg.startsWith("-") || arg.equals("-"))) {
            state.set(name, "?");
            return 1;
        }
        if (offset == 1 && arg.equals("--")) {
            state.set("OPTIND", Integer.toString(index + 1));
            state.set(name, "?");
            return 1;
        }
        char option = arg.charAt(offset);
        int spec = optstring.indexOf(option);
        offset++;
        boolean atEnd = offset >= arg.length();
        if (spec < 0 || option == ':') {
            state.set(name, "?");
            if (silent) {
                state.set("OPTARG", String.valueOf(option));
            } else {
                state.unset("OPTARG");
                shell.error("Illegal option -" + option);
            }
        } else if (spec + 1 < optstring.length() && optstring.charAt(spec + 1) == ':') {
            if (!atEnd) {
                state.set("OPTARG", arg.substring(offset));
            } else if (index < args.size()) {
                state.set("OPTARG", args.get(index));
                index++;
            } else {
                state.set(name, silent ? ":" : "?");
                if (!silent) {
                    shell.error("No arg for -" + option + " option");
                    state.unset("OPTARG");
                } else {
                    state.set("OPTARG", String.valueOf(option));
                }
                state.set("OPTIND", Integer.toString(index + 1));
                state.unset("_GETOPTS_OFFSET");
                return 0;
            }
            atEnd = true;
            state.set(name, String.valueOf(option));
        } else {
            state.set(name, String.valueOf(option));
            state.unset("OPTARG");
        }
        if (atEnd) {
            state.set("OPTIND", Integer.toString(index + 1));
            state.unset("_GETOPTS_OFFSET");
        } else {
            state.set("_GETOPTS_OFFSET", Integer.toString(offset));
        }
        return 0;
    }
}
