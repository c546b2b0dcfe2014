package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * tail [-n [+]N] [-c [+]N] [-qvz] [FILE]...: the last lines or bytes of each file, or everything
 * from line (byte) N on with a leading {@code +}; headers between several files. Following a file
 * ({@code -f}) is not supported.
 */
final class TailCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("c:n:qvfFz",
            "bytes:c", "lines:n", "quiet:q", "silent:q", "verbose:v", "follow?:f", "zero-terminated:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(Counts.legacyArguments(process.args()));
        if (options.has('f') || options.has('F')) {
            throw UsageException.withoutHint("following files (-f) is not supported");
        }
        boolean bytes = options.last("cn", 'n') == 'c';
        Counts.Count count = bytes ? Counts.parse(options.value('c', "10"), "bytes")
                : Counts.parse(options.value('n', "10"), "lines");
        boolean headers = options.last("qv", 'x') == 'v' || (options.operands().size() > 1 && !options.has('q'));
        byte delimiter = options.has('z') ? (byte) 0 : (byte) '\n';
        Diagnostics diagnostics = new Diagnostics(process, "tail");
        OutputStream out = ByteText.stdout(process);
        boolean[] first = {true};
        new OperandReader(process, diagnostics, OperandReader.Wording.HEAD).forEach(options.operands(), (name, in) -> {
            if (headers) {
                Counts.header(out, name, first[0]);
                first[0] = false;
            }
            byte[] data = in.readAllBytes();
            int start = bytes ? byteStart(data.length, count) : lineStart(data, count, delimiter);
            out.write(data, start, data.length - start);
            out.flush();
        });
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static int byteStart(int length, Counts.Count count) {
        if (count.sign() == '+') {
            return (int) Math.min(length, Math.max(0, count.value() - 1));
        }
        return (int) Math.max(0, length - Math.min(count.value(), length));
    }

    private static int lineStart(byte[] data, Counts.Count count, byte delimiter) {
        if (count.sign() == '+') {
            long skip = count.value() - 1;
            int at = 0;
            while (skip > 0 && at < data.length) {
                if (data[at++] == delimiter) {
                    skip--;
                }
            }
            return skip > 0 ? data.length : at;
        }
        return Counts.lastLinesStart(data, count.value(), delimiter);
    }
}
