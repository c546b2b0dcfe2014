package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.List;

/**
 * readlink [-fem] [-nqsvz] FILE...: the target of each symbolic link, or with {@code -f},
 * {@code -e} or {@code -m} the canonical name (all components but the last, all, or none need
 * exist). Failures are silent unless {@code -v}, and make the status 1.
 */
final class ReadlinkCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("efmnqsvz",
            "canonicalize:f", "canonicalize-existing:e", "canonicalize-missing:m", "no-newline:n",
            "quiet:q", "silent:s", "verbose:v", "zero:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            throw new UsageException("missing operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "readlink");
        boolean verbose = options.last("vqs", 'q') == 'v';
        boolean noNewline = options.has('n');
        if (noNewline && operands.size() > 1) {
            diagnostics.warn("ignoring --no-newline with multiple arguments");
            noNewline = false;
        }
        char mode = options.last("fem", (char) 0);
        OutputStream out = ByteText.stdout(process);
        boolean ok = true;
        for (String operand : operands) {
            String result;
            try {
                result = switch (mode) {
                    case 'f' -> PathResolver.canonicalize(process, operand, PathResolver.Mode.ALL_BUT_LAST, true, false);
                    case 'e' -> PathResolver.canonicalize(process, operand, PathResolver.Mode.EXISTING, true, false);
                    case 'm' -> PathResolver.canonicalize(process, operand, PathResolver.Mode.MISSING, true, false);
                    default -> process.readlink(operand);
                };
            } catch (KernelException e) {
                ok = false;
                if (verbose) {
                    diagnostics.fileError(operand, e);
                }
                continue;
            }
            ByteText.writeUtf8(out, result);
            if (!noNewline) {
                out.write(options.has('z') ? 0 : '\n');
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
