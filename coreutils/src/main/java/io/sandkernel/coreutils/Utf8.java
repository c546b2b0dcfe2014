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
}
