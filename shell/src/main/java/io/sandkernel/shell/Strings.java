package io.sandkernel.shell;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The shell's strings and the bytes they stand for. Shell text is Java text decoded from UTF-8,
 * except that a byte that is not part of valid UTF-8 is kept as the character
 * {@code U+DC00 + byte} (an unpaired low surrogate, as Python's "surrogateescape"): so
 * {@code printf '\377'} writes one byte, and bytes read from a file or a command survive a round
 * trip through variables unchanged.
 */
final class Strings {
    /** The first of the characters that stand for raw bytes 0x80 to 0xFF. */
    static final char RAW_BASE = '\uDC00';

    private Strings() {}

    /** The character that stands for {@code b} (0..255) when written out on its own. */
    static char rawByte(int b) {
        b &= 0xff;
        return b < 0x80 ? (char) b : (char) (RAW_BASE + b);
    }

    static boolean isRawByte(char c) {
        return c >= RAW_BASE + 0x80 && c <= RAW_BASE + 0xff;
    }

    /** The bytes {@code text} stands for: UTF-8, with raw-byte characters written as their byte. */
    static byte[] encode(String text) {
        int n = text.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (isRawByte(c)) {
                out.write(c - RAW_BASE);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                out.write('?');
            } else {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
        return out.toByteArray();
    }

    /** Decodes bytes as UTF-8, keeping each byte of an invalid sequence as a raw-byte character. */
    static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                cp = b & 0x1f;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                cp = b & 0x0f;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                out.append((char) (RAW_BASE + b));
                i++;
                continue;
            }
            if (i + need >= end) {
                out.append((char) (RAW_BASE + b)); // a sequence cut short
                i++;
                continue;
            }
            boolean valid = true;
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    valid = false;
                    break;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (!valid || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                out.append((char) (RAW_BASE + b));
                i++;
                continue;
            }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return out.toString();
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
