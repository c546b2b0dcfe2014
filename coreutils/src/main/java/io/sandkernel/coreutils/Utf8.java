package io.sandkernel.coreutils;

/** UTF-8 sequences in byte strings (one char per byte), for commands that honour a UTF-8 locale. */
final class Utf8 {
    private Utf8() {}

    /**
     * The length of the valid UTF-8 sequence starting at {@code at} in the byte string
     * {@code text}, or 0 when the bytes there are not one (a lone continuation byte, a truncated or
     * overlong sequence, a surrogate).
     */
    static int sequenceLength(String text, int at) {
        int lead = text.charAt(at);
        int length;
        int min;
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (at + length > text.length()) {
            return 0;
        }
        int code = lead & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int c = text.charAt(at + i);
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            code = (code << 6) | (c & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return 0;
        }
        return length;
    }

    /** Whether the byte string is valid UTF-8 throughout. */
    static boolean isValid(String bytes) {
        for (int i = 0; i < bytes.length(); ) {
            int length = bytes.charAt(i) < 0x80 ? 1 : sequenceLength(bytes, i);
            if (length == 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /**
     * A byte string as Java text: each valid UTF-8 sequence one code point, each byte that is not
     * part of one kept as U+DC80..U+DCFF (as the shell keeps such bytes), so {@link #encode} gives
     * the same bytes back. ASCII text is returned as it is.
     */
    static String decode(String bytes) {
        if (isAscii(bytes)) {
            return bytes;
        }
        int i = 0;
        while (bytes.charAt(i) < 0x80) {
            i++;
        }
        StringBuilder text = new StringBuilder(bytes.length()).append(bytes, 0, i);
        while (i < bytes.length()) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                text.append((char) (0xDC00 + bytes.charAt(i)));
                i++;
            } else if (length == 1) {
                text.append(bytes.charAt(i++));
            } else {
                int code = bytes.charAt(i) & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++) {
                    code = (code << 6) | (bytes.charAt(i + k) & 0x3F);
                }
                text.appendCodePoint(code);
                i += length;
            }
        }
        return text.toString();
    }

    /**
     * Whether a byte string is ASCII throughout. The JDK's own ASCII decoding, which works on
     * whole words at a time, decides: it turns every byte past 0x7F into U+FFFD, which a byte
     * string cannot hold; looking at the chars one by one took about twice as long.
     */
    static boolean isAscii(String bytes) {
        return new String(ByteText.bytes(bytes), java.nio.charset.StandardCharsets.US_ASCII).indexOf('\uFFFD') < 0;
    }

    /**
     * The bytes of Java text made by {@link #decode}, as {@link #encode} spells them. The JDK's
     * encoder is right unless the text holds a byte that was no character (a lone surrogate,
     * which it would write as '?'), and fast on ASCII: a text as long as its UTF-8 is ASCII
     * unless it holds such a surrogate, and then it is not equal to those bytes as Latin-1.
     */
    static byte[] encodedBytes(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean exact = utf8.length == text.length()
                ? new String(utf8, java.nio.charset.StandardCharsets.ISO_8859_1).equals(text)
                : text.chars().noneMatch(c -> Character.isSurrogate((char) c));
        return exact ? utf8 : ByteText.bytes(encode(text));
    }

    /** Java text made by {@link #decode} back as a byte string. */
    static String encode(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) < 0x80) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder bytes = new StringBuilder(text.length() + 8).append(text, 0, i);
        while (i < text.length()) {
            int code = text.codePointAt(i);
            i += Character.charCount(code);
            if (code >= 0xDC80 && code <= 0xDCFF) {
                bytes.append((char) (code - 0xDC00));
            } else if (code < 0x80) {
                bytes.append((char) code);
            } else {
                for (byte b : new String(Character.toChars(code)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    bytes.append((char) (b & 0xFF));
                }
            }
        }
        return bytes.toString();
    }

    /**
     * The byte {@code value} (0..255) as a char of a byte string, or, when {@code decoded}, as
     * {@link #decode} keeps a byte that is no character (an escape such as {@code \xE9} in a
     * UTF-8 locale gives that byte, not the character U+00E9).
     */
    static char byteAsChar(int value, boolean decoded) {
        return (char) (decoded && value >= 0x80 ? 0xDC00 + value : value);
    }
}
