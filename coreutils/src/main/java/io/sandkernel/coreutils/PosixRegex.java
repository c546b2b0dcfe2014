package io.sandkernel.coreutils;

import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates POSIX basic (BRE) and extended (ERE) regular expressions, with GNU's extensions
 * ({@code \| \+ \? \< \> \b \w \s}, back-references), into {@link java.util.regex} syntax, and
 * compiles them for byte strings (each char one byte; {@code .} matches any byte but newline).
 */
final class PosixRegex {
    private static final Pattern INTERVAL = Pattern.compile("([0-9]*)(,([0-9]*))?");

    private final String source;
    private final boolean extended;
    private final StringBuilder out = new StringBuilder();
    private final Consumer<String> warnings;
    private final boolean utf8;
    /** Whether a range may end in a non-ASCII character in a UTF-8 locale (gawk), unlike glibc's regex. */
    private final boolean wideRanges;
    private int at;
    private boolean atStart = true;
    private int openGroups;

    private PosixRegex(String source, boolean extended, Consumer<String> warnings, boolean utf8, boolean wideRanges) {
        this.source = source;
        this.extended = extended;
        this.warnings = warnings;
        this.utf8 = utf8;
        this.wideRanges = wideRanges;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @param wholeWord  match only where no word character touches the match (grep -w)
     * @param wholeLine  match only the whole line (grep -x)
     * @param warnings   receives GNU's warnings, such as "* at start of expression"
     * @throws UsageException when the pattern is malformed, with GNU's wording
     */
    static Pattern compile(String pattern, boolean extended, boolean fixed, boolean ignoreCase,
                           boolean wholeWord, boolean wholeLine, Consumer<String> warnings) {
        return compile(pattern, extended, fixed, ignoreCase, wholeWord, wholeLine, warnings, false);
    }

    /**
     * Compiles {@code pattern} as above; with {@code utf8}, for text of a UTF-8 locale decoded by
     * {@link Utf8#decode} (the pattern given as Java text too): {@code .} is one character, case
     * folding, {@code \w} and the letter classes are Unicode's. A range with a non-ASCII end is
     * then "Invalid collation character", as glibc's regex has it in C.UTF-8.
     */
    static Pattern compile(String pattern, boolean extended, boolean fixed, boolean ignoreCase,
                           boolean wholeWord, boolean wholeLine, Consumer<String> warnings, boolean utf8) {
        return compile(pattern, extended, fixed, ignoreCase, wholeWord, wholeLine, warnings, utf8, false);
    }

    /** gawk's extended expressions: as above, and in a UTF-8 locale ranges go by code point. */
    static Pattern compileForAwk(String pattern, boolean utf8) {
        return compile(pattern, true, false, false, false, false, warning -> { }, utf8, true);
    }

    private static Pattern compile(String pattern, boolean extended, boolean fixed, boolean ignoreCase,
                                   boolean wholeWord, boolean wholeLine, Consumer<String> warnings, boolean utf8,
                                   boolean wideRanges) {
        String java = fixed ? Pattern.quote(pattern)
                : new PosixRegex(pattern, extended, warnings, utf8, wideRanges).translate();
        if (wholeLine) {
            java = "^(?:" + java + ")$";
        } else if (wholeWord) {
            java = "(?<!\\w)(?:" + java + ")(?!\\w)";
        }
        try {
            int unicode = utf8 ? Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS : 0;
            return Pattern.compile(java, Pattern.UNIX_LINES | unicode | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
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
                escape(wasStart);
            } else if (c == '[') {
                bracket();
            } else if (c == '.') {
                // in a UTF-8 locale a byte that is no character (decoded as U+DC80..U+DCFF) matches nothing
                out.append(utf8 ? "[^\\n\\x{dc80}-\\x{dcff}]" : ".");
            } else if (c == '^') {
                if (extended || wasStart) {
                    out.append('^');
                    atStart = true;
                } else {
                    out.append("\\^");
                }
            } else if (c == '$') {
                out.append(extended || atEndOfBranch() ? "$" : "\\$");
            } else if (c == '*' || (extended && (c == '+' || c == '?'))) {
                quantifier(c, wasStart);
            } else if (extended && (c == '(' || c == '|')) {
                openGroups += c == '(' ? 1 : 0;
                out.append(c);
                atStart = true;
            } else if (extended && c == ')' && openGroups > 0) {
                openGroups--;
                out.append(')');
            } else if (extended && c == '{' && interval(false, wasStart)) {
                continue;
            } else {
                out.append(literal(c));
            }
        }
        return out.toString();
    }

    /**
     * A repetition operator. At the start of an expression a BRE takes {@code *} literally, while
     * GNU's ERE ignores it with a warning.
     */
    private void quantifier(char c, boolean atStartOfExpression) {
        if (!atStartOfExpression) {
            out.append(c);
        } else if (!extended) {
            out.append(literal(c));
        } else {
            warnings.accept(c + " at start of expression");
            atStart = true;
        }
    }

    /** Whether a BRE {@code $} just read ends the pattern or a group or branch. */
    private boolean atEndOfBranch() {
        return at == source.length() || source.startsWith("\\)", at) || source.startsWith("\\|", at);
    }

    private void escape(boolean wasStart) {
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
            if (wasStart) {
                out.append("\\{");
            } else {
                interval(true, false);
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
     * Reads an interval {@code {m,n}} whose '{' was just consumed; a BRE's ends with a backslashed
     * brace. A malformed BRE interval is an error; a malformed ERE one is literal text (false is
     * returned and nothing consumed), and one at the start of an ERE is ignored with a warning.
     */
    private boolean interval(boolean basic, boolean atStartOfExpression) {
        String terminator = basic ? "\\}" : "}";
        int end = source.indexOf(terminator, at);
        String body = end < 0 ? "" : source.substring(at, end);
        Matcher m = INTERVAL.matcher(body);
        boolean wellFormed = end >= 0 && m.matches() && !body.isEmpty() && !body.equals(",")
                && (m.group(2) == null || m.group(3).isEmpty() || m.group(1).isEmpty()
                || Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(3)));
        if (!wellFormed) {
            if (!basic) {
                return false;
            }
            throw UsageException.withoutHint(end < 0 ? "Unmatched \\{" : "Invalid content of \\{\\}");
        }
        at = end + terminator.length();
        if (atStartOfExpression) {
            warnings.accept("{...} at start of expression");
            atStart = true;
            return true;
        }
        out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
        return true;
    }

    private void bracket() {
        StringBuilder set = new StringBuilder("[");
        int i = at;
        if (i < source.length() && source.charAt(i) == '^') {
            set.append('^');
            if (utf8) {
                set.append("\\x{dc80}-\\x{dcff}");
            }
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= source.length()) {
                throw UsageException.withoutHint(i == at ? "Invalid regular expression" : "Unmatched [, [^, [:, [., or [=");
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
                    set.append(characterClass(name, utf8));
                } else {
                    for (char n : name.toCharArray()) {
                        set.append(literal(n));
                    }
                }
                i = close + 2;
                continue;
            }
            if (i + 2 < source.length() && source.charAt(i + 1) == '-' && source.charAt(i + 2) != ']') {
                char high = source.charAt(i + 2);
                if (utf8 && !wideRanges && (c >= 0x80 || high >= 0x80)) {
                    throw UsageException.withoutHint("Invalid collation character");
                }
                if (high < c) {
                    throw UsageException.withoutHint("Invalid range end");
                }
                set.append(literal(c)).append('-').append(literal(high));
                i += 3;
                continue;
            }
            set.append(literal(c));
            i++;
        }
        at = i;
        out.append(set).append(']');
    }

    private static String characterClass(String name, boolean utf8) {
        IntPredicate member = CharClasses.named(name);
        if (member == null) {
            throw UsageException.withoutHint("Invalid character class name");
        }
        if (utf8) {
            // the letters of every script, as glibc's C.UTF-8 classifies them
            switch (name) {
                case "alpha", "upper", "lower", "alnum" -> {
                    return "\\p{" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "}";
                }
                case "punct" -> {
                    return CharClasses.asJavaRanges(member) + "\\p{P}\\p{S}";
                }
                case "print", "graph" -> {
                    return CharClasses.asJavaRanges(member) + "\\x{a0}-\\x{dbff}\\x{e000}-\\x{10ffff}";
                }
                default -> { }
            }
        }
        return CharClasses.asJavaRanges(member);
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
