package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** mkdir [-pv] [-m MODE] DIRECTORY...: creates directories ({@code -p}: with parents, no error if present). */
final class MkdirCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("m:pv", "mode:m", "parents:p", "verbose:v");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        int umask = FileModes.umask(process);
        int mode = 0777 & ~umask;
        if (options.has('m')) {
            mode = FileModes.apply(options.value('m', ""), 0777, umask, true);
            if (mode < 0) {
                throw UsageException.withoutHint("invalid mode " + Diagnostics.quote(options.value('m', "")));
            }
        }
        Diagnostics diagnostics = new Diagnostics(process, "mkdir");
        for (String operand : options.operands()) {
            if (options.has('p') && !createParents(process, operand, 0777 & ~umask | 0300, diagnostics)) {
                continue;
            }
            Path path = process.resolve(operand);
            try {
                if (options.has('p') && Files.isDirectory(path)) {
                    continue;
                }
                Files.createDirectory(path);
                FileModes.setMode(path, mode);
                if (options.has('v')) {
                    process.stdout().println("mkdir: created directory " + Diagnostics.quote(operand));
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.actionError("cannot create directory", operand, e);
            }
        }
        return diagnostics.failed() ? 1 : 0;
    }

    /**
     * Creates the missing parents of {@code operand}, naming the failing one (as typed) in the
     * error, as GNU does: {@code mkdir -p file/x} fails on {@code 'file'}.
     */
    private static boolean createParents(ProcessApi process, String operand, int mode, Diagnostics diagnostics) {
        int slash = operand.indexOf('/', 1);
        while (slash > 0) {
            String prefix = operand.substring(0, slash);
            Path directory = process.resolve(prefix);
            if (!Files.isDirectory(directory)) {
                try {
                    if (Files.exists(directory)) {
                        throw new NotDirectoryException(prefix);
                    }
                    Files.createDirectory(directory);
                    FileModes.setMode(directory, mode);
                } catch (IOException | RuntimeException e) {
                    diagnostics.actionError("cannot create directory", prefix, e);
                    return false;
                }
            }
            slash = operand.indexOf('/', slash + 1);
        }
        return true;
    }
}
