package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * split [-l N | -b SIZE | -C SIZE | -n CHUNKS | -NUM] [-a N] [-d|-x [FROM]] [-e] [-t SEP] [-u]
 * [--additional-suffix=S] [--verbose] [FILE [PREFIX]]: writes the input in pieces to PREFIXaa,
 * PREFIXab... ({@link SplitNames}): so many lines, bytes, lines of at most so many bytes, or N
 * chunks ({@code N}, {@code K/N} to standard output, {@code l/N} without splitting lines,
 * {@code r/N} round robin). The splitting follows split.c on the input as one buffer.
 */
final class SplitCommand implements Program {
    private static final char ADDITIONAL = '\u0001';
    private static final char VERBOSE = '\u0002';
    private static final char BLKSIZE = '\u0003';
    private static final char NUMERIC = '\u0004';
    private static final char HEX = '\u0005';
    /** The pseudo option standing for getopt's digit options. */
    private static final char DIGITS = '\u0006';
    private static final Options.Parser PARSER = new Options.Parser("C:a:b:del:n:t:ux" + DIGITS + ":",
            "suffix-length:a", "additional-suffix=:" + ADDITIONAL, "bytes:b", "line-bytes:C", "elide-empty-files:e",
            "lines:l", "number:n", "numeric-suffixes?:" + NUMERIC, "hex-suffixes?:" + HEX, "separator:t",
            "unbuffered:u", "verbose:" + VERBOSE, "io-blksize=:" + BLKSIZE);
    private static final String MULTIPLIERS = "bEGKkMmPTYZ0";

