package io.sandkernel.shell;

import java.util.regex.PatternSyntaxException;

/**
 * POSIX extended regular expressions (as bash's {@code =~} takes them from the C library) in
 * Java's syntax: bracket expressions with {@code [:class:]} and a literal backslash, GNU's
 * {@code \< \>} word boundaries, repetitions of repetitions ({@code a**}); what glibc's regcomp
 * refuses is refused (an unclosed bracket, a repetition of nothing, a malformed interval).
 */
final class Regexes {
    private Regexes() {}

    /**
     * The expression in Java's syntax.
     *
     * @throws PatternSyntaxException where glibc's regcomp fails: an unclosed bracket, a
     *                                repetition with nothing before it, a {@code {} that is not a
     *                                valid interval
     */
    static String toJava(String ere) {
        StringBuilder out = new StringBuilder(ere.length() + 8);
        int n = ere.length();
        // where the last atom starts in out (-1: none, as at the start, after '(', '|' or '^'), and
        // whether a repetition follows it already: glibc repeats a repeated atom again (a** is (a*)*)
        int atom = -1;
        boolean repeated = false;
        java.util.ArrayDeque<Integer> groups = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            char c = ere.charAt(i);
            if (c == '*' || c == '+' || c == '?' || c == '{') {
                String operator = c == '{' ? interval(ere, i) : String.valueOf(c);
                if (atom < 0) {
                    throw new PatternSyntaxException("nothing to repeat", ere, i);
                }
                if (repeated) {
                    out.insert(atom, "(?:").append(')');
                }
                out.append(operator);
                repeated = true;
                if (c == '{') {
                    i = ere.indexOf('}', i);
                }
                continue;
            }
            int before = out.length();
            boolean isAtom = true;
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new PatternSyntaxException("trailing backslash", ere, i);
                }
                char next = ere.charAt(++i);
                if (next == '<' || next == '>') {
                    out.append("\\b");
                    isAtom = false;
                } else if (Character.isLetterOrDigit(next) && "bBwWsSdD123456789".indexOf(next) < 0) {
                    out.append(next); // \y in an ERE is y
                } else {
                    out.append('\\').append(next);
                }
            } else if (c == '[') {
                i = bracket(ere, i, out);
            } else if (c == '}') {
                out.append("\\}");
            } else if (c == '(') {
                groups.push(before);
                out.append(c);
                isAtom = false;
            } else if (c == ')' && !groups.isEmpty()) {
                out.append(c);
                before = groups.pop();
            } else if (c == '|' || c == '^') {
                out.append(c);
                isAtom = false;
            } else {
                out.append(c);
            }
            atom = isAtom ? before : -1;
            repeated = false;
        }
        return out.toString();
    }

    /** The interval {@code {m}}, {@code {m,}}, {@code {m,n}} or {@code {,n}} at {@code i}, in Java's form. */
    private static String interval(String ere, int i) {
        int close = ere.indexOf('}', i);
        String body = close < 0 ? "" : ere.substring(i + 1, close);
        if (!body.matches("[0-9]*(,[0-9]*)?") || body.isEmpty() || body.equals(",")) {
            throw new PatternSyntaxException("invalid interval", ere, i);
        }
        String[] bounds = body.split(",", -1);
        String low = bounds[0].isEmpty() ? "0" : bounds[0];
        String high = bounds.length == 2 ? bounds[1] : low;
        // glibc's RE_DUP_MAX is 32767
        if (low.length() > 5 || high.length() > 5 || Integer.parseInt(low) > 32767
                || (!high.isEmpty() && (Integer.parseInt(high) > 32767 || Integer.parseInt(high) < Integer.parseInt(low)))) {
            throw new PatternSyntaxException("invalid interval", ere, i);
        }
        return "{" + low + (bounds.length == 2 ? "," + bounds[1] : "") + "}";
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
        // no closing ']': an error in glibc's regcomp (REG_EBRACK), so [[ =~ ]] fails with 2 as in bash
        throw new PatternSyntaxException("unmatched [", ere, start);
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
