package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * rmdir [-pv] [--ignore-fail-on-non-empty] DIRECTORY...: removes empty directories with
 * {@code rmdir(2)}; {@code -p} then removes each parent named in the operand ({@code a/b/c},
 * {@code a/b}, {@code a}) until one fails.
 */
final class RmdirCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("pv",
            "parents:p", "verbose:v", "ignore-fail-on-non-empty:\u0001");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private boolean verbose;
    private boolean ignoreNonEmpty;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        this.process = process;
        this.diagnostics = new Diagnostics(process, "rmdir");
        this.out = ByteText.stdout(process);
        this.verbose = options.has('v');
        this.ignoreNonEmpty = options.has('\u0001');
        for (String operand : options.operands()) {
            if (remove(operand, "failed to remove") && options.has('p')) {
                String path = FileOps.stripTrailingSlashes(operand);
                while (path.lastIndexOf('/') > 0) {
                    path = path.substring(0, path.lastIndexOf('/')).replaceAll("/+$", "");
                    if (path.isEmpty() || !remove(path, "failed to remove directory")) {
                        break;
                    }
                }
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private boolean remove(String path, String action) throws java.io.IOException {
        if (verbose) {
            ByteText.writeUtf8(out, "rmdir: removing directory, " + Diagnostics.quote(path) + "\n");
            out.flush();
        }
        try {
            process.rmdir(path);
            return true;
        } catch (KernelException e) {
            boolean nonEmpty = e.errno() == Errno.ENOTEMPTY || e.errno() == Errno.EEXIST;
            if (!(ignoreNonEmpty && nonEmpty)) {
                out.flush();
                diagnostics.actionError(action, path, e);
            }
            return false;
        }
    }
}
