package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.OutputStream;

/**
 * rm [-dfrRv] FILE...: removes files with {@code unlink}, directories with {@code -r} (children
 * first, links never followed) or, when empty, with {@code -d}. A file in a sticky directory
 * that belongs to someone else fails with the kernel's EPERM: "Operation not permitted".
 */
final class RmCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("dfirRvI",
            "dir:d", "force:f", "interactive?:i", "recursive:r", "verbose:v", "no-preserve-root:\u0001",
            "preserve-root?:\u0002");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        Diagnostics diagnostics = new Diagnostics(process, "rm");
        boolean force = options.last("fiI", 'x') == 'f';
        boolean recursive = options.has('r') || options.has('R');
        if (options.operands().isEmpty()) {
            if (force) {
                return 0;
            }
            throw new UsageException("missing operand");
        }
        OutputStream out = ByteText.stdout(process);
        Remover remover = new Remover(process, diagnostics, force, options.has('v') ? out : null);
        Stat root = FileOps.statOrNull(process, "/");
        for (String operand : options.operands()) {
            String last = FileOps.baseName(operand);
            if (last.equals(".") || last.equals("..")) {
                diagnostics.error("refusing to remove '.' or '..' directory: skipping " + Diagnostics.quote(operand));
                continue;
            }
            Stat stat;
            try {
                stat = process.lstat(operand);
            } catch (KernelException e) {
                if (!(force && e.errno() == Errno.ENOENT)) {
                    diagnostics.actionError("cannot remove", operand, e);
                }
                continue;
            }
            if (recursive && !options.has('\u0001') && FileOps.sameFile(stat, root)) {
                diagnostics.error("it is dangerous to operate recursively on " + Diagnostics.quote(operand));
                diagnostics.error("use --no-preserve-root to override this failsafe");
                continue;
            }
            if (stat.isDirectory() && !recursive && !options.has('d')) {
                diagnostics.actionError("cannot remove", operand, Errno.EISDIR);
                continue;
            }
            if (recursive) {
                remover.removeTree(operand, stat);
            } else {
                remover.remove(operand, stat);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }
}
