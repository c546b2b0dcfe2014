package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * nproc [--all] [--ignore=N]: the processors available ({@link SystemInfo#processors}), limited
 * by OMP_NUM_THREADS and OMP_THREAD_LIMIT as in GNU, less N but at least one.
 */
final class NprocCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("", "all:\u0001", "ignore=:\u0002");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (!options.operands().isEmpty()) {
            throw new UsageException("extra operand " + Diagnostics.quote(options.operands().get(0)));
        }
        long ignore = 0;
        String ignoreText = options.value('\u0002', null);
        if (ignoreText != null) {
            ignore = Sizes.parse(ignoreText, "");
            if (ignore < 0) {
                throw UsageException.withoutHint("invalid number: " + Diagnostics.quote(ignoreText));
            }
        }
        long count = SystemInfo.processors();
        if (!options.has('\u0001')) {
            long threads = positive(process.env().get("OMP_NUM_THREADS"));
            if (threads > 0) {
                count = threads;
            }
            long limit = positive(process.env().get("OMP_THREAD_LIMIT"));
            if (limit > 0) {
                count = Math.min(count, limit);
            }
        }
        count = Math.max(1, count - ignore);
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, count + "\n");
        out.flush();
        return 0;
    }

    /** The first number of a comma list such as OMP_NUM_THREADS="4,2", or 0. */
    private static long positive(String value) {
        if (value == null) {
            return 0;
        }
        String first = value.strip().split(",", 2)[0].strip();
        long parsed = Sizes.parse(first, "");
        return Math.max(parsed, 0);
    }
}
