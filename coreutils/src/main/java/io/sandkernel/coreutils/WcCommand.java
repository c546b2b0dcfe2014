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
        long[] counts = new long[5];
        byte[] buffer = new byte[1 << 16];
        boolean inWord = false;
        long lineLength = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            counts[BYTES] += n;
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (!utf8 || (b & 0xc0) != 0x80) {
                    counts[CHARS]++;
                }
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
                } else if (utf8 && b >= 0xc0) {
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
