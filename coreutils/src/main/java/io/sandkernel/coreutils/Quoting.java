package io.sandkernel.coreutils;

import java.nio.charset.StandardCharsets;

/**
 * gnulib's {@code quote()} (locale_quoting_style) in the C locale, as GNU's diagnostics quote
 * values and patterns: {@code 'a\\b'}, with backslashes, quotes and control characters escaped C's
 * way and bytes above 127 in octal. ({@link Diagnostics#quote} is {@code quoteaf}, the
 * shell-escaping style used for file names.)
 */
final class Quoting {
    private Quoting() {}

    /** The argument (a Java string) quoted as quote() prints its UTF-8 bytes. */
    static String quote(String arg) {
        StringBuilder b = new StringBuilder("'");
        for (byte raw : arg.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xFF;
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (c < 32 || c >= 127) {
                        b.append('\\').append(Integer.toOctalString(c + 512).substring(1));
                    } else {
                        b.append((char) c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