    private ProcessApi process;
    private SplitNames names;
    private OutputStream current;
    private String currentName;
    private boolean verbose;
    private boolean elide;
    private Stat input;
    private OutputStream stdout;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        Options options = PARSER.parse(digitOptions(process.args()));
        char type = 0;
        long units = 0;
        long chunk = 0;
        long suffixLength = 0;
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        String start = null;
        String additional = null;
        int eol = -1;
        for (Options.Given given : options.given()) {
            String value = given.value();
            char option = given.option();
            switch (option) {
                case 'a' -> suffixLength = NumberArgs.decimal(value, 0, Long.MAX_VALUE / 8, "", "invalid suffix length");
                case ADDITIONAL -> {
                    if (value.contains("/")) {
                        throw new UsageException("invalid suffix " + Diagnostics.quote(value) + ", contains directory separator");
                    }
                    additional = value;
                }
                case 'b', 'l', 'C', 'n', DIGITS -> {
                    if (type != 0 && !(type == DIGITS && option == DIGITS)) {
                        throw new UsageException("cannot split in more than one way");
                    }
                    type = option;
                    switch (option) {
                        case 'b' -> units = NumberArgs.decimal(value, 1, Long.MAX_VALUE, MULTIPLIERS, "invalid number of bytes");
                        case 'C' -> units = NumberArgs.decimal(value, 1, Long.MAX_VALUE, MULTIPLIERS, "invalid number of bytes");
                        case 'l' -> units = NumberArgs.decimal(value, 1, Long.MAX_VALUE, "", "invalid number of lines");
                        case DIGITS -> units = NumberArgs.decimal(value, 0, Long.MAX_VALUE, "", "invalid number of lines");
                        default -> {
                            String spec = value.stripLeading();
                            if (spec.startsWith("r/")) {
                                type = 'r';
                                spec = spec.substring(2);
                            } else if (spec.startsWith("l/")) {
                                type = 'L';
                                spec = spec.substring(2);
                            }
                            int slash = spec.indexOf('/');
                            if (slash >= 0) {
                                units = NumberArgs.decimal(spec.substring(slash + 1), 1, Long.MAX_VALUE, "",
                                        "invalid number of chunks");
                                if (slash > 0) {
                                    chunk = NumberArgs.decimal(spec.substring(0, slash), 1, units, "", "invalid chunk number");
                                }
                            } else {
                                units = NumberArgs.decimal(spec, 1, Long.MAX_VALUE, "", "invalid number of chunks");
                            }
                        }
                    }
                }
                case 'd', 'x', NUMERIC, HEX -> {
                    boolean decimal = option == 'd' || option == NUMERIC;
                    alphabet = decimal ? "0123456789" : "0123456789abcdef";
                    if (value != null) {
                        for (char c : value.toCharArray()) {
                            if (alphabet.indexOf(c) < 0) {
                                throw new UsageException(Diagnostics.quote(value) + ": invalid start value for "
                                        + (decimal ? "numerical" : "hexadecimal") + " suffix");
                            }
                        }
                        String trimmed = value;
                        while (trimmed.length() > 1 && trimmed.charAt(0) == '0') {
                            trimmed = trimmed.substring(1);
                        }
                        start = trimmed;
                    }
                }
                case 'e' -> elide = true;
                case 't' -> {
                    String t = ByteText.fromArg(value);
                    int newEol;
                    if (t.isEmpty()) {
                        throw UsageException.withoutHint("empty record separator");
                    } else if (t.length() > 1) {
                        if (!t.equals("\\0")) {
                            throw UsageException.withoutHint("multi-character separator " + Diagnostics.quote(value));
                        }
                        newEol = 0;
                    } else {
                        newEol = t.charAt(0);
                    }
                    if (eol >= 0 && newEol != eol) {
                        throw UsageException.withoutHint("multiple separator characters specified");
                    }
                    eol = newEol;
                }
                case VERBOSE -> verbose = true;
                case BLKSIZE -> NumberArgs.decimal(value, 1, Integer.MAX_VALUE - 1, MULTIPLIERS, "invalid IO block size");
                default -> { }
            }
        }
        if (type == 0) {
            type = 'l';
            units = 1000;
        }
        if (type == DIGITS) {
            type = 'l';
        }
        if (units == 0) {
            throw new UsageException("invalid number of lines: '0'");
        }
        if (eol < 0) {
            eol = '\n';
        }
        boolean auto = true;
        if (start != null) {
            auto = false;
        }
        long needed = 0;
        if (type == 'n' || type == 'L' || type == 'r') {
            long end = units - 1;
            if (start != null) {
                long from = Long.parseLong(start.length() > 18 ? "999999999999999999" : start);
                if (from < units) {
                    end += from;
                }
            }
            do {
                needed++;
            } while ((end /= alphabet.length()) != 0);
            auto = false;
        }
        if (suffixLength != 0) {
            if (suffixLength < needed) {
                throw UsageException.withoutHint("the suffix length needs to be at least " + needed);
            }
            auto = false;
        } else {
            suffixLength = Math.max(2, needed);
        }
        List<String> operands = options.operands();
        if (operands.size() > 2) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
        }
        String infile = operands.isEmpty() ? "-" : operands.get(0);
        String prefix = operands.size() > 1 ? operands.get(1) : "x";
        if (start != null && start.length() > suffixLength) {
            throw new UsageException("numerical suffix start value is too large for the suffix length");
        }
        InputStream in;
        try {
            in = InputFiles.open(process, infile);
        } catch (KernelException e) {
            throw UsageException.withoutHint("cannot open " + Diagnostics.quote(infile) + " for reading: "
                    + Diagnostics.describe(e));
        }
        byte[] data;
        try {
            input = infile.equals("-") ? null : process.stat(infile);
            data = in.readAllBytes();
        } catch (KernelException | IOException e) {
            throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(infile) + ": " + Diagnostics.describe(e));
        } finally {
            InputFiles.close(process, in);
        }
        names = new SplitNames(prefix, alphabet, (int) suffixLength, auto, start, additional);
        stdout = ByteText.stdout(process);
        try {
            SplitPieces pieces = new SplitPieces(this, data, (byte) eol);
            switch (type) {
                case 'l' -> pieces.lines(units);
                case 'b' -> pieces.bytes(units, 0);
                case 'C' -> pieces.lineBytes(units);
                case 'n' -> {
                    long size = Math.max(data.length, units);
                    if (chunk == 0) {
                        pieces.bytes(size / units, units);
                    } else {
                        pieces.extract(chunk, units, size);
                    }
                }
                case 'L' -> pieces.lineChunks(chunk, units, Math.max(data.length, units));
                default -> pieces.roundRobin(chunk, units);
            }
        } finally {
            closeCurrent();
            stdout.flush();
        }
        return 0;
    }

    /** cwrite: starts the next file when {@code newFile}, then writes (nothing for a null buffer). */
    void write(boolean newFile, byte[] data, int offset, int length) throws IOException {
        if (newFile) {
            if (data == null && length == 0 && elide) {
                return;
            }
            closeCurrent();
            currentName = names.next();
            current = create(currentName);
        }
        if (data != null && length > 0) {
            current.write(data, offset, length);
        }
    }

    /** Creates (or truncates) the output {@code name}, refusing the input itself. */
    OutputStream create(String name) throws IOException {
        if (verbose) {
            ByteText.writeUtf8(stdout, "creating file " + Diagnostics.quote(name) + "\n");
        }
        Stat existing = FileOps.statOrNull(process, name);
        if (existing != null && input != null && FileOps.sameFile(existing, input)) {
            throw UsageException.withoutHint(Diagnostics.quote(name) + " would overwrite input; aborting");
        }
        try {
            return BufferedOutput.open(process, name, false);
        } catch (KernelException e) {
            throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(name) + ": " + Diagnostics.describe(e));
        }
    }

    /** The next output name, for the round-robin files opened up front. */
    String nextName() {
        return names.next();
    }

    OutputStream stdout() {
        return stdout;
    }

    boolean elide() {
        return elide;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (WriteError e) {
                throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(currentName) + ": "
                        + Diagnostics.describe(e.failure()));
            } catch (IOException e) {
                throw new IllegalStateException(e); // BufferedOutput throws no IOException
            }
            current = null;
        }
    }

    /** getopt's digit options: {@code -5} (or {@code -1 -2}: the last number) as a line count. */
    private static List<String> digitOptions(List<String> args) {
        java.util.ArrayList<String> result = new java.util.ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!ended && arg.matches("-[dexu]*[0-9]+[dexu]*")) {
                String digits = arg.replaceAll("[^0-9]", "");
                String flags = arg.replaceAll("[0-9]", "");
                if (flags.length() > 1) {
                    result.add(flags);
                }
                result.add("-" + DIGITS + digits);
                continue;
            }
            ended |= arg.equals("--");
            result.add(arg);
            if (!ended && arg.matches("-[dexu]*[CablntL]") && i + 1 < args.size()) {
                result.add(args.get(++i));
            }
        }
        return result;
    }
}
