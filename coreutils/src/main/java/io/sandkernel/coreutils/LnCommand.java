package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * ln [-fLnPrsTv] [-t DIR] TARGET... [LINK_NAME|DIRECTORY]: makes hard links ({@code linkat})
 * or, with {@code -s}, symbolic links ({@code symlinkat}); with one operand the link goes in
 * the working directory; {@code -f} removes an existing destination first, {@code -n} does not
 * descend into a symbolic link to a directory, {@code -r} makes symbolic links relative to the
 * link's directory.
 */
final class LnCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bfiLnPrsSt:Tv",
            "force:f", "interactive:i", "logical:L", "no-dereference:n", "no-target-directory:T",
            "physical:P", "relative:r", "symbolic:s", "target-directory:t", "verbose:v", "backup?:b", "suffix:S");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private Options options;
    private OutputStream out;
    private boolean symbolic;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "ln");
        this.out = ByteText.stdout(process);
        this.symbolic = options.has('s');
        if (options.has('r') && !symbolic) {
            throw UsageException.withoutHint("cannot do --relative without --symbolic");
        }
        List<String> operands = options.operands();
        String directory = options.value('t', null);
        if (directory != null && options.has('T')) {
            throw UsageException.withoutHint("cannot combine --target-directory and --no-target-directory");
        }
        if (directory != null) {
            Stat target;
            try {
                target = process.stat(directory);
            } catch (KernelException e) {
                diagnostics.actionError("failed to access", directory, e);
                return 1;
            }
            if (!target.isDirectory()) {
                throw UsageException.withoutHint("target " + Diagnostics.quote(directory) + " is not a directory");
            }
        }
        List<String[]> pairs = new ArrayList<>();
        if (directory == null && operands.size() == 1) {
            pairs.add(new String[] {operands.get(0), FileOps.join(".", FileOps.baseName(operands.get(0)))});
        } else {
            boolean noTarget = options.has('T');
            if (directory == null && options.has('n') && operands.size() == 2) {
                Stat last = FileOps.lstatOrNull(process, operands.get(1));
                noTarget |= last != null && last.isSymbolicLink();
            }
            if (directory == null && operands.isEmpty()) {
                throw new UsageException("missing file operand");
            }
            pairs = Targets.of(process, operands, directory, noTarget).pairs();
        }
        for (String[] pair : pairs) {
            link(pair[0], pair[1]);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private void link(String source, String destination) throws IOException {
        Stat sourceStat = null;
        if (!symbolic) {
            try {
                sourceStat = options.has('L') ? process.stat(source) : process.lstat(source);
            } catch (KernelException e) {
                diagnostics.actionError("failed to access", source, e);
                return;
            }
            if (sourceStat.isDirectory()) {
                diagnostics.error(Diagnostics.quoteIfNeeded(source) + ": hard link not allowed for directory");
                return;
            }
        }
        String target = source;
        if (symbolic && options.has('r')) {
            String from = PathResolver.canonicalize(process, FileOps.parent(destination),
                    PathResolver.Mode.MISSING, true, false);
            target = PathResolver.relative(PathResolver.canonicalize(process, source, PathResolver.Mode.MISSING,
                    true, false), from);
        }
        Stat existing = FileOps.lstatOrNull(process, destination);
        if (existing != null && options.has('f')) {
            if (!symbolic && FileOps.sameFile(existing, sourceStat) && sameName(source, destination)) {
                diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination)
                        + " are the same file");
                return;
            }
            if (existing.isDirectory()) {
                diagnostics.error(Diagnostics.quote(destination) + ": cannot overwrite directory");
                return;
            }
            try {
                process.unlink(destination);
            } catch (KernelException e) {
                diagnostics.actionError("cannot remove", destination, e);
                return;
            }
        }
        try {
            if (symbolic) {
                process.symlink(target, destination);
            } else {
                process.linkat(OpenFlags.AT_FDCWD, source, OpenFlags.AT_FDCWD, destination,
                        options.has('L') ? OpenFlags.AT_SYMLINK_FOLLOW : 0);
            }
        } catch (KernelException e) {
            failed(source, destination, e);
            return;
        }
        if (options.has('v')) {
            ByteText.writeUtf8(out, Diagnostics.quote(destination) + (symbolic ? " -> " : " => ")
                    + Diagnostics.quote(target) + "\n");
        }
    }

    /** Whether two names are one directory entry: the same base name in the same directory. */
    private boolean sameName(String a, String b) {
        return FileOps.baseName(a).equals(FileOps.baseName(b))
                && FileOps.sameFile(FileOps.statOrNull(process, FileOps.parent(a)), FileOps.statOrNull(process, FileOps.parent(b)));
    }

    /** GNU's wording, which names the source only for some errors. */
    private void failed(String source, String destination, KernelException e) {
        Errno errno = e.errno();
        String message;
        if (symbolic) {
            message = !source.isEmpty() && errno != Errno.ENAMETOOLONG
                    ? "failed to create symbolic link " + Diagnostics.quote(destination)
                    : "failed to create symbolic link " + Diagnostics.quote(destination) + " -> " + Diagnostics.quote(source);
        } else if (errno == Errno.EMLINK) {
            message = "failed to create hard link to " + Diagnostics.quote(source);
        } else if (errno == Errno.EEXIST || errno == Errno.ENOSPC || errno == Errno.EROFS) {
            message = "failed to create hard link " + Diagnostics.quote(destination);
        } else {
            message = "failed to create hard link " + Diagnostics.quote(destination) + " => " + Diagnostics.quote(source);
        }
        diagnostics.error(message + ": " + Diagnostics.strerror(errno));
    }
}
