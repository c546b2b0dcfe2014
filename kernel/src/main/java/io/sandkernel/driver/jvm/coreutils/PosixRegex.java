package io.sandkernel.driver.jvm.coreutils;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates POSIX basic (BRE) and extended (ERE) regular expressions, with GNU's extensions
 * ({@code \| \+ \? \< \> \b \w \s}, back-references), into {@link java.util.regex} syntax, and
 * compiles them for byte strings (each char one byte; {@code .} matches any byte but newline).
 */
final class PosixRegex {
    private final String source;
    private final boolean extended;
    private final StringBuilder out = new StringBuilder();
    private int at;
    private boolean atStart = true;

    private PosixRegex(String source, boolean extended) {
        this.source = source;
        this.extended = extended;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param wholeWord  match only where no word character touches the match (grep -w)
     * @param wholeLine  match only the whole line (grep -x)
     * @throws UsageException when the pattern is malformed, with GNU's wording
     */
    static Pattern compile(String pattern, boolean extended, boolean fixed, boolean ignoreCase,
                           boolean wholeWord, boolean wholeLine) {
        String java = fixed ? Pattern.quote(pattern) : new PosixRegex(pattern, extended).translate();
        if (wholeLine) {
            java = "^(?:" + java + ")$";
        } else if (wholeWord) {
            java = "(?<!\\w)(?:" + java + ")(?!\\w)";
        }
        try {
            return Pattern.compile(java, Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            throw UsageException.withoutHint(describe(e));
        }
    }

    private static String describe(PatternSyntaxException e) {
        String description = e.getDescription();
        if (description.contains("Unclosed group")) {
            return "Unmatched ( or \\(";
        }
        if (description.contains("Unmatched closing")) {
            return "Unmatched ) or \\)";
        }
        if (description.contains("Dangling meta character")) {
            return "Invalid preceding regular expression";
        }
        return "Invalid regular expression";
    }

    private String translate() {
        while (at < source.length()) {
            char c = source.charAt(at++);
            boolean wasStart = atStart;
            atStart = false;
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                bracket();
            } else if (c == '.') {
                out.append('.');
            } else if (c == '*') {
                out.append(wasStart ? "\\*" : "*");
            } else if (c == '^') {
                if (extended || wasStart) {
                    out.append('^');
                    atStart = true;
                } else {
                    out.append("\\^");
                }
            } else if (c == '$') {
                out.append(extended || atEndOfBranch() ? "$" : "\\$");
            } else if (extended && (c == '(' || c == '|')) {
                out.append(c);
                atStart = true;
            } else if (extended && c == ')') {
                out.append(')');
            } else if (extended && (c == '+' || c == '?')) {
                out.append(wasStart ? "\\" + c : String.valueOf(c));
            } else if (extended && c == '{' && !wasStart && interval('}', 0)) {
                continue;
            } else {
                out.append(literal(c));
            }
        }
        return out.toString();
    }

    /** Whether a BRE {@code $} just read ends the pattern or a group or branch. */
    private boolean atEndOfBranch() {
        return at == source.length() || source.startsWith("\\)", at) || source.startsWith("\\|", at);
    }

    private void escape() {
        if (at >= source.length()) {
            throw UsageException.withoutHint("Trailing backslash");
        }
        char c = source.charAt(at++);
        if (!extended && (c == '(' || c == '|')) {
            out.append(c);
            atStart = true;
        } else if (!extended && c == ')') {
            out.append(')');
        } else if (!extended && (c == '+' || c == '?')) {
            out.append(c);
        } else if (!extended && c == '{') {
            if (!interval('}', 1)) {
                throw UsageException.withoutHint("Unmatched \\{");
            }
        } else if (c == '<') {
            out.append("\\b(?=\\w)");
        } else if (c == '>') {
            out.append("\\b(?<=\\w)");
        } else if ("bBwWsS".indexOf(c) >= 0) {
            out.append('\\').append(c);
        } else if (c >= '1' && c <= '9') {
            out.append('\\').append(c);
        } else if (c == '`') {
            out.append("\\A");
        } else if (c == '\'') {
            out.append("\\z");
        } else {
            out.append(literal(c));
        }
    }

    /**
     * Reads an interval {@code {m,n}} whose '{' was just consumed; a BRE's closing brace is
     * preceded by a backslash ({@code closeEscapes} 1). Returns false, consuming nothing, when the
     * text is not an interval.
     */
    private boolean interval(char close, int closeEscapes) {
        int end = at;
        while (end < source.length() && (Character.isDigit(source.charAt(end)) || source.charAt(end) == ',')) {
            end++;
        }
        String terminator = closeEscapes == 1 ? "\\" + close : String.valueOf(close);
        String body = source.substring(at, end);
        if (!source.startsWith(terminator, end) || !body.matches("[0-9]*(,[0-9]*)?") || body.isEmpty() || body.equals(",")) {
            return false;
        }
        out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
        at = end + terminator.length();
        return true;
    }

    private void bracket() {
        StringBuilder set = new StringBuilder("[");
        int i = at;
        if (i < source.length() && source.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= source.length()) {
                throw UsageException.withoutHint("Unmatched [, [^, [:, [., or [=");
            }
            char c = source.charAt(i);
            if (c == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (c == '[' && i + 1 < source.length() && ":=.".indexOf(source.charAt(i + 1)) >= 0) {
                char kind = source.charAt(i + 1);
                int close = source.indexOf(kind + "]", i + 2);
                if (close < 0) {
                    throw UsageException.withoutHint("Unmatched [, [^, [:, [., or [=");
                }
                String name = source.substring(i + 2, close);
                if (kind == ':') {
                    set.append(characterClass(name));
                } else {
                    for (char n : name.toCharArray()) {
                        set.append(classLiteral(n));
                    }
                }
                i = close + 2;
                continue;
            }
            if (i + 2 < source.length() && source.charAt(i + 1) == '-' && source.charAt(i + 2) != ']') {
                char high = source.charAt(i + 2);
                if (high < c) {
                    throw UsageException.withoutHint("Invalid range end");
                }
                set.append(classLiteral(c)).append('-').append(classLiteral(high));
                i += 3;
                continue;
            }
            set.append(classLiteral(c));
            i++;
        }
        at = i;
        out.append(set).append(']');
    }

    private static String characterClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\p{Space}";
            case "blank" -> "\\p{Blank}";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "\\p{XDigit}";
            default -> throw UsageException.withoutHint("Invalid character class name");
        };
    }

    private static String classLiteral(char c) {
        return literal(c);
    }

    /** {@code c} as a Java regex literal, inside or outside a class. */
    private static String literal(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return String.valueOf(c);
        }
        if (c > 32 && c < 127) {
            return "\\" + c;
        }
        return String.format("\\x{%x}", (int) c);
    }
}
