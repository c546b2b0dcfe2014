package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** mv [-finTv] [-t DIR] SOURCE... DEST: renames files and directories, or moves them into a directory. */
final class MvCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("fint:Tv",
            "force:f", "interactive:i", "no-clobber:n", "target-directory:t", "no-target-directory:T", "verbose:v");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        Diagnostics diagnostics = new Diagnostics(process, "mv");
        boolean noClobber = options.last("fin", 'f') == 'n';
        Targets targets = Targets.of(process, options.operands(), options.value('t', null), options.has('T'));
        for (String[] pair : targets.pairs()) {
            String source = pair[0];
            String destination = pair[1];
            Path from = process.resolve(source);
            Path to = process.resolve(destination);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                diagnostics.actionError("cannot stat", source, new NoSuchFileException(source));
                continue;
            }
            try {
                boolean exists = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
                if (exists && Files.isSameFile(from, to)) {
                    diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination)
                            + " are the same file");
                    continue;
                }
                if (exists && noClobber) {
                    continue;
                }
                boolean directory = Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS);
                if (directory && to.normalize().startsWith(from.normalize())) {
                    diagnostics.error("cannot move " + Diagnostics.quote(source) + " to a subdirectory of itself, "
                            + Diagnostics.quote(destination));
                    continue;
                }
                if (exists && directory && !Files.isDirectory(to)) {
                    diagnostics.error("cannot overwrite non-directory " + Diagnostics.quote(destination)
                            + " with directory " + Diagnostics.quote(source));
                    continue;
                }
                if (exists && !directory && Files.isDirectory(to)) {
                    diagnostics.error("cannot overwrite directory " + Diagnostics.quote(destination)
                            + " with non-directory");
                    continue;
                }
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                if (options.has('v')) {
                    process.stdout().println("renamed " + Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination));
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.error("cannot move " + Diagnostics.quote(source) + " to " + Diagnostics.quote(destination)
                        + ": " + Diagnostics.describe(e));
            }
        }
        return diagnostics.failed() ? 1 : 0;
    }
}
