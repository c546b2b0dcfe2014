package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * cp [-afinprRTv] [-t DIR] SOURCE... DEST: copies files, directories with {@code -r}; {@code -p}
 * (and {@code -a}) keeps modes and times, {@code -n} never overwrites. Recursive copies keep
 * symbolic links as links. File data goes through the kernel's open calls, so new files get the umask.
 */
final class CpCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("afinpPrRt:Tv",
            "archive:a", "force:f", "interactive:i", "no-clobber:n", "preserve?:p", "no-dereference:P",
            "recursive:r", "target-directory:t", "no-target-directory:T", "verbose:v");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private boolean recursive;
    private boolean preserve;
    private boolean noClobber;
    private boolean verbose;
    private int umask;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "cp");
        recursive = options.has('r') || options.has('R') || options.has('a');
        preserve = options.has('p') || options.has('a');
        noClobber = options.last("fin", 'f') == 'n';
        verbose = options.has('v');
        umask = FileModes.umask(process);
        Targets targets = Targets.of(process, options.operands(), options.value('t', null), options.has('T'));
        for (String[] pair : targets.pairs()) {
            copy(pair[0], pair[1]);
        }
        return diagnostics.failed() ? 1 : 0;
    }

    private void copy(String source, String destination) {
        Path from = process.resolve(source);
        Path to = process.resolve(destination);
        if (!Files.exists(from) && !(recursive && Files.isSymbolicLink(from))) {
            diagnostics.actionError("cannot stat", source, new NoSuchFileException(source));
            return;
        }
        try {
            if (Files.exists(to) && Files.isSameFile(from, to)) {
                diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination) + " are the same file");
                return;
            }
            if (recursive && Files.isSymbolicLink(from)) {
                if (!noClobber || !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(to);
                    Files.createSymbolicLink(to, Files.readSymbolicLink(from));
                }
                return;
            }
            if (Files.isDirectory(from)) {
                if (!recursive) {
                    diagnostics.error("-r not specified; omitting directory " + Diagnostics.quote(source));
                    return;
                }
                if (to.normalize().startsWith(from.normalize())) {
                    diagnostics.error("cannot copy a directory, " + Diagnostics.quote(source) + ", into itself, "
                            + Diagnostics.quote(destination));
                    return;
                }
                copyDirectory(source, destination, from, to);
            } else {
                copyFile(source, destination, from, to);
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.error("cannot create regular file " + Diagnostics.quote(destination) + ": " + Diagnostics.describe(e));
        }
    }

    private void copyDirectory(String source, String destination, Path from, Path to) throws IOException {
        if (Files.exists(to) && !Files.isDirectory(to)) {
            diagnostics.error("cannot overwrite non-directory " + Diagnostics.quote(destination) + " with directory "
                    + Diagnostics.quote(source));
            return;
        }
        boolean created = false;
        if (!Files.exists(to)) {
            try {
                Files.createDirectory(to);
                created = true;
            } catch (IOException | RuntimeException e) {
                diagnostics.actionError("cannot create directory", destination, e);
                return;
            }
            if (verbose) {
                process.stdout().println(Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination));
            }
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        for (String name : names) {
            copy(Targets.join(source, name), Targets.join(destination, name));
        }
        if (created || preserve) {
            int mode = FileModes.mode(from, 0755);
            FileModes.setMode(to, preserve ? mode : mode & ~umask);
        }
        if (preserve) {
            preserveTimes(from, to);
        }
    }

    private void copyFile(String source, String destination, Path from, Path to) throws IOException {
        boolean existed = Files.exists(to);
        if (existed && noClobber) {
            return;
        }
        InputStream input;
        try {
            input = process.openRead(source);
        } catch (KernelException e) {
            diagnostics.error("cannot open " + Diagnostics.quote(source) + " for reading: " + Diagnostics.describe(e));
            return;
        }
        try (InputStream in = input; OutputStream out = process.openWrite(destination, false)) {
            in.transferTo(out);
        }
        if (!existed || preserve) {
            int mode = FileModes.mode(from, 0644);
            FileModes.setMode(to, preserve ? mode : mode & ~umask);
        }
        if (preserve) {
            preserveTimes(from, to);
        }
        if (verbose) {
            process.stdout().println(Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination));
        }
    }

    private static void preserveTimes(Path from, Path to) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(from, BasicFileAttributes.class);
        Files.getFileAttributeView(to, BasicFileAttributeView.class)
                .setTimes(attributes.lastModifiedTime(), attributes.lastAccessTime(), null);
    }
}
