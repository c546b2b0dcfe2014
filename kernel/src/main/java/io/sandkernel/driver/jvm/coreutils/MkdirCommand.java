package io.sandkernel.driver.jvm.coreutils;

import io.sandkernel.driver.jvm.JvmCommand;
import io.sandkernel.kernel.ProcessApi;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** mkdir [-pv] [-m MODE] DIRECTORY...: creates directories ({@code -p}: with parents, no error if present). */
final class MkdirCommand implements JvmCommand {
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
            Path path = process.resolve(operand);
            try {
                if (options.has('p')) {
                    createParents(path.getParent(), 0777 & ~umask | 0300);
                    if (Files.isDirectory(path)) {
                        continue;
                    }
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

    private static void createParents(Path directory, int mode) throws IOException {
        if (directory == null || Files.isDirectory(directory)) {
            return;
        }
        createParents(directory.getParent(), mode);
        try {
            Files.createDirectory(directory);
            FileModes.setMode(directory, mode);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw new java.nio.file.NotDirectoryException(directory.toString());
            }
        }
    }
}
