package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * tar -c|-x|-t|-r [-f ARCHIVE] [-C DIR] [-zja] [-vkmOpPh] [--strip-components=N] [--exclude=PAT]
 * [FILE|MEMBER]...: GNU tar's commands on Commons Compress's tar format (GNU long names), with
 * GNU's traditional option letters ({@code tar czf a.tgz dir}), its listing ({@code -tv}),
 * messages and exit status 2 ("Exiting with failure status due to previous errors", "Error is
 * not recoverable: exiting now"). Creating is in {@link TarCreate}, listing and extracting in
 * {@link TarExtract}; compressed archives are detected when read.
 */
final class TarCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cxtruAC:f:zjJavkmOpPhT:X:wWBi",
            "create:c", "extract:x", "get:x", "list:t", "append:r", "update:u", "directory:C", "file:f",
            "gzip:z", "gunzip:z", "ungzip:z", "bzip2:j", "xz:J", "auto-compress:a", "verbose:v",
            "keep-old-files:k", "touch:m", "to-stdout:O", "preserve-permissions:p", "same-permissions:p",
            "absolute-names:P", "dereference:h", "files-from:T", "exclude-from:X", "ignore-zeros:i",
            "exclude=:\u0001", "strip-components=:\u0002", "owner=:\u0003", "group=:\u0004", "numeric-owner:\u0005",
            "no-same-owner:\u0006", "same-owner:\u0007", "overwrite:\u0008", "no-recursion:\u000e",
            "recursion:\u000f", "wildcards:\u0010", "sort=:\u0011", "format=:\u0012", "remove-files:\u0013",
            "no-same-permissions:\u0014", "mtime=:\u0015", "one-file-system:\u0016", "totals:\u0017",
            "no-overwrite-dir:\u0018", "overwrite-dir:\u0019", "warning=:\u001a", "keep-directory-symlink:\u001b");

    /** What tar was asked to do. */
    static final class Settings {
        char operation;
        String archive;
        char compression;
        int verbose;
        boolean keepOld;
        boolean touch;
        boolean toStdout;
        boolean preservePermissions;
        boolean absoluteNames;
        boolean dereference;
        boolean recursion = true;
        boolean wildcards;
        boolean numericOwner;
        boolean removeFiles;
        int strip;
        String owner;
        String group;
        Long mtime;
        final List<String> excludes = new ArrayList<>();
        /** Operands in order, with the {@code -C} directories that precede them. */
        final List<String[]> operands = new ArrayList<>();
        String directory;
    }

    private ProcessApi process;
    private boolean failed;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        Settings settings;
        try {
            settings = parse(process.args());
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            return usageError(e.getMessage());
        }
        if (settings.operation == 0) {
            return usageError("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
        }
        if (settings.operation == 'c' && settings.operands.isEmpty()) {
            return usageError("Cowardly refusing to create an empty archive");
        }
        try {
            switch (settings.operation) {
                case 'c' -> new TarCreate(this, settings).run(null);
                case 'r' -> append(settings);
                default -> new TarExtract(this, settings).run();
            }
        } catch (Fatal e) {
            return 2;
        }
        if (failed) {
            message("Exiting with failure status due to previous errors");
            return 2;
        }
        return 0;
    }

    /** Ends tar at once: "Error is not recoverable: exiting now" was printed. */
    static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal() {
            super(null, null, false, false);
        }
    }

    ProcessApi process() {
        return process;
    }

    /** "tar: message" on standard error. */
    void message(String text) {
        process.stderr().writeBytes(("tar: " + text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.stderr().flush();
    }

    /** Reports an error; tar goes on and exits with status 2. */
    void error(String text) {
        message(text);
        failed = true;
    }

    /** Reports an error and stops: GNU's FATAL_ERROR. */
    Fatal fatal(String text) {
        if (text != null) {
            message(text);
        }
        message("Error is not recoverable: exiting now");
        return new Fatal();
    }

    private int usageError(String text) {
        process.stderr().writeBytes(("tar: " + text + "\nTry 'tar --help' or 'tar --usage' for more information.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.stderr().flush();
        return 2;
    }

    private Settings parse(List<String> args) {
        Settings s = new Settings();
        Options options = PARSER.parse(traditional(args));
        for (Options.Given given : options.given()) {
            String value = given.value();
            char option = given.option();
            switch (option) {
                case 'c', 'x', 't', 'r', 'u', 'A' -> {
                    char operation = option == 'u' ? 'r' : option;
                    if (s.operation != 0 && s.operation != operation) {
                        throw new UsageException("You may not specify more than one '-Acdtrux', '--delete' or "
                                + " '--test-label' option");
                    }
                    if (option == 'A') {
                        throw new UsageException("--concatenate is not supported here");
                    }
                    s.operation = operation;
                }
                case 'C' -> s.operands.add(new String[] {"-C", value});
                case 'f' -> s.archive = value;
                case 'z', 'j', 'J' -> s.compression = option;
                case 'v' -> s.verbose++;
                case 'k' -> s.keepOld = true;
                case 'm' -> s.touch = true;
                case 'O' -> s.toStdout = true;
                case 'p' -> s.preservePermissions = true;
                case 'P' -> s.absoluteNames = true;
                case 'h' -> s.dereference = true;
                case 'T' -> s.operands.add(new String[] {"-T", value});
                case 'X' -> s.operands.add(new String[] {"-X", value});
                case '\u0001' -> s.excludes.add(value);
                case '\u0002' -> s.strip = (int) NumberArgs.decimal(value, 0, Integer.MAX_VALUE, "",
                        "Invalid number of elements");
                case '\u0003' -> s.owner = value;
                case '\u0004' -> s.group = value;
                case '\u0005' -> s.numericOwner = true;
                case '\u000e' -> s.recursion = false;
                case '\u000f' -> s.recursion = true;
                case '\u0010' -> s.wildcards = true;
                case '\u0013' -> s.removeFiles = true;
                case '\u0014' -> s.preservePermissions = false;
                case '\u0015' -> s.mtime = value.startsWith("@") ? Long.parseLong(value.substring(1)) : null;
                case 'a' -> s.compression = s.compression == 0 ? 'a' : s.compression;
                default -> { }
            }
        }
        for (String operand : options.operands()) {
            s.operands.add(new String[] {null, operand});
        }
        if (s.archive == null) {
            String tape = process.env().get("TAPE");
            s.archive = tape != null && !tape.isEmpty() ? tape : "-";
        }
        if (s.compression == 'a') {
            String lower = s.archive.toLowerCase(java.util.Locale.ROOT);
            s.compression = lower.endsWith(".gz") || lower.endsWith(".tgz") || lower.endsWith(".taz") ? 'z'
                    : lower.endsWith(".bz2") || lower.endsWith(".tbz") || lower.endsWith(".tbz2") ? 'j'
                    : lower.endsWith(".xz") || lower.endsWith(".txz") ? 'J' : 0;
        }
        return s;
    }

    /** GNU tar's traditional syntax: a first argument without a dash is a cluster of letters. */
    private static List<String> traditional(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-") || args.get(0).isEmpty()) {
            return args;
        }
        List<String> result = new ArrayList<>();
        String letters = args.get(0);
        int next = 1;
        for (char c : letters.toCharArray()) {
            result.add("-" + c);
            if ("fCTXbNgKVLH".indexOf(c) >= 0 && next < args.size()) {
                result.add(args.get(next++));
            }
        }
        result.addAll(args.subList(next, args.size()));
        return result;
    }

    /** tar -r: the existing (uncompressed) archive's members, then the new ones, written anew. */
    private void append(Settings settings) throws IOException {
        if (settings.archive.equals("-") || settings.compression != 0) {
            throw fatal(settings.compression != 0 ? "Cannot update compressed archives" : "Options '-Aru' are "
                    + "incompatible with '-f -'");
        }
        byte[] old = FileOps.lstatOrNull(process, settings.archive) == null ? new byte[0] : readArchive(settings);
        new TarCreate(this, settings).run(old);
    }

    /** The archive's bytes, decompressed as its magic (or the option) says. */
    byte[] readArchive(Settings settings) {
        byte[] raw;
        if (settings.archive.equals("-")) {
            try {
                raw = process.stdin().readAllBytes();
            } catch (IOException | KernelException e) {
                throw fatal("-: Read error: " + Diagnostics.describe(e));
            }
        } else {
            try (InputStream in = InputFiles.openFile(process, settings.archive)) {
                raw = in.readAllBytes();
            } catch (IOException | KernelException e) {
                throw fatal(settings.archive + ": Cannot open: " + Diagnostics.describe(e));
            }
        }
        boolean gzip = GzipCodec.isGzip(raw);
        boolean bzip2 = raw.length >= 3 && raw[0] == 'B' && raw[1] == 'Z' && raw[2] == 'h';
        char compression = settings.compression == 'z' || (settings.compression == 0 && gzip) ? 'z'
                : settings.compression == 'j' || (settings.compression == 0 && bzip2) ? 'j' : settings.compression;
        if (compression == 'z') {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                GzipCodec.Outcome outcome = GzipCodec.decompress(raw, out);
                if (!outcome.ok()) {
                    process.stderr().writeBytes(("\ngzip: stdin: " + outcome.error() + "\n").getBytes());
                    if (outcome.error().equals("not in gzip format")) {
                        message("Child returned status 1");
                        throw fatal(null);
                    }
                    // a damaged stream: tar reads what was decoded and reports the child
                    failed = true;
                    message("Child returned status 1");
                }
            } catch (IOException e) {
                throw fatal(Diagnostics.describe(e));
            }
            return out.toByteArray();
        }
        if (compression == 'j') {
            try {
                return TarBzip2.decompress(raw);
            } catch (IOException e) {
                process.stderr().writeBytes("bzip2: (stdin) is not a bzip2 file.\n".getBytes());
                message("Child returned status 2");
                throw fatal(null);
            }
        }
        if (compression == 'J') {
            throw fatal("xz: Cannot exec: No such file or directory");
        }
        return raw;
    }

    /** Writes the archive's bytes, compressed as asked, to its file or standard output. */
    void writeArchive(Settings settings, byte[] tar) {
        byte[] data = tar;
        try {
            if (settings.compression == 'z') {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                GzipCodec.compress(new java.io.ByteArrayInputStream(tar), out, 6, null, 0);
                data = out.toByteArray();
            } else if (settings.compression == 'j') {
                data = TarBzip2.compress(tar);
            } else if (settings.compression == 'J') {
                throw fatal("xz: Cannot exec: No such file or directory");
            }
        } catch (IOException e) {
            throw fatal(Diagnostics.describe(e));
        }
        if (settings.archive.equals("-")) {
            OutputStream out = ByteText.stdout(process);
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                throw fatal(Diagnostics.describe(e));
            }
            return;
        }
        try (OutputStream out = BufferedOutput.open(process, settings.archive, false)) {
            out.write(data);
        } catch (KernelException e) {
            throw fatal(settings.archive + ": Cannot open: " + Diagnostics.describe(e));
        } catch (IOException e) {
            throw fatal(settings.archive + ": Cannot write: " + Diagnostics.describe(e));
        }
    }
}
