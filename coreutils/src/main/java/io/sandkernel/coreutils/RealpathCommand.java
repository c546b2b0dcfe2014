package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * realpath [-e|-m] [-L|-P|-s] [-qz] [--relative-to=DIR] [--relative-base=DIR] FILE...: the
 * canonical absolute name of each file (all components but the last must exist unless
 * {@code -e} or {@code -m} says otherwise), optionally relative to a directory.
 */
final class RealpathCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("eLmPqsz",
            "canonicalize-existing:e", "canonicalize-missing:m", "logical:L", "physical:P", "quiet:q",
            "strip:s", "no-symlinks:s", "zero:z", "relative-to=:\u0001", "relative-base=:\u0002");

    private ProcessApi process;
    private PathResolver.Mode mode;
    private boolean follow;
    private boolean logical;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        this.process = process;
        char modeOption = options.last("em", (char) 0);
        this.mode = modeOption == 'e' ? PathResolver.Mode.EXISTING
                : modeOption == 'm' ? PathResolver.Mode.MISSING : PathResolver.Mode.ALL_BUT_LAST;
        this.follow = !options.has('s');
        this.logical = options.last("LP", 'P') == 'L' || !follow;
        Diagnostics diagnostics = new Diagnostics(process, "realpath");
        String relativeTo = options.value('\u0001', null);
        String relativeBase = options.value('\u0002', null);
        try {
            if (relativeTo != null) {
                relativeTo = resolve(relativeTo);
            }
            if (relativeBase != null) {
                relativeBase = resolve(relativeBase);
                if (relativeTo == null) {
                    relativeTo = relativeBase;
                }
            }
        } catch (KernelException e) {
            String shown = relativeTo != null && !relativeTo.startsWith("/") ? relativeTo : relativeBase;
            diagnostics.error(Diagnostics.quoteIfNeeded(shown) + ": " + Diagnostics.describe(e));
            return 1;
        }
        if (relativeBase != null && !PathResolver.isWithin(relativeTo, relativeBase)) {
            relativeTo = null; // GNU: a --relative-to outside --relative-base prints absolute names
            relativeBase = null;
        }
        OutputStream out = ByteText.stdout(process);
        char end = options.has('z') ? '\0' : '\n';
        for (String operand : options.operands()) {
            String resolved;
            try {
                resolved = resolve(operand);
            } catch (KernelException e) {
                if (!options.has('q')) {
                    diagnostics.fileError(operand, e);
                } else {
                    diagnostics.fail();
                }
                continue;
            }
            if (relativeTo != null && (relativeBase == null || PathResolver.isWithin(resolved, relativeBase))) {
                resolved = PathResolver.relative(resolved, relativeTo);
            }
            ByteText.writeUtf8(out, resolved + end);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private String resolve(String path) {
        String name = path;
        if (logical && !path.isEmpty()) {
            name = PathResolver.lexical(path.startsWith("/") ? path : process.cwd() + "/" + path);
            if (path.endsWith("/") && !name.equals("/")) {
                name += "/"; // a trailing slash still asks for a directory
            }
        }
        return PathResolver.canonicalize(process, name, mode, follow, false);
    }
}
