package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * head [-n [-]N] [-c [-]N] [-qvz] [FILE]...: the first lines or bytes of each file, or all but the
 * last N with a leading {@code -}; headers between several files.
 */
final class HeadCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("c:n:qvz",
            "bytes:c", "lines:n", "quiet:q", "silent:q", "verbose:v", "zero-terminated:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(Counts.legacyArguments(process.args()));
        boolean bytes = options.last("cn", 'n') == 'c';
        Counts.Count count = bytes ? Counts.parse(options.value('c', "10"), "bytes")
                : Counts.parse(options.value('n', "10"), "lines");
        boolean headers = options.last("qv", 'x') == 'v' || (options.operands().size() > 1 && !options.has('q'));
        byte delimiter = options.has('z') ? (byte) 0 : (byte) '\n';
        Diagnostics diagnostics = new Diagnostics(process, "head");
        OutputStream out = ByteText.stdout(process);
        boolean[] first = {true};
        new OperandReader(process, diagnostics, OperandReader.Wording.HEAD).forEach(options.operands(), (name, in) -> {
            if (headers) {
                Counts.header(out, name, first[0]);
                first[0] = false;
            }
            if (count.sign() == '-') {
                byte[] data = in.readAllBytes();
                int end = bytes ? (int) Math.max(0, data.length - Math.min(count.value(), data.length))
                        : Counts.lastLinesStart(data, count.value(), delimiter);
                out.write(data, 0, end);
            } else if (bytes) {
                copyBytes(in, out, count.value());
            } else {
                copyLines(in, out, count.value(), delimiter);
            }
            out.flush();
        });
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static void copyBytes(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long left = limit;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n <= 0) {
                return;
            }
            out.write(buffer, 0, n);
            out.flush();
            left -= n;
        }
    }

    private static void copyLines(InputStream in, OutputStream out, long limit, byte delimiter) throws IOException {
        byte[] buffer = new byte[8192];
        long left = limit;
        while (left > 0) {
            int n = in.read(buffer);
            if (n <= 0) {
                return;
            }
            int end = 0;
            while (end < n && left > 0) {
                if (buffer[end++] == delimiter) {
                    left--;
                }
            }
            out.write(buffer, 0, end);
            out.flush();
        }
    }
}
