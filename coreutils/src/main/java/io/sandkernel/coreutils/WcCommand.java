package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * wc [-clmwL] [FILE]...: newline, word, character and byte counts (and the longest line), with a
 * total for several files and GNU's column widths (the digits of the regular files' total size,
 * at least 7 when a pipe is read, 1 for a single count of a single file).
 */
final class WcCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("clmwL",
            "bytes:c", "chars:m", "lines:l", "words:w", "max-line-length:L");

    private static final int LINES = 0;
    private static final int WORDS = 1;
    private static final int CHARS = 2;
    private static final int BYTES = 3;
    private static final int LONGEST = 4;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        boolean[] shown = new boolean[5];
        String letters = "lwmcL";
        for (int i = 0; i < letters.length(); i++) {
            shown[i] = options.has(letters.charAt(i));
        }
        if (!(shown[0] || shown[1] || shown[2] || shown[3] || shown[4])) {
            shown[LINES] = true;
            shown[WORDS] = true;
            shown[BYTES] = true;
        }
        boolean utf8 = Locales.isUtf8(process);
        List<String> operands = OperandReader.orStdin(options.operands());
        int width = width(process, operands, shown);
        Diagnostics diagnostics = new Diagnostics(process, "wc");
        OutputStream out = ByteText.stdout(process);
        long[] total = new long[5];
        OperandReader reader = new OperandReader(process, diagnostics);
        for (String name : operands) {
            reader.read(name, (n, in) -> {
                long[] counts;
                try {
                    counts = count(in, utf8);
                } catch (IOException e) {
                    // GNU wc reports an unreadable input (a directory) and still prints its zero counts.
                    reader.report(name, e);
                    counts = new long[5];
                }
                for (int i = 0; i < total.length; i++) {
                    total[i] = i == LONGEST ? Math.max(total[i], counts[i]) : total[i] + counts[i];
                }
                print(out, counts, shown, width, options.operands().isEmpty() ? null : name);
            });
        }
        if (operands.size() > 1) {
            print(out, total, shown, width, "total");
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static int width(ProcessApi process, List<String> operands, boolean[] shown) {
        int countsShown = 0;
        for (boolean b : shown) {
            countsShown += b ? 1 : 0;
        }
        if (operands.size() == 1 && countsShown == 1) {
            return 1;
        }
        long regularTotal = 0;
        int minimum = 1;
        for (String name : operands) {
            if (name.equals("-")) {
                minimum = 7;
                continue;
            }
            Stat stat = FileOps.statOrNull(process, name); // a failed stat counts for nothing, as in GNU wc
            if (stat != null && stat.isRegularFile()) {
                regularTotal += stat.size();
            } else if (stat != null) {
                minimum = 7;
            }
        }
        return Math.max(minimum, Long.toString(regularTotal).length());
    }

    private static long[] count(InputStream in, boolean utf8) throws IOException {
        if (utf8) {
            return countCharacters(in);
        }
        long[] counts = new long[5];
        byte[] buffer = new byte[1 << 16];
        boolean inWord = false;
        long lineLength = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            counts[BYTES] += n;
            counts[CHARS] += n;
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (b == '\n' || b == '\r' || b == '\f') {
                    counts[LONGEST] = Math.max(counts[LONGEST], lineLength);
                    lineLength = 0;
                    counts[LINES] += b == '\n' ? 1 : 0;
                    inWord = false;
                } else if (b == ' ' || b == '\t' || b == 11) {
                    lineLength = b == '\t' ? (lineLength / 8 + 1) * 8 : b == ' ' ? lineLength + 1 : lineLength;
                    inWord = false;
                } else if (b >= 32 && b < 127) {
                    lineLength++;
                    if (!inWord) {
                        counts[WORDS]++;
                        inWord = true;
                    }
                }
            }
        }
        counts[LONGEST] = Math.max(counts[LONGEST], lineLength);
        return counts;
    }

    /**
     * The counts in a UTF-8 locale, as GNU wc's multibyte loop makes them: a byte that starts no
     * valid sequence is skipped (no character, no width, no word boundary), a printable character
     * adds its column width (two for East Asian wide ones, none for combining marks) and starts
     * or continues a word unless it is a space.
     */
    private static long[] countCharacters(InputStream in) throws IOException {
        long[] counts = new long[5];
        byte[] buffer = new byte[(1 << 16) + 4];
        boolean inWord = false;
        long lineLength = 0;
        int carried = 0;
        int n;
        while ((n = in.read(buffer, carried, buffer.length - 4 - carried)) > 0 || carried > 0) {
            boolean end = n <= 0;
            int length = carried + Math.max(0, n);
            counts[BYTES] += Math.max(0, n);
            int i = 0;
            while (i < length) {
                int b = buffer[i] & 0xff;
                int code;
                int size;
                if (b < 0x80) {
                    code = b;
                    size = 1;
                } else {
                    size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
                    if (size > 0 && i + size > length && !end) {
                        break; // the rest of this sequence comes with the next read
                    }
                    code = size == 0 || i + size > length ? -1 : decode(buffer, i, size);
                    if (code < 0) {
                        i++;
                        continue;
                    }
                }
                i += size;
                counts[CHARS]++;
                if (code == '\n' || code == '\r' || code == '\f') {
                    counts[LONGEST] = Math.max(counts[LONGEST], lineLength);
                    lineLength = 0;
                    counts[LINES] += code == '\n' ? 1 : 0;
                    inWord = false;
                } else if (code == '\t') {
                    lineLength = (lineLength / 8 + 1) * 8;
                    inWord = false;
                } else if (code == ' ' || code == 11) {
                    lineLength += code == ' ' ? 1 : 0;
                    inWord = false;
                } else if (printable(code)) {
                    lineLength += columns(code);
                    if (isSpace(code)) {
                        inWord = false;
                    } else if (!inWord) {
                        counts[WORDS]++;
                        inWord = true;
                    }
                }
            }
            carried = length - i;
            System.arraycopy(buffer, i, buffer, 0, carried);
            if (end) {
                break;
            }
        }
        counts[LONGEST] = Math.max(counts[LONGEST], lineLength);
        return counts;
    }

    /** The code point of a {@code size}-byte sequence at {@code at}, or -1 when it is not valid UTF-8. */
    private static int decode(byte[] buffer, int at, int size) {
        int code = buffer[at] & (0xFF >> (size + 1));
        for (int k = 1; k < size; k++) {
            int c = buffer[at + k] & 0xff;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            code = (code << 6) | (c & 0x3F);
        }
        int min = size == 2 ? 0x80 : size == 3 ? 0x800 : 0x10000;
        return code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? -1 : code;
    }

    private static boolean printable(int code) {
        int type = Character.getType(code);
        return code >= 32 && code != 127 && !(code >= 0x80 && code < 0xA0) && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE;
    }

    /** glibc's iswspace beyond ASCII (no-break spaces are not spaces). */
    private static boolean isSpace(int code) {
        return code == 0x1680 || (code >= 0x2000 && code <= 0x2006) || (code >= 0x2008 && code <= 0x200A)
                || code == 0x2028 || code == 0x2029 || code == 0x205F || code == 0x3000;
    }

    /** wcwidth: 0 for combining and format characters, 2 for East Asian wide and full-width ones. */
    private static int columns(int code) {
        int type = Character.getType(code);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (code >= 0x1160 && code <= 0x11FF)) {
            return code == 0xAD ? 1 : 0;
        }
        boolean wide = (code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0x303E)
                || (code >= 0x3041 && code <= 0x33FF) || (code >= 0x3400 && code <= 0x4DBF)
                || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xA000 && code <= 0xA4CF)
                || (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xF900 && code <= 0xFAFF)
                || (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60)
                || (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1F64F)
                || (code >= 0x1F900 && code <= 0x1F9FF) || (code >= 0x20000 && code <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static void print(OutputStream out, long[] counts, boolean[] shown, int width, String name)
            throws IOException {
        List<String> fields = new ArrayList<>();
        int[] order = {LINES, WORDS, CHARS, BYTES, LONGEST};
        for (int index : order) {
            if (shown[index]) {
                String number = Long.toString(counts[index]);
                fields.add(" ".repeat(Math.max(0, width - number.length())) + number);
            }
        }
        String line = String.join(" ", fields) + (name == null ? "" : " " + name) + "\n";
        ByteText.writeUtf8(out, line);
    }
}
