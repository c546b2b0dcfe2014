package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output of sed (standard output, a {@code w} file, the temporary file of {@code -i}) that
 * remembers whether the last line written lacked its newline because the input's last line did:
 * anything written after it gets that newline first, as GNU's output_missing_newline does.
 */
final class SedOutput {
    private final OutputStream out;
    private final boolean owned;
    private final boolean utf8;
    private boolean missingNewline;

    /**
     * @param owned whether {@link #close} closes {@code out} (else it only flushes)
     * @param utf8  whether the text written is decoded from a UTF-8 locale (see {@link Utf8#decode}),
     *              so it is encoded back; else it is a byte string
     */
    SedOutput(OutputStream out, boolean owned, boolean utf8) {
        this.out = out;
        this.owned = owned;
        this.utf8 = utf8;
    }

    /** Writes text as is, after a missing newline. */
    void write(String text) throws IOException {
        if (missingNewline) {
            out.write('\n');
            missingNewline = false;
        }
        write(text, out, utf8);
    }

    /** Writes a line and its delimiter; without one when {@code terminated} is false. */
    void writeLine(String line, boolean terminated, int delimiter) throws IOException {
        if (missingNewline) {
            out.write('\n');
            missingNewline = false;
        }
        write(line, out, utf8);
        if (terminated) {
            out.write(delimiter);
        } else {
            missingNewline = true;
        }
    }

    /** Writes raw bytes (a file copied by {@code r}). */
    void writeBytes(byte[] bytes, int length) throws IOException {
        if (missingNewline) {
            out.write('\n');
            missingNewline = false;
        }
        out.write(bytes, 0, length);
    }

    void flush() throws IOException {
        out.flush();
    }

    void close() throws IOException {
        if (owned) {
            out.close();
        } else {
            out.flush();
        }
    }

    private static void write(String text, OutputStream out, boolean utf8) throws IOException {
        out.write(utf8 ? Utf8.encodedBytes(text) : ByteText.bytes(text));
    }
}
