package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * sed [-nEersuz] [-e SCRIPT]... [-f FILE]... [-i[SUFFIX]] [-l N] [SCRIPT] [FILE]...: the stream
 * editor, as GNU sed 4.9 for the commands and options scripts use (see {@link SedParser} and
 * {@link SedExecutor}). {@code -i} writes a temporary file in the file's directory through the
 * kernel and renames it over the file (after renaming the original to its backup name when a
 * suffix is given). Exit status 0; 1 for a bad script or usage; 2 when an input file could not
 * be read; 4 when sed had to give up (an unreadable script file, an output it cannot open);
 * or the status given to q or Q.
 */
final class SedCommand implements Program {
    private static final char POSIX = '\u0001';
    private static final char DEBUG = '\u0002';
    private static final char SANDBOX = '\u0003';
    private static final char FOLLOW = '\u0004';
    private static final Options.Parser PARSER = new Options.Parser("nrEsuze:f:l:i",
            "quiet:n", "silent:n", "expression:e", "file:f", "in-place?:i", "line-length:l",
            "regexp-extended:E", "separate:s", "null-data:z", "zero-terminated:z", "unbuffered:u",
            "posix:" + POSIX, "debug:" + DEBUG, "sandbox:" + SANDBOX, "follow-symlinks:" + FOLLOW);

