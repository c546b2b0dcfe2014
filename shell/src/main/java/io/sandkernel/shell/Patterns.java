package io.sandkernel.shell;

/**
 * Shell pattern matching ({@code * ? [...]}, {@code [!...]}, ranges, {@code [:class:]}) on
 * patterns in which quoted characters are escaped with a backslash.
 */
final class Patterns {
    private Patterns() {}

    /** Escapes the characters that are special in patterns. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Removes the escaping backslashes. */
    static String unescape(String pattern) {
        if (pattern.indexOf('\\') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the pattern has an unescaped {@code * ? [}. */
    static boolean hasGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} matches the whole {@code pattern}. */
    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char t = s.charAt(si);
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int end = bracket(p, pi, t);
                if (end == -1) {
                    if (t != '[') {
                        return false;
                    }
                    pi++;
                    si++;
                } else if (end < 0) {
                    return false;
                } else {
                    pi = end;
                    si++;
                }
            } else if (c == '\\' && pi + 1 < p.length()) {
                if (p.charAt(pi + 1) != t) {
                    return false;
                }
                pi += 2;
                si++;
            } else {
                if (c != t) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }

    /**
     * Matches {@code t} against the bracket expression at {@code start}: the index after it on a
     * match, -2 on no match, -1 when it is not a bracket expression (no closing ']').
     */
    private static int bracket(String p, int start, char t) {
        int i = start + 1;
        boolean negate = false;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            negate = true;
            i++;
        }
        boolean matched = false;
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return matched != negate ? i + 1 : -2;
            }
            first = false;
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0) {
                    String name = p.substring(i + 2, close);
                    if (inClass(name, t)) {
                        matched = true;
                    }
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < p.length()) {
                c = p.charAt(++i);
            }
            char low = c;
            char high = c;
            if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                high = p.charAt(i + 2);
                if (high == '\\' && i + 3 < p.length()) {
                    high = p.charAt(i + 3);
                    i++;
                }
                i += 2;
            }
            if (t >= low && t <= high) {
                matched = true;
            }
            i++;
        }
        return -1;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> Character.isUpperCase(c);
            case "lower" -> Character.isLowerCase(c);
            case "space" -> Character.isWhitespace(c);
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit" -> Character.digit(c, 16) >= 0;
            case "cntrl" -> c < 32 || c == 127;
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            default -> false;
        };
    }
}
