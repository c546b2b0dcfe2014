package io.sandkernel.shell;

/**
 * bash's pattern substitution ({@code ${x/pattern/replacement}} and its {@code // /# /%} forms,
 * longest match first) and case changes ({@code ${x^pattern}}, {@code ^^ , ,, ~ ~~}).
 */
final class Substitution {
    private Substitution() {}

    /**
     * Replaces matches of {@code pattern} in {@code value}. {@code replacement} is in pattern form
     * (quoted characters escaped); with {@code ampersand} (bash 5.2's patsub_replacement) an
     * unquoted {@code &} in it stands for the matched text.
     */
    static String replace(String value, String op, Patterns.Compiled pattern, boolean emptyPattern, String replacement,
                          boolean ampersand) {
        int n = value.length();
        switch (op) {
            case "/#" -> {
                for (int j = n; j >= 0; j--) {
                    if (pattern.matches(value, 0, j)) {
                        return expand(replacement, value.substring(0, j), ampersand) + value.substring(j);
                    }
                }
                return value;
            }
            case "/%" -> {
                for (int i = 0; i <= n; i++) {
                    if (pattern.matches(value, i, n)) {
                        return value.substring(0, i) + expand(replacement, value.substring(i), ampersand);
                    }
                }
                return value;
            }
            default -> {
                if (emptyPattern) {
                    return value;
                }
                boolean all = op.equals("//");
                StringBuilder out = new StringBuilder(n);
                int i = 0;
                while (i < n) {
                    int end = longestMatch(value, i, pattern);
                    if (end > i) {
                        out.append(expand(replacement, value.substring(i, end), ampersand));
                        i = end;
                        if (!all) {
                            return out.append(value, i, n).toString();
                        }
                        continue;
                    }
                    out.append(value.charAt(i));
                    i++;
                }
                return out.toString();
            }
        }
    }

    /** The end of the longest match starting at {@code start}, or -1. */
    private static int longestMatch(String value, int start, Patterns.Compiled pattern) {
        String literal = pattern.literal;
        if (literal != null) {
            return !literal.isEmpty() && value.startsWith(literal, start) ? start + literal.length() : -1;
        }
        for (int j = value.length(); j >= start; j--) {
            if (pattern.matches(value, start, j)) {
                return j;
            }
        }
        return -1;
    }

    /** The replacement text for one match: quotes removed, {@code &} the match when enabled. */
    private static String expand(String replacement, String match, boolean ampersand) {
        if (replacement.indexOf('\\') < 0 && replacement.indexOf('&') < 0
                && replacement.indexOf(Patterns.EXPANDED_BACKSLASH) < 0) {
            return replacement;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                out.append(replacement.charAt(++i));
            } else if (c == Patterns.EXPANDED_BACKSLASH) {
                if (i + 1 < replacement.length() && replacement.charAt(i + 1) == '&' && ampersand) {
                    out.append('&');
                    i++;
                } else {
                    out.append('\\');
                }
            } else if (c == '&' && ampersand) {
                out.append(match);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code ^ ^^ , ,, ~ ~~}: the first or every character matching {@code pattern} changed. */
    static String changeCase(String value, String op, Patterns.Compiled pattern) {
        boolean all = op.length() == 2;
        char kind = op.charAt(0);
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((all || i == 0) && pattern.matches(value, i, i + 1)) {
                c = switch (kind) {
                    case '^' -> Character.toUpperCase(c);
                    case ',' -> Character.toLowerCase(c);
                    default -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                };
            }
            out.append(c);
        }
        return out.toString();
    }
}
