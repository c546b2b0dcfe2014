package io.sandkernel.shell;

/**
 * POSIX extended regular expressions (as bash's {@code =~} takes them from the C library) in
 * Java's syntax: bracket expressions with {@code [:class:]} and a literal backslash, GNU's
 * {@code \< \>} word boundaries, and a {@code {} that does not start a bound taken literally.
 */
final class Regexes {
    private Regexes() {}

    static String toJava(String ere) {
        StringBuilder out = new StringBuilder(ere.length() + 8);
        int n = ere.length();
        for (int i = 0; i < n; i++) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = ere.charAt(++i);
                if (next == '<' || next == '>') {
                    out.append("\\b");
                } else if (Character.isLetterOrDigit(next) && "bBwWsSdD123456789".indexOf(next) < 0) {
                    out.append(next); // \y in an ERE is y
                } else {
                    out.append('\\').append(next);
                }
            } else if (c == '[') {
                i = bracket(ere, i, out);
            } else if (c == '{' && !isBound(ere, i)) {
                out.append("\\{");
            } else if (c == '}' && !closesBound(ere, i)) {
                out.append("\\}");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBound(String ere, int i) {
        return ere.substring(i).matches("(?s)\\{[0-9]+(,[0-9]*)?\\}.*");
    }

    private static boolean closesBound(String ere, int i) {
        int open = ere.lastIndexOf('{', i);
        return open >= 0 && isBound(ere, open) && ere.indexOf('}', open) == i;
    }

    /** Copies the bracket expression at {@code start}; returns the index of its closing ']'. */
    private static int bracket(String ere, int start, StringBuilder out) {
        int n = ere.length();
        int i = start + 1;
        StringBuilder body = new StringBuilder("[");
        if (i < n && ere.charAt(i) == '^') {
            body.append('^');
            i++;
        }
        boolean first = true;
        while (i < n) {
            char c = ere.charAt(i);
            if (c == ']' && !first) {
                out.append(body).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < n && (ere.charAt(i + 1) == ':' || ere.charAt(i + 1) == '=' || ere.charAt(i + 1) == '.')) {
                char kind = ere.charAt(i + 1);
                int close = ere.indexOf(kind + "]", i + 2);
                if (close > 0) {
                    String name = ere.substring(i + 2, close);
                    body.append(kind == ':' ? javaClass(name) : escape(name));
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' || c == '[' || c == '&' || c == '^' || (c == ']')) {
                body.append('\\');
            }
            body.append(c);
            i++;
        }
        out.append("\\["); // no closing ']': a literal '['
        return start;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String javaClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "0-9A-Fa-f";
            case "cntrl" -> "\\p{Cntrl}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "word" -> "\\w";
            default -> "";
        };
    }
}
