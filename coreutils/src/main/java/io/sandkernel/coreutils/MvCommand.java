package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;

/**
 * mv [-finTv] [-t DIR] SOURCE... DEST: renames files and directories with {@code rename(2)}, or
 * moves them into a directory. Across mounts (EXDEV) it copies, keeping modes, times, links and
 * (for root) owners, then removes the source, as GNU's mv does.
 */
final class MvCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("fint:Tv",
            "force:f", "interactive:i", "no-clobber:n", "target-directory:t", "no-target-directory:T", "verbose:v");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "mv");
        boolean noClobber = options.last("fin", 'f') == 'n';
        Targets targets = Targets.of(process, options.operands(), options.value('t', null), options.has('T'));
        this.out = ByteText.stdout(process);
        for (String[] pair : targets.pairs()) {
            move(pair[0], pair[1], noClobber, options.has('v'));
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private void move(String source, String destination, boolean noClobber, boolean verbose) throws IOException {
        Stat from;
        try {
            from = process.lstat(source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot stat", source, e);
            return;
        }
        Stat to = FileOps.lstatOrNull(process, destination);
        if (to != null) {
            if (FileOps.sameFile(from, to)) {
                diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination)
                        + " are the same file");
                return;
            }
            if (noClobber) {
                return;
            }
            if (from.isDirectory() && !to.isDirectory()) {
                diagnostics.error("cannot overwrite non-directory " + Diagnostics.quote(destination)
                        + " with directory " + Diagnostics.quote(source));
                return;
            }
            if (!from.isDirectory() && to.isDirectory()) {
                diagnostics.error("cannot overwrite directory " + Diagnostics.quote(destination)
                        + " with non-directory");
                return;
            }
        }
        if (from.isDirectory() && FileOps.isInside(process, FileOps.parent(destination), from)) {
            diagnostics.error("cannot move " + Diagnostics.quote(source) + " to a subdirectory of itself, "
                    + Diagnostics.quote(destination));
            return;
        }
        try {
            process.rename(source, destination);
        } catch (KernelException e) {
            if (e.errno() != Errno.EXDEV) {
                diagnostics.error("cannot move " + Diagnostics.quote(source) + " to " + Diagnostics.quote(destination)
                        + ": " + Diagnostics.describe(e));
                return;
            }
            if (!moveAcrossMounts(source, destination, from, to)) {
                return;
            }
        }
        if (verbose) {
            ByteText.writeUtf8(out, "renamed " + Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination)
                    + "\n");
        }
    }

    /** Copies {@code source} to the other mount, then removes it: the EXDEV path of GNU's mv. */
    private boolean moveAcrossMounts(String source, String destination, Stat from, Stat to) throws IOException {
        if (to != null) {
            try {
                if (to.isDirectory()) {
                    process.rmdir(destination);
                } else {
                    process.unlink(destination);
                }
            } catch (KernelException e) {
                diagnostics.error("inter-device move failed: " + Diagnostics.quote(source) + " to "
                        + Diagnostics.quote(destination) + "; unable to remove target: " + Diagnostics.describe(e));
                return false;
            }
        }
        Copier copier = new Copier(process, diagnostics,
                new Copier.Settings(true, false, false, true, true, true, false, false, false), out);
        if (!copier.copy(source, destination)) {
            return false;
        }
        return new Remover(process, diagnostics, true, null).removeTree(source, from);
    }
}
