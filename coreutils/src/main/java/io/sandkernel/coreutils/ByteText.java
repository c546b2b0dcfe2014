package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text as bytes, the way the C locale sees it: each byte is one {@code char} of a Latin-1 string,
 * so comparisons are byte order and no input is ever altered by decoding. Arguments arrive as
 * Java strings and are turned into their UTF-8 bytes first.
 */
final class ByteText {
    private ByteText() {}

    /** An argument as a byte string (its UTF-8 bytes, one char each). */
    static String fromArg(String arg) {
        return new String(arg.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A byte string back as the Java string its bytes spell in UTF-8, for messages. */
    static String toUnicode(String text) {
        return new String(bytes(text), StandardCharsets.UTF_8);
    }

    /** The bytes of a byte string. */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A byte string from bytes. */
    static String of(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes a byte string. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(bytes(text));
    }

    /** Writes a Java (Unicode) string, such as a file name, as UTF-8. */
    static void writeUtf8(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A buffered stream on the process's standard output (descriptor 1); callers flush it when
     * done. A failed write raises {@link WriteError}.
     */
    static OutputStream stdout(ProcessApi process) {
        return BufferedOutput.standardOutput(process);
    }
}
