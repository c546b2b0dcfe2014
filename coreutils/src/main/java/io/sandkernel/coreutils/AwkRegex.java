package io.sandkernel.coreutils;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * awk's extended regular expressions: regex literals and dynamic regexes (strings used as
 * regexes). awk's escapes ({@code \n \t \/ \" \ddd}, {@code \b} a backspace, gawk's {@code \y} a
 * word boundary) are decoded, {@link PosixRegex} translates the ERE, and, as in sed, {@code .}
 * matches a newline and {@code $} only the very end. Compiled patterns are cached by source.
 */
final class AwkRegex {
    private static final int CACHE_LIMIT = 500;
    private final Map<String, Pattern> cache = new HashMap<>();
    private final boolean utf8;

    /** @param utf8 whether the strings matched are text decoded from a UTF-8 locale (see {@link Utf8#decode}) */
    AwkRegex(boolean utf8) {
        this.utf8 = utf8;
    }

    /** Whether the strings matched are decoded text of a UTF-8 locale. */
    boolean utf8() {
        return utf8;
    }

    /** The pattern for {@code source}, compiled once. */
    Pattern get(String source) {
        Pattern pattern = cache.get(source);
        if (pattern == null) {
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            pattern = compile(source, utf8);
            cache.put(source, pattern);
        }
        return pattern;
    }

    /**
     * Compiles an ERE as awk reads it; with {@code utf8} for decoded text, where {@code .} is a
     * character and not a byte that is none, and escaped bytes ({@code \303\251}) that spell a
     * character together are that character.
     *
     * @throws AwkFatal when it is malformed
     */
    static Pattern compile(String source, boolean utf8) {
        String posix = decode(source, utf8);
        try {
            Pattern translated = PosixRegex.compileForAwk(posix, utf8);
            return Pattern.compile(SedRegex.anchorEnds(translated.pattern()), translated.flags() | Pattern.DOTALL);
        } catch (UsageException e) {
            throw new AwkFatal(e.getMessage() + ": /" + source + "/");
        }
    }

    private static String decode(String source, boolean utf8) {
        if (source.indexOf('\\') < 0) {
            return source;
        }
        String decoded = decodeEscapes(source, utf8);
        return utf8 ? Utf8.decode(Utf8.encode(decoded)) : decoded;
    }

    private static String decodeEscapes(String source, boolean utf8) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int bracketStart = -1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (bracketStart < 0 && c == '[') {
                out.append(c);
                i++;
                if (i < source.length() && source.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                bracketStart = i;
                continue;
            }
            if (bracketStart >= 0 && c == ']' && i > bracketStart) {
                bracketStart = -1;
            }
            if (c != '\\' || i + 1 >= source.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = source.charAt(i + 1);
            if (bracketStart >= 0 && "ntrfvab01234567".indexOf(e) < 0 && e != ']') {
                // inside brackets awk's backslash quotes the next character, which POSIX brackets take as is
                out.append(e);
                i += 2;
                continue;
            }
            int decoded = switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'f' -> '\f';
                case 'v' -> 11;
                case 'a' -> 7;
                case 'b' -> '\b';
                case '/' -> '/';
                case '"' -> '"';
                default -> -1;
            };
            if (decoded >= 0) {
                appendLiteral(out, (char) decoded);
                i += 2;
            } else if (e >= '0' && e <= '7') {
                int value = 0;
                int j = i + 1;
                while (j < source.length() && j < i + 4 && source.charAt(j) >= '0' && source.charAt(j) <= '7') {
                    value = value * 8 + source.charAt(j) - '0';
                    j++;
                }
                appendLiteral(out, Utf8.byteAsChar(value & 0xFF, utf8));
                i = j;
            } else if (e == 'y') {
                out.append("\\b");
                i += 2;
            } else {
                out.append(c).append(e);
                i += 2;
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if ("\\^$.[]|()*+?{}".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }
}
