package io.sandkernel.coreutils;

import java.util.regex.Pattern;

/**
 * The regular expressions of sed scripts: GNU sed's escapes ({@code \n \t \xHH \o \d \c}) are
 * turned into the characters they stand for, then {@link PosixRegex} translates the BRE or ERE,
 * and the result is adjusted to sed's matching rules: {@code .} matches a newline of the pattern
 * space, and {@code $} matches only at its very end (Java's would also match before a final
 * newline), except in the {@code M} mode where both anchors work line by line.
 */
final class SedRegex {
    private SedRegex() {}

    /**
     * Compiles {@code raw} (a byte string, delimiter escapes already removed).
     *
     * @throws UsageException with GNU's message when the expression is malformed
     */
    static Pattern compile(String raw, boolean extended, boolean ignoreCase, boolean multiline, boolean utf8) {
        String posix = decodeEscapes(raw, utf8);
        Pattern translated = PosixRegex.compile(posix, extended, false, ignoreCase, false, false, warning -> {
            throw UsageException.withoutHint("Invalid preceding regular expression");
        }, utf8);
        String java = multiline ? translated.pattern() : anchorEnds(translated.pattern());
        return Pattern.compile(java, translated.flags() | Pattern.DOTALL | (multiline ? Pattern.MULTILINE : 0));
    }

    /**
     * Replaces GNU sed's character escapes with the characters themselves, inside bracket
     * expressions too ({@code [\n]} matches a newline); other escapes are left to the regex
     * translation. The characters are inserted as they are, as GNU does: {@code \x2e} is a dot. In
     * a UTF-8 locale ({@code utf8}, {@code raw} decoded text) escaped bytes that spell a character
     * together ({@code \xc3\xa9}) are that character.
     */
    static String decodeEscapes(String raw, boolean utf8) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        boolean inBracket = false;
        int bracketStart = -1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (inBracket) {
                if (c == ']' && i > bracketStart) {
                    inBracket = false;
                } else if (c == '[' && i + 1 < raw.length() && ":.=".indexOf(raw.charAt(i + 1)) >= 0) {
                    int close = raw.indexOf(raw.charAt(i + 1) + "]", i + 2);
                    if (close > 0) {
                        out.append(raw, i, close + 2);
                        i = close + 2;
                        continue;
                    }
                } else if (c == '\\' && i + 1 < raw.length()) {
                    int simple = simpleEscape(raw.charAt(i + 1));
                    if (simple >= 0) {
                        out.append((char) simple);
                        i += 2;
                        continue;
                    }
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inBracket = true;
                out.append(c);
                i++;
                if (i < raw.length() && raw.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                bracketStart = i; // a ']' right here is a member, not the end
                continue;
            }
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                i++;
                continue;
            }
            int[] decoded = decodeOne(raw, i);
            if (decoded == null) {
                out.append(c).append(raw.charAt(i + 1));
                i += 2;
                continue;
            }
            char value = Utf8.byteAsChar(decoded[0], utf8);
            out.append(value == '\\' ? "\\\\" : String.valueOf(value));
            i = decoded[1];
        }
        return utf8 ? Utf8.decode(Utf8.encode(out.toString())) : out.toString();
    }

    /**
     * Decodes the character escape at {@code at} (a backslash): {@code {value, next index}}, or
     * null when it is not a character escape ({@code \1}, {@code \w}, {@code \(}...).
     */
    static int[] decodeOne(String text, int at) {
        char e = text.charAt(at + 1);
        int simple = simpleEscape(e);
        if (simple >= 0) {
            return new int[] {simple, at + 2};
        }
        switch (e) {
            case 'c' -> {
                if (at + 2 < text.length()) {
                    return new int[] {Character.toUpperCase(text.charAt(at + 2)) ^ 0x40, at + 3};
                }
                return null;
            }
            case 'd' -> {
                return number(text, at + 2, 10, 3);
            }
            case 'o' -> {
                return number(text, at + 2, 8, 3);
            }
            case 'x' -> {
                return number(text, at + 2, 16, 2);
            }
            default -> {
                return null;
            }
        }
    }

    private static int[] number(String text, int from, int radix, int maxDigits) {
        int value = 0;
        int i = from;
        while (i < text.length() && i - from < maxDigits && Character.digit(text.charAt(i), radix) >= 0) {
            value = value * radix + Character.digit(text.charAt(i), radix);
            i++;
        }
        return i == from ? null : new int[] {value & 0xFF, i};
    }

    private static int simpleEscape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'a' -> 7;
            case 'f' -> '\f';
            case 'v' -> 11;
            case 'r' -> '\r';
            default -> -1;
        };
    }

    /**
     * Rewrites each end-of-line anchor {@code $} of a translated pattern as {@code \z}, for sed
     * and awk, whose {@code $} never matches before a final newline. The translation escapes
     * every literal dollar, inside classes too, so a bare one is an anchor.
     */
    static String anchorEnds(String java) {
        if (java.indexOf('$') < 0) {
            return java;
        }
        StringBuilder out = new StringBuilder(java.length() + 4);
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                out.append(c).append(java.charAt(++i));
            } else if (c == '$') {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
