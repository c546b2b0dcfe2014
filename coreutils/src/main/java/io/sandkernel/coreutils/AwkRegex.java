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

    /** The pattern for {@code source}, compiled once. */
    Pattern get(String source) {
        Pattern pattern = cache.get(source);
        if (pattern == null) {
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            pattern = compile(source);
            cache.put(source, pattern);
        }
        return pattern;
    }

    /**
     * Compiles an ERE as awk reads it.
     *
     * @throws AwkFatal when it is malformed
     */
    static Pattern compile(String source) {
        String posix = decode(source);
        try {
            Pattern translated = PosixRegex.compile(posix, true, false, false, false, false, warning -> { });
            return Pattern.compile(SedRegex.anchorEnds(translated.pattern()), translated.flags() | Pattern.DOTALL);
        } catch (UsageException e) {
            throw new AwkFatal(e.getMessage() + ": /" + source + "/");
        }
    }

    private static String decode(String source) {
        if (source.indexOf('\\') < 0) {
            return source;
        }
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
                appendLiteral(out, (char) (value & 0xFF));
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
