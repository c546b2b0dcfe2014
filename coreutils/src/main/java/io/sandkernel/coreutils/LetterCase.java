package io.sandkernel.coreutils;

/**
 * Case mapping as the C library's toupper/towupper does it, one character at a time (never
 * changing a string's length: ß stays ß): ASCII letters only for byte strings (the C locale),
 * every script's letters for text decoded from a UTF-8 locale (see {@link Utf8#decode}), where
 * the bytes that were no character (U+DC80..U+DCFF) are left as they are.
 */
final class LetterCase {
    private LetterCase() {}

    static char upper(char c, boolean unicode) {
        if (c < 0x80 || !unicode) {
            return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
        }
        return Character.isSurrogate(c) ? c : Character.toUpperCase(c);
    }

    static char lower(char c, boolean unicode) {
        if (c < 0x80 || !unicode) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.isSurrogate(c) ? c : Character.toLowerCase(c);
    }

    /** {@code text} with each character mapped to upper case (or lower case when {@code toUpper} is false). */
    static String map(String text, boolean toUpper, boolean unicode) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = toUpper ? upper(chars[i], unicode) : lower(chars[i], unicode);
        }
        return new String(chars);
    }
}
