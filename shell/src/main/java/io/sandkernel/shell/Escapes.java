package io.sandkernel.shell;

/**
 * Backslash escapes: bash's {@code $'...'}, and those of {@code echo}, {@code printf} and
 * {@code %b}. A byte value written as an escape ({@code \377}, {@code \xff}) becomes one byte on
 * output ({@link Strings#rawByte}).
 */
final class Escapes {
    private Escapes() {}

    /**
     * Decodes the escape whose letter is at {@code i} (just after the backslash) of bash's
     * {@code $'...'} into {@code out}.
     *
     * @return the index after the escape
     */
    static int ansiC(String src, int i, StringBuilder out) {
        char n = src.charAt(i);
        switch (n) {
            case 'a' -> out.append('\007');
            case 'b' -> out.append('\b');
            case 'e', 'E' -> out.append('\033');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\013');
            case '\\', '\'', '"', '?' -> out.append(n);
            case 'c' -> {
                if (i + 1 < src.length()) {
                    out.append((char) (src.charAt(i + 1) & 0x1f));
                    return i + 2;
                }
                out.append("\\c");
            }
            case 'x' -> {
                int end = i + 1;
                int value = 0;
                while (end < src.length() && end < i + 3 && Character.digit(src.charAt(end), 16) >= 0) {
                    value = value * 16 + Character.digit(src.charAt(end), 16);
                    end++;
                }
                if (end == i + 1) {
                    out.append("\\x");
                    return i + 1;
                }
                out.append(Strings.rawByte(value));
                return end;
            }
            case 'u', 'U' -> {
                int max = n == 'u' ? 4 : 8;
                int end = i + 1;
                int value = 0;
                while (end < src.length() && end < i + 1 + max && Character.digit(src.charAt(end), 16) >= 0) {
                    value = value * 16 + Character.digit(src.charAt(end), 16);
                    end++;
                }
                if (end == i + 1) {
                    out.append('\\').append(n);
                    return i + 1;
                }
                if (Character.isValidCodePoint(value)) {
                    out.appendCodePoint(value);
                }
                return end;
            }
            default -> {
                if (n >= '0' && n <= '7') {
                    int end = i;
                    int value = 0;
                    while (end < src.length() && end < i + 3 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
                        value = value * 8 + (src.charAt(end) - '0');
                        end++;
                    }
                    out.append(Strings.rawByte(value));
                    return end;
                }
                out.append('\\').append(n);
            }
        }
        return i + 1;
    }

    /**
     * Appends {@code text} with echo's backslash escapes interpreted ({@code \0nnn} octal when
     * {@code zeroOctal}, as echo and %b have it; {@code \xHH} when {@code hex}, as bash's).
     *
     * @return true when {@code \c} asked to stop all output
     */
    static boolean echo(String text, StringBuilder out, boolean zeroOctal, boolean hex) {
        return echo(text, out, zeroOctal, hex, true);
    }

    /** As {@link #echo(String, StringBuilder, boolean, boolean)}; bash's echo takes octal only as {@code \0nnn} ({@code plainOctal} false). */
    static boolean echo(String text, StringBuilder out, boolean zeroOctal, boolean hex, boolean plainOctal) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'c' -> {
                    return true;
                }
                case 'e', 'E' -> {
                    if (n == 'E' && !hex) {
                        out.append("\\E");
                    } else {
                        out.append('\033');
                    }
                }
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\013');
                case '\\' -> out.append('\\');
                default -> {
                    if (hex && (n == 'x' || n == 'u' || n == 'U')) {
                        int end = ansiC(text, i, out);
                        i = end - 1;
                        continue;
                    }
                    if (n >= '0' && n <= '7' && (plainOctal || n == '0')) {
                        int start = zeroOctal && n == '0' ? i + 1 : i;
                        int end = start;
                        int value = 0;
                        while (end < text.length() && end < start + 3 && text.charAt(end) >= '0'
                                && text.charAt(end) <= '7') {
                            value = value * 8 + (text.charAt(end) - '0');
                            end++;
                        }
                        out.append(Strings.rawByte(value));
                        i = end - 1;
                    } else {
                        out.append('\\').append(n);
                    }
                }
            }
        }
        return false;
    }
}
