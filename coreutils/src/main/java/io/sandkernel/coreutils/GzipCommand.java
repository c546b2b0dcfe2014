package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * gzip, gunzip and zcat [-cdfklLnNqrtvV19] [-S SUF] [FILE]...: compresses FILE to FILE.gz (or
 * decompresses) in place, keeping the mode and times and removing the original unless {@code -k}
 * or {@code -c}; lists ({@code -l}) and tests ({@code -t}). Messages, the order of checks and
 * the statuses (1 for errors, 2 for warnings such as "already exists; not overwritten") are
 * gzip 1.12's; the compressed bytes are zlib's, so they may differ from GNU's while any gzip reads
 * them ({@link GzipCodec}).
 */
final class GzipCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cdfhklLnNqrS:tvV123456789", "stdout:c",
            "to-stdout:c", "decompress:d", "uncompress:d", "force:f", "help:h", "keep:k", "list:l", "license:L",
            "no-name:n", "name:N", "quiet:q", "silent:q", "recursive:r", "suffix:S", "test:t", "verbose:v",
            "version:V", "fast:1", "best:9", "rsyncable:\u0001", "synchronous:\u0002");
    private static final String[] KNOWN_SUFFIXES = {".gz", "-gz", ".z", "-z", "_z"};

    private final String name;
    private ProcessApi process;
    private BufferedOutput stdout;
    private boolean decompress;
    private boolean toStdout;
    private boolean force;
    private boolean keep;
    private boolean list;
    private boolean test;
    private boolean verbose;
    private boolean quiet;
    private boolean recursive;
    private boolean noName;
    private boolean restoreName;
    private int level = 6;
    private String suffix = ".gz";
    private int status;
    private GzipList listing;

    GzipCommand(String name) {
        this.name = name;
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        Options options;
        try {
            options = PARSER.parse(process.args());
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            // Debian's gunzip and zcat are scripts running gzip, whose getopt words these
            process.stderr().writeBytes(("gzip: " + e.getMessage() + "\nTry `gzip --help' for more information.\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.stderr().flush();
            return 1;
        }
        decompress = !name.equals("gzip");
        toStdout = name.equals("zcat");
        boolean nameGiven = false;
        for (Options.Given given : options.given()) {
            char option = given.option();
            switch (option) {
                case 'c' -> toStdout = true;
                case 'd' -> decompress = true;
                case 'f' -> force = true;
                case 'h' -> throw UsageException.help();
                case 'V', 'L' -> throw UsageException.version();
                case 'k' -> keep = true;
                case 'l' -> list = true;
                case 'n' -> {
                    noName = true;
                    restoreName = false;
                }
                case 'N' -> {
                    noName = false;
                    restoreName = true;
                    nameGiven = true;
                }
                case 'q' -> {
                    quiet = true;
                    verbose = false;
                }
                case 'r' -> recursive = true;
                case 'S' -> {
                    suffix = given.value();
                    if (suffix.isEmpty() || suffix.contains("/")) {
                        throw new UsageException("invalid suffix '" + suffix + "'");
                    }
                }
                case 't' -> {
                    test = true;
                    decompress = true;
                    toStdout = true;
                }
                case 'v' -> {
                    verbose = true;
                    quiet = false;
                }
                default -> {
                    if (option >= '1' && option <= '9') {
                        level = option - '0';
                    }
                }
            }
        }
        if (list) {
            decompress = true;
        }
        if (!nameGiven && decompress) {
            restoreName = false;
        }
        stdout = BufferedOutput.standardOutput(process);
        if (list) {
            listing = new GzipList(process, stdout, verbose, quiet);
        }
        try {
            List<String> operands = options.operands();
            if (operands.isEmpty()) {
                treatStdin();
            }
            for (String file : operands) {
                if (file.equals("-")) {
                    treatStdin();
                } else {
                    treatFile(file, false);
                }
            }
            if (listing != null) {
                listing.totals();
            }
        } finally {
            stdout.flush();
        }
        return status;
    }

    private void error(String message) {
        stdout.flush();
        if (!quiet || !message.startsWith("\n")) {
            process.stderr().writeBytes(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.stderr().flush();
        }
        status = 1;
    }

    private void warning(String message) {
        if (!quiet) {
            stdout.flush();
            process.stderr().writeBytes(("gzip: " + message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.stderr().flush();
        }
        if (status == 0) {
            status = 2;
        }
    }

    /** "gzip: file: message", gzip's error(); some of its messages start with a newline. */
    private void fileError(String file, String message, boolean newline) {
        error((newline ? "\n" : "") + "gzip: " + file + ": " + message + "\n");
    }

    private void treatStdin() throws IOException {
        if (!decompress && !toStdout && !force && process.isatty(1)) {
            error("gzip: compressed data not written to a terminal. Use -f to force compression.\n"
                    + "For help, type: gzip -h\n");
            return;
        }
        byte[] data;
        try {
            data = process.stdin().readAllBytes();
        } catch (KernelException e) {
            fileError("stdin", Diagnostics.describe(e), false);
            return;
        }
        if (list) {
            listing.file("stdin", "stdin", data, 0, this::fileErrorNewline);
            return;
        }
        if (decompress) {
            decompressTo(data, "stdin", stdout, false);
        } else {
            long written = GzipCodec.compress(new java.io.ByteArrayInputStream(data), stdout, level, null, 0);
            if (verbose) {
                stdout.flush();
                process.stderr().writeBytes((ratio(data.length, written, 10) + "\n").getBytes());
                process.stderr().flush();
            }
        }
    }

    private void fileErrorNewline(String file, String message) {
        fileError(file, message, true);
    }

    /**
     * Decompresses {@code data}, reporting failures; returns the outcome (null if not gzip, then
     * reported or, for zcat -f, copied). A header that is not gzip's is reported before the
     * verbose prefix {@code file:\t} (for {@code prefix}), the failures found while decoding after it.
     */
    private GzipCodec.Outcome decompressTo(byte[] data, String file, OutputStream out, boolean prefix)
            throws IOException {
        if (!GzipCodec.isGzip(data) && force && toStdout) {
            out.write(data); // zcat -f behaves as cat on data gzip does not know
            return null;
        }
        if (!GzipCodec.isGzip(data) && data.length >= 2) {
            fileError(file, "not in gzip format", true);
            return null;
        }
        if (prefix && verbose) {
            verbosePrefix(file);
        }
        OutputStream sink = test ? OutputStream.nullOutputStream() : out;
        GzipCodec.Outcome outcome = GzipCodec.decompress(data, sink);
        if (!outcome.ok()) {
            fileError(file, outcome.error(), true);
        } else if (outcome.trailingGarbage()) {
            if (!quiet) {
                stdout.flush();
                process.stderr().writeBytes(("\ngzip: " + file + ": decompression OK, trailing garbage ignored\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (status == 0) {
                status = 2;
            }
        } else if (outcome.trailingZeros() && verbose) {
            stdout.flush();
            process.stderr().writeBytes(("\ngzip: " + file + ": decompression OK, trailing zero bytes ignored\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (status == 0) {
                status = 2;
            }
        }
        return outcome;
    }

    private static String ratio(long original, long compressed, int header) {
        long num = original - (compressed - header);
        double value = original == 0 ? 0 : 100.0 * num / original;
        return String.format(Locale.ROOT, "%5.1f%%", value);
    }

    private String knownSuffix(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(suffix.toLowerCase(Locale.ROOT)) && file.length() > suffix.length()) {
            return file.substring(file.length() - suffix.length());
        }
        for (String known : KNOWN_SUFFIXES) {
            if (lower.endsWith(known) && file.length() > known.length()) {
                return file.substring(file.length() - known.length());
            }
        }
        if (lower.endsWith(".tgz") || lower.endsWith(".taz")) {
            return file.substring(file.length() - 4);
        }
        return null;
    }

    private void treatFile(String file, boolean fromRecursion) throws IOException {
        Stat stat = FileOps.statOrNull(process, file);
        String input = file;
        if (stat == null && decompress && knownSuffix(file) == null) {
            String candidate = file + suffix;
            Stat found = FileOps.statOrNull(process, candidate);
            if (found == null) {
                fileError(candidate, "No such file or directory", false);
                return;
            }
            input = candidate;
            stat = found;
        }
        if (stat == null) {
            fileError(file, "No such file or directory", false);
            return;
        }
        Stat link = FileOps.lstatOrNull(process, input);
        if (link != null && link.isSymbolicLink() && !toStdout && !force) {
            fileError(input, "Too many levels of symbolic links", false); // gzip opens with O_NOFOLLOW
            return;
        }
        if (stat.isDirectory()) {
            if (recursive) {
                for (var entry : process.listDirectory(input)) {
                    if (!entry.name().equals(".") && !entry.name().equals("..")) {
                        treatFile(FileOps.join(input, entry.name()), true);
                    }
                }
            } else {
                warning(input + " is a directory -- ignored");
            }
            return;
        }
        if (!stat.isRegularFile()) {
            warning(input + " is not a directory or a regular file - ignored");
            return;
        }
        if (stat.nlink() > 1 && !toStdout && !force) {
            warning(input + " has " + (stat.nlink() - 1) + " other link" + (stat.nlink() > 2 ? "s" : "")
                    + " -- file ignored");
            return;
        }
        if (fromRecursion && decompress && !toStdout && knownSuffix(input) == null) {
            return; // a recursive gunzip quietly passes files that are not compressed
        }
        byte[] data;
        try (InputStream in = InputFiles.openFile(process, input)) {
            data = in.readAllBytes();
        } catch (KernelException e) {
            fileError(input, Diagnostics.describe(e), false);
            return;
        }
        if (list) {
            String shown = knownSuffix(input) != null ? stripSuffix(input) : input;
            listing.file(input, shown, data, stat.mtime().getEpochSecond(), this::fileErrorNewline);
            return;
        }
        if (toStdout) {
            if (decompress) {
                ByteArrayOutputStream decoded = new ByteArrayOutputStream();
                GzipCodec.Outcome outcome = decompressTo(data, input, decoded, true);
                decoded.writeTo(stdout);
                if (verbose && outcome != null && outcome.ok()) {
                    verboseTail(test ? " OK" : ratio(outcome.lastMemberSize(), data.length, outcome.headerBytes())
                            + " -- replaced with stdout");
                }
            } else {
                if (verbose) {
                    verbosePrefix(input);
                }
                long written = GzipCodec.compress(new java.io.ByteArrayInputStream(data), stdout, level,
                        noName ? null : ByteText.fromArg(FileOps.baseName(input)), noName ? 0 : stat.mtime().getEpochSecond());
                if (verbose) {
                    int header = 18 + (noName ? 0 : ByteText.fromArg(FileOps.baseName(input)).length() + 1);
                    verboseTail(ratio(data.length, written, header) + " -- replaced with stdout");
                }
            }
            return;
        }
        String output;
        if (decompress) {
            if (knownSuffix(input) == null) {
                warning(input + ": unknown suffix -- ignored");
                return;
            }
            output = stripSuffix(input);
        } else {
            if (knownSuffix(input) != null && !force) {
                if (verbose || (!fromRecursion && !quiet)) {
                    stdout.flush();
                    process.stderr().writeBytes(("gzip: " + input + " already has " + knownSuffix(input)
                            + " suffix -- unchanged\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return; // not a warning: the status stays
            }
            output = input + suffix;
        }
        if (decompress && !GzipCodec.isGzip(data)) {
            fileError(input, data.length < 2 ? "unexpected end of file" : "not in gzip format", true);
            return;
        }
        if (decompress && restoreName && GzipCodec.headerName(data) != null) {
            String parent = FileOps.parent(input);
            String stored = GzipCodec.headerName(data);
            output = parent.equals(".") ? stored : FileOps.join(parent, stored);
        }
        if (FileOps.lstatOrNull(process, output) != null) {
            if (!force) {
                // check_ofname prints this itself, -q or not
                stdout.flush();
                process.stderr().writeBytes(("gzip: " + output + " already exists;\tnot overwritten\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (status == 0) {
                    status = 2;
                }
                return;
            }
            try {
                process.unlink(output);
            } catch (KernelException e) {
                fileError(output, Diagnostics.describe(e), false);
                return;
            }
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        long lastMemberSize = 0;
        long headerTime = stat.mtime().getEpochSecond();
        int header;
        if (decompress) {
            GzipCodec.Outcome outcome = decompressTo(data, input, result, true);
            if (outcome == null || !outcome.ok()) {
                return;
            }
            if (restoreName && outcome.mtime() != 0) {
                headerTime = outcome.mtime();
            }
            header = outcome.headerBytes();
            lastMemberSize = outcome.lastMemberSize();
        } else {
            if (verbose) {
                verbosePrefix(input);
            }
            String stored = noName ? null : ByteText.fromArg(FileOps.baseName(input));
            GzipCodec.compress(new java.io.ByteArrayInputStream(data), result, level, stored,
                    noName ? 0 : stat.mtime().getEpochSecond());
            header = 18 + (stored == null ? 0 : stored.length() + 1);
        }
        if (!write(output, result, stat, headerTime)) {
            return;
        }
        if (verbose) {
            long original = decompress ? lastMemberSize : data.length;
            long compressed = decompress ? data.length : result.size();
            verboseTail(ratio(original, compressed, header) + " -- " + (keep ? "created " : "replaced with ") + output);
        }
        if (!keep) {
            try {
                process.unlink(input);
            } catch (KernelException e) {
                fileError(input, Diagnostics.describe(e), false);
            }
        }
    }

    private String stripSuffix(String file) {
        String found = knownSuffix(file);
        String base = file.substring(0, file.length() - found.length());
        String lower = found.toLowerCase(Locale.ROOT);
        return lower.equals(".tgz") || lower.equals(".taz") ? base + ".tar" : base;
    }

    /** The start of the verbose line, printed (as gzip does) before the work, so that errors interleave. */
    private void verbosePrefix(String file) {
        stdout.flush();
        process.stderr().writeBytes((file + ":\t").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.stderr().flush();
    }

    private void verboseTail(String text) {
        process.stderr().writeBytes((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.stderr().flush();
    }

    /** Writes the output file with the input's mode and times; removes it when that fails. */
    private boolean write(String output, ByteArrayOutputStream result, Stat stat, long mtime) {
        int fd;
        try {
            fd = process.open(output, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_CLOEXEC,
                    0600);
        } catch (KernelException e) {
            fileError(output, Diagnostics.describe(e), false);
            return false;
        }
        try (OutputStream out = new io.sandkernel.api.DescriptorOutputStream(process, fd, true)) {
            result.writeTo(out);
        } catch (IOException | KernelException e) {
            fileError(output, Diagnostics.describe(e), false);
            try {
                process.unlink(output);
            } catch (KernelException ignored) {
                // nothing left to undo
            }
            return false;
        }
        try {
            process.chmod(output, stat.permissions());
            long access = stat.atime().getEpochSecond() * 1_000_000_000L + stat.atime().getNano();
            long modify = mtime == stat.mtime().getEpochSecond()
                    ? stat.mtime().getEpochSecond() * 1_000_000_000L + stat.mtime().getNano() : mtime * 1_000_000_000L;
            process.utimensat(OpenFlags.AT_FDCWD, output, access, modify, 0);
        } catch (KernelException e) {
            if (e.errno() != Errno.EPERM) {
                fileError(output, Diagnostics.describe(e), false);
            }
        }
        return true;
    }
}
