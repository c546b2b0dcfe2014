package io.sandkernel.coreutils;

import java.nio.charset.StandardCharsets;

/**
 * Backslash escapes as echo -e, printf (its format and {@code %b}) and tr decode them, on byte
 * strings. The styles differ only in details: which octal forms count, what an unknown escape
 * prints and whether {@code \c} stops all output.
 */
final class Escapes {
    /** Which program's escape rules apply. */
    enum Style {
        /** echo -e: {@code \0ooo} or {@code \ooo}, {@code \xHH}, {@code \c} stops; unknown escapes print as is. */
        ECHO,
        /** printf's format: {@code \ooo}, {@code \xHH} (required), {@code \\u}, {@code \"}. */
        PRINTF,
        /** printf's {@code %b} argument: as the format, plus {@code \0ooo}. */
        PRINTF_ARGUMENT,
        /** tr's sets: {@code \ooo} and the letter escapes; an unknown escape is the character itself. */
        TR
    }

    /** Returned by {@link #decodeOne} when {@code \c} ends all output. */
    static final int STOP = -1;

    private Escapes() {}

    /** A decoded string and whether {@code \c} cut it short. */
    record Decoded(String text, boolean stopped) {}

    /** Decodes every escape in {@code text}. */
    static Decoded decode(String text, Style style) {
        return decode(text, style, true);
    }

    /** Decodes every escape in {@code text}; {@code utf8} as for {@link #decodeOne}. */
    static Decoded decode(String text, Style style, boolean utf8) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            i = decodeOne(text, i, style, out, utf8);
            if (i == STOP) {
                return new Decoded(out.toString(), true);
            }
        }
        return new Decoded(out.toString(), false);
    }

    /**
     * Decodes the escape starting with the backslash at {@code at}, appending its byte(s).
     *
     * @return the index after the escape, or {@link #STOP} for {@code \c}
     * @throws UsageException for {@code \x} without digits in printf styles
     */
    static int decodeOne(String text, int at, Style style, StringBuilder out) {
        return decodeOne(text, at, style, out, true);
    }

    /**
     * As {@link #decodeOne(String, int, Style, StringBuilder)}; {@code utf8} says whether the
     * locale can show backslash-u characters (as UTF-8) or keeps them as written, as GNU
     * printf does in the C locale.
     */
    static int decodeOne(String text, int at, Style style, StringBuilder out, boolean utf8) {
        int i = at + 1;
        if (i >= text.length()) {
            out.append('\\');
            return i;
        }
        char c = text.charAt(i);
        if (c == 'x' && style != Style.TR) {
            int value = 0;
            int digits = 0;
            i++;
            while (digits < 2 && i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(text.charAt(i), 16);
                i++;
                digits++;
            }
            if (digits == 0) {
                if (style == Style.ECHO) {
                    out.append("\\x");
                    return i;
                }
                throw UsageException.withoutHint("missing hexadecimal number in escape");
            }
            out.append((char) value);
            return i;
        }
        if (c >= '0' && c <= '7') {
            boolean zeroPrefix = (style == Style.ECHO || style == Style.PRINTF_ARGUMENT) && c == '0';
            if (zeroPrefix) {
                i++;
            }
            int value = 0;
            int digits = 0;
            while (digits < 3 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
                value = value * 8 + (text.charAt(i) - '0');
                i++;
                digits++;
            }
            out.append((char) (value & 0xff));
            return i;
        }
        if ((c == 'u' || c == 'U') && (style == Style.PRINTF || style == Style.PRINTF_ARGUMENT)) {
            int length = c == 'u' ? 4 : 8;
            int end = i + 1;
            while (end < text.length() && end - i - 1 < length && Character.digit(text.charAt(end), 16) >= 0) {
                end++;
            }
            if (end - i - 1 != length) {
                throw UsageException.withoutHint("missing hexadecimal number in escape");
            }
            int codePoint = Integer.parseInt(text.substring(i + 1, end), 16);
            if (!utf8 || !Character.isValidCodePoint(codePoint)) {
                out.append(String.format(c == 'u' ? "\\u%04X" : "\\U%08X", codePoint));
                return end;
            }
            byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            out.append(ByteText.of(encoded, 0, encoded.length));
            return end;
        }
        int simple = simpleEscape(c);
        if (simple >= 0 && (c != '"' || style != Style.ECHO)) {
            out.append((char) simple);
            return i + 1;
        }
        if (c == 'c' && style != Style.TR) {
            return STOP;
        }
        if (style != Style.TR) {
            out.append('\\');
        }
        out.append(c);
        return i + 1;
    }

    private static int simpleEscape(char c) {
        return switch (c) {
            case '\\' -> '\\';
            case '"' -> '"';
            case 'a' -> 7;
            case 'b' -> 8;
            case 'e' -> 27;
            case 'f' -> 12;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> -1;
        };
    }
}