    private ProcessApi process;
    private Diagnostics diagnostics;
    private SedExecutor executor;
    private String suffix;
    private String editing;
    private String temporary;
    private SedOutput editOutput;
    /** Whether the locale is UTF-8: sed then works on characters (see {@link SedExecutor.Settings}). */
    private boolean utf8;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "sed");
        Options options;
        try {
            options = PARSER.parse(attachInPlaceSuffix(process.args()));
        } catch (UsageException e) {
            if (e.kind() == UsageException.Kind.HELP) {
                OutputStream out = ByteText.stdout(process);
                ByteText.write(out, USAGE + "E-mail bug reports to: <bug-sed@gnu.org>.\n");
                out.flush();
                return 0;
            }
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            diagnostics.error(e.getMessage());
            return usage(1);
        }
        List<String> operands = new ArrayList<>(options.operands());
        boolean extended = options.has('E') || options.has('r');
        boolean posix = options.has(POSIX);
        try {
            return run(options, operands, extended, posix);
        } catch (WriteError e) {
            diagnostics.error((e.name() == null ? "couldn't flush stdout: " : "couldn't write to " + e.name() + ": ")
                    + Diagnostics.describe(e.failure()));
            return 4;
        } catch (SedException e) {
            if (e.getMessage() != null) {
                diagnostics.error(e.getMessage());
            }
            return e.status();
        }
    }

    private int run(Options options, List<String> operands, boolean extended, boolean posix) throws IOException {
        List<SedParser.Piece> pieces = new ArrayList<>();
        int expressions = 0;
        for (Options.Given given : options.given()) {
            if (given.option() == 'e') {
                pieces.add(new SedParser.Piece(ByteText.fromArg(given.value()), ++expressions, null));
            } else if (given.option() == 'f') {
                pieces.add(new SedParser.Piece(readScript(given.value()), 0, given.value()));
            }
        }
        if (pieces.isEmpty()) {
            if (operands.isEmpty()) {
                return usage(1);
            }
            pieces.add(new SedParser.Piece(ByteText.fromArg(operands.remove(0)), 1, null));
        }
        int lineWrap = 70;
        if (options.has('l')) {
            String value = options.value('l', "70");
            try {
                lineWrap = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                diagnostics.error("invalid line length: " + value); // GNU: "sed: invalid -l argument"
                return 1;
            }
        }
        boolean inPlace = options.has('i');
        suffix = inPlace ? options.value('i', null) : null;
        utf8 = Locales.isUtf8(process);
        SedParser.Program program = new SedParser(extended, posix, utf8).compile(pieces);
        int delimiter = options.has('z') ? 0 : '\n';
        boolean quiet = options.has('n') || program.quietByHashN();
        if (inPlace && operands.isEmpty()) {
            throw new SedException("no input files", 4);
        }
        OutputStream stdoutStream = ByteText.stdout(process);
        SedOutput stdout = new SedOutput(stdoutStream, false, utf8);
        Map<String, SedOutput> writeFiles = openWriteFiles(program, stdout);
        SedInput input = new SedInput(process, diagnostics, OperandReader.orStdin(operands), delimiter,
                inPlace || options.has('s'), inPlace ? this::startEditing : null, stdoutStream::flush);
        executor = new SedExecutor(process, program.instructions(), input, new SedExecutor.Settings(quiet, posix,
                delimiter, lineWrap, utf8), stdout, writeFiles);
        int quit;
        try {
            quit = executor.run();
            finishEditing();
        } finally {
            input.close();
            for (SedOutput output : writeFiles.values()) {
                if (output != stdout) {
                    output.close();
                }
            }
            stdout.flush();
        }
        if (diagnostics.failed()) {
            return 2;
        }
        return Math.max(quit, 0);
    }

    /**
     * GNU's {@code -i[SUFFIX]} takes its suffix only attached ({@code -i.bak}; {@code -ie} means
     * the suffix "e"), which getopt-style parsing of a plain option cannot express: rewrite it as
     * {@code --in-place[=SUFFIX]} first, minding clusters such as {@code -ni} and options whose
     * argument follows ({@code -e}, {@code -f}, {@code -l}).
     */
    private static List<String> attachInPlaceSuffix(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        boolean skipNext = false;
        boolean ended = false;
        for (String arg : args) {
            if (skipNext || ended || arg.length() < 2 || arg.charAt(0) != '-' || arg.startsWith("--")) {
                ended |= arg.equals("--");
                skipNext = false;
                out.add(arg);
                continue;
            }
            boolean rewritten = false;
            for (int i = 1; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == 'e' || c == 'f' || c == 'l') {
                    skipNext = i == arg.length() - 1;
                    break;
                }
                if (c == 'i') {
                    if (i > 1) {
                        out.add(arg.substring(0, i));
                    }
                    out.add(i + 1 < arg.length() ? "--in-place=" + arg.substring(i + 1) : "--in-place");
                    rewritten = true;
                    break;
                }
            }
            if (!rewritten) {
                out.add(arg);
            }
        }
        return out;
    }

    private String readScript(String name) throws IOException {
        try (InputStream in = name.equals("-") ? null : process.openRead(name)) {
            byte[] bytes = (in == null ? process.stdin() : in).readAllBytes();
            String text = ByteText.of(bytes, 0, bytes.length);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (KernelException e) {
            throw new SedException("couldn't open file " + name + ": " + Diagnostics.describe(e), 4);
        }
    }

    /** Opens (truncating) every file of w commands and s///w flags now, as GNU does at compile time. */
    private Map<String, SedOutput> openWriteFiles(SedParser.Program program, SedOutput stdout) {
        Map<String, SedOutput> files = new LinkedHashMap<>();
        for (String name : program.writeFiles()) {
            if (name.equals("/dev/stdout")) {
                files.put(name, stdout);
                continue;
            }
            try {
                OutputStream out = name.equals("/dev/stderr") ? process.output(2) : BufferedOutput.open(process, name, false);
                files.put(name, new SedOutput(out, !name.equals("/dev/stderr"), utf8));
            } catch (KernelException e) {
                throw new SedException("couldn't open file " + name + ": " + Diagnostics.describe(e), 4);
            }
        }
        return files;
    }

    private int usage(int status) {
        process.stderr().writeBytes(ByteText.bytes(USAGE));
        process.stderr().flush();
        return status;
    }

    /** GNU sed 4.9's usage text. */
    private static final String USAGE = """
                Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

                  -n, --quiet, --silent
                                 suppress automatic printing of pattern space
                      --debug
                                 annotate program execution
                  -e script, --expression=script
                                 add the script to the commands to be executed
                  -f script-file, --file=script-file
                                 add the contents of script-file to the commands to be executed
                  --follow-symlinks
                                 follow symlinks when processing in place
                  -i[SUFFIX], --in-place[=SUFFIX]
                                 edit files in place (makes backup if SUFFIX supplied)
                  -l N, --line-length=N
                                 specify the desired line-wrap length for the `l' command
                  --posix
                                 disable all GNU extensions.
                  -E, -r, --regexp-extended
                                 use extended regular expressions in the script
                                 (for portability use POSIX -E).
                  -s, --separate
                                 consider files as separate rather than as a single,
                                 continuous long stream.
                      --sandbox
                                 operate in sandbox mode (disable e/r/w commands).
                  -u, --unbuffered
                                 load minimal amounts of data from the input files and flush
                                 the output buffers more often
                  -z, --null-data
                                 separate lines by NUL characters
                      --help     display this help and exit
                      --version  output version information and exit

                If no -e, --expression, -f, or --file option is given, then the first
                non-option argument is taken as the sed script to interpret.  All
                remaining arguments are names of input files; if no input files are
                specified, then the standard input is read.

                GNU sed home page: <https://www.gnu.org/software/sed/>.
                General help using GNU software: <https://www.gnu.org/gethelp/>.
                """;

    // ------------------------------------------------------------------ -i

    /** A new file is being read under -i: finish the previous one and send output to a temporary file. */
    private void startEditing(String name) {
        try {
            finishEditing();
        } catch (IOException e) {
            throw new SedException("couldn't edit " + editing + ": " + Diagnostics.describe(e), 4);
        }
        if (name.equals("-")) {
            throw new SedException("couldn't edit -: not a regular file", 4);
        }
        Stat stat;
        try {
            stat = process.stat(name);
        } catch (KernelException e) {
            throw new SedException("couldn't edit " + name + ": " + Diagnostics.describe(e), 4);
        }
        if (!stat.isRegularFile()) {
            throw new SedException("couldn't edit " + name + ": not a regular file", 4);
        }
        String directory = FileOps.parent(name);
        int fd = -1;
        String path = null;
        for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
            path = FileOps.join(directory, "sed" + randomSuffix());
            try {
                fd = process.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_CLOEXEC,
                        0600);
            } catch (KernelException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw new SedException("couldn't open temporary file " + path + ": " + Diagnostics.describe(e), 4);
                }
            }
        }
        try {
            process.fchmod(fd, stat.permissions());
        } catch (KernelException e) {
            // the mode is kept when possible, as GNU does
        } finally {
            process.close(fd);
        }
        editing = name;
        temporary = path;
        // the name is reserved (O_EXCL) above; the buffered output opens it again for writing
        editOutput = new SedOutput(BufferedOutput.open(process, path, false), true, utf8);
        executor.redirect(editOutput);
        executor.resetRanges();
    }

    private static String randomSuffix() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            b.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return b.toString();
    }

    /** Closes the temporary file of the file being edited and puts it in place (after the backup). */
    private void finishEditing() throws IOException {
        if (editing == null) {
            return;
        }
        String name = editing;
        editing = null;
        executor.redirect(null);
        editOutput.close();
        if (suffix != null && !suffix.isEmpty()) {
            String backup = suffix.contains("*")
                    ? suffix.replace("*", FileOps.baseName(name)) : name + suffix;
            if (!backup.contains("/")) {
                backup = FileOps.join(FileOps.parent(name), backup);
            }
            try {
                process.rename(name, backup);
            } catch (KernelException e) {
                throw new SedException("cannot rename " + name + ": " + Diagnostics.describe(e), 4);
            }
        }
        try {
            process.rename(temporary, name);
        } catch (KernelException e) {
            throw new SedException("cannot rename " + temporary + ": " + Diagnostics.describe(e), 4);
        }
    }
}
