package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte strings of a UTF-8 locale decoded to text and written back, with the ASCII fast paths. */
class Utf8Test {
    /** Byte strings: ASCII, valid UTF-8 (two, three and four bytes), invalid bytes, a truncated sequence. */
    private static final List<String> BYTES = List.of("", "plain ascii ?", "h\u00c3\u00a9llo",
            "\u00e2\u0082\u00ac and \u00f0\u009f\u0098\u0080", "h\u00e9llo", "a\u0080\u00ff?b", "tail \u00e2\u0082");

    @Test
    void decodingAndWritingBackGivesTheSameBytes() {
        for (String bytes : BYTES) {
            String text = Utf8.decode(bytes);
            assertThat(Utf8.encode(text)).as(bytes).isEqualTo(bytes);
            assertThat(Utf8.encodedBytes(text)).as(bytes).isEqualTo(bytes.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void anInvalidByteIsOneCharacterAndAValidSequenceOneCodePoint() {
        assertThat(Utf8.decode("h\u00e9llo")).isEqualTo("h\udce9llo");
        assertThat(Utf8.decode("h\u00c3\u00a9llo")).isEqualTo("h\u00e9llo");
        assertThat(Utf8.decode("\u00f0\u009f\u0098\u0080").codePointCount(0, 2)).isEqualTo(1);
    }

    @Test
    void onlyAByteStringWithoutHighBytesIsAscii() {
        assertThat(Utf8.isAscii("plain ascii ?\n\u007f")).isTrue();
        assertThat(Utf8.isAscii("")).isTrue();
        assertThat(Utf8.isAscii("caf\u00c3\u00a9")).isFalse();
        assertThat(Utf8.isAscii("x\u0080")).isFalse();
    }

    @Test
    void anEscapedHighByteIsKeptAsTheByteInDecodedText() {
        assertThat(Utf8.byteAsChar(0xE9, true)).isEqualTo('\udce9');
        assertThat(Utf8.byteAsChar(0xE9, false)).isEqualTo('\u00e9');
        assertThat(Utf8.byteAsChar('a', true)).isEqualTo('a');
    }

    @Test
    void caseMappingIsPerCharacterAndAsciiOnlyForBytes() {
        assertThat(LetterCase.map("stra\u00dfe \u00e9t\u00e9 \udce9", true, true)).isEqualTo("STRA\u00dfE \u00c9T\u00c9 \udce9");
        assertThat(LetterCase.map("\u00e9t\u00e9", true, false)).isEqualTo("\u00e9T\u00e9");
        assertThat(LetterCase.map("\u00c9COLE", false, true)).isEqualTo("\u00e9cole");
    }
}
