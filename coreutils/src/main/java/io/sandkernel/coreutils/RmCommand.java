package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** rm [-dfrRv] FILE...: removes files, directories with {@code -r} (empty ones with {@code -d}). */
final class RmCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("dfirRvI",
            "dir:d", "force:f", "interactive?:i", "recursive:r", "verbose:v", "no-preserve-root:\u0001",
            "preserve-root?:\u0002");

    private Diagnostics diagnostics;
    private ProcessApi process;
    private boolean force;
    private boolean verbose;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "rm");
        char forceOrPrompt = options.last("fiI", 'x');
        force = forceOrPrompt == 'f';
        verbose = options.has('v');
        boolean recursive = options.has('r') || options.has('R');
        if (options.operands().isEmpty()) {
            if (force) {
                return 0;
            }
            throw new UsageException("missing operand");
        }
        for (String operand : options.operands()) {
            String base = operand.replaceAll("/+$", "");
            String last = base.substring(base.lastIndexOf('/') + 1);
            if (last.equals(".") || last.equals("..")) {
                diagnostics.error("refusing to remove '.' or '..' directory: skipping " + Diagnostics.quote(operand));
                continue;
            }
            Path path = process.resolve(operand);
            if (recursive && path.getParent() == null) {
                diagnostics.error("it is dangerous to operate recursively on " + Diagnostics.quote(operand));
                diagnostics.error("use --no-preserve-root to override this failsafe");
                continue;
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!force) {
                    diagnostics.actionError("cannot remove", operand, new NoSuchFileException(operand));
                }
                continue;
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !recursive) {
                if (!options.has('d')) {
                    diagnostics.actionError("cannot remove", operand,
                            new io.sandkernel.KernelException(Errno.EISDIR, operand));
                    continue;
                }
            }
            if (recursive) {
                removeTree(operand, path);
            } else {
                remove(operand, path);
            }
        }
        return diagnostics.failed() ? 1 : 0;
    }

    private void removeTree(String shown, Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                entries.forEach(children::add);
            } catch (IOException | RuntimeException e) {
                diagnostics.actionError("cannot remove", shown, e);
                return;
            }
            for (Path child : children) {
                removeTree(shown.endsWith("/") ? shown + child.getFileName() : shown + "/" + child.getFileName(), child);
            }
        }
        remove(shown, path);
    }

    private void remove(String shown, Path path) {
        try {
            boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            Files.delete(path);
            if (verbose) {
                process.stdout().println((directory ? "removed directory " : "removed ") + Diagnostics.quote(shown));
            }
        } catch (IOException | RuntimeException e) {
            if (!(force && Diagnostics.errnoOf(e) == Errno.ENOENT)) {
                diagnostics.actionError("cannot remove", shown, e);
            }
        }
    }
}
