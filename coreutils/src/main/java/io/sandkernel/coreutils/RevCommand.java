package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * rev [FILE]...: each line with its characters in reverse order, as util-linux's rev. Like it,
 * it reads wide characters: in the C locale a byte above 127 is an invalid character, and an
 * invalid sequence ends that file with {@code "rev: NAME: LINES: Invalid or incomplete multibyte
 * or wide character"}; a line stops at a NUL character and is continued by the next one (rev's
 * {@code wcslen} on the buffer).
 */
final class RevCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("Vh");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.has('h')) {
            throw UsageException.help();
        }
        if (options.has('V')) {
            throw UsageException.version();
        }
        boolean utf8 = Locales.isUtf8(process);
        Diagnostics diagnostics = new Diagnostics(process, "rev");
        OutputStream out = ByteText.stdout(process);
        // util-linux's rev reads standard input only without operands: "-" is a file name
        List<String> names = options.operands().isEmpty() ? List.of("") : options.operands();
        for (String name : names) {
            InputStream in;
            try {
                in = name.isEmpty() ? process.stdin() : InputFiles.openFile(process, name);
            } catch (KernelException e) {
                diagnostics.error("cannot open " + name + ": " + Diagnostics.describe(e));
                continue;
            }
            String shown = name.isEmpty() ? "stdin" : name;
            long lines = 0;
            try {
                LineReader reader = new LineReader(in, '\n', out);
                String line;
                while ((line = reader.next()) != null) {
                    boolean eof = !reader.terminated();
                    int nul = line.indexOf('\0');
                    String text = nul < 0 ? line : line.substring(0, nul);
                    boolean newline = nul < 0 && !eof;
                    if (text.isEmpty() && !newline) {
                        continue; // rev skips a buffer whose wcslen is 0
                    }
                    // a buffer that does not end with its newline is filled on from the next line
                    while (!newline && !eof) {
                        String more = reader.next();
                        if (more == null) {
                            break;
                        }
                        eof = !reader.terminated();
                        nul = more.indexOf('\0');
                        text += nul < 0 ? more : more.substring(0, nul);
                        newline = nul < 0 && !eof;
                    }
                    String reversed = reverse(text, utf8);
                    if (reversed == null) {
                        throw new IOException("Invalid or incomplete multibyte or wide character");
                    }
                    ByteText.write(out, reversed + (newline ? "\n" : ""));
                    lines++;
                }
            } catch (KernelException | IOException e) {
                diagnostics.error(shown + ": " + lines + ": " + Diagnostics.describe(e));
            } finally {
                InputFiles.close(process, in);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static String beforeNul(String line) {
        int nul = line.indexOf('\0');
        return nul < 0 ? line : line.substring(0, nul);
    }

    /** The characters of a byte string in reverse, or null when it is not valid in the locale. */
    private static String reverse(String text, boolean utf8) {
        if (!utf8) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 127) {
                    return null;
                }
            }
            return new StringBuilder(text).reverse().toString();
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ByteText.bytes(text)));
        } catch (CharacterCodingException e) {
            return null;
        }
        String reversed = new StringBuilder(chars).reverse().toString(); // keeps surrogate pairs whole
        return ByteText.of(reversed.getBytes(StandardCharsets.UTF_8), 0,
                reversed.getBytes(StandardCharsets.UTF_8).length);
    }
}
