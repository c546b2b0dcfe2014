package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a compiled sed script over its input, cycle by cycle, as GNU sed's execute.c does: the
 * pattern and hold spaces, address ranges, the append queue (a, r, R) dumped at the end of each
 * cycle or before n/N read, and the exit by q/Q. Each command executed is a signal checkpoint,
 * and the pattern space is matched through a watched sequence, so a looping script or a
 * backtracking expression can still be stopped.
 */
final class SedExecutor {
    /** How a pass over the script ended. */
    private enum End { AUTOPRINT, DELETE, RESTART, QUIT, QUIT_SILENT }

    /**
     * Settings from the command line and the locale: with {@code utf8} the pattern and hold spaces
     * are text decoded from the input's bytes (see {@link Utf8#decode}), so {@code .}, {@code y}
     * and case conversions see characters, and the outputs encode it back.
     */
    record Settings(boolean quiet, boolean posix, int delimiter, int lineWrap, boolean utf8) {}

    private final ProcessApi process;
    private final List<SedInstruction> program;
    private final SedInput input;
    private final Settings settings;
    private final SedOutput stdout;
    private final Map<String, SedOutput> writeFiles;
    private final Map<String, LineReader> readFiles = new HashMap<>();
    private final List<Object> appendQueue = new ArrayList<>();
    private final CpuCheckpoint checkpoint;
    private SedOutput out;
    private String ps;
    private boolean psTerminated;
    private String hold = "";
    private final MemoryReservation spaces;
    private boolean replaced;
    private Pattern lastRegex;
    private int exitStatus;

    /** A file queued by r, copied when the queue is dumped. */
    private record QueuedFile(String name) {}

    SedExecutor(ProcessApi process, List<SedInstruction> program, SedInput input, Settings settings,
                SedOutput stdout, Map<String, SedOutput> writeFiles) {
        this.process = process;
        this.spaces = new MemoryReservation(process);
        this.program = program;
        this.input = input;
        this.settings = settings;
        this.stdout = stdout;
        this.out = stdout;
        this.writeFiles = writeFiles;
        this.checkpoint = new CpuCheckpoint(process);
        resetRanges();
    }

    /** Sends the output of the following cycles to {@code output} (the temporary file of -i). */
    void redirect(SedOutput output) {
        this.out = output == null ? stdout : output;
    }

    /** Starts every range afresh, as at the start of each file under -s and -i. */
    void resetRanges() {
        for (SedInstruction instruction : program) {
            instruction.rangeActive = instruction.first != null && instruction.second != null
                    && instruction.first.kind == SedAddress.Kind.ZERO;
            instruction.rangeClosed = false;
        }
    }

    /**
     * Runs the script over all input.
     *
     * @return the status asked for by q or Q, or -1 when the input ran out
     */
    int run() throws IOException {
        while (true) {
            String line = input.next(false);
            if (line == null) {
                return -1;
            }
            ps = decoded(line);
            psTerminated = input.terminated();
            replaced = false;
            End end;
            do {
                end = execute();
                switch (end) {
                    case AUTOPRINT -> {
                        if (!settings.quiet()) {
                            out.writeLine(ps, psTerminated, settings.delimiter());
                        }
                        dumpAppend();
                    }
                    case DELETE, RESTART -> dumpAppend();
                    case QUIT -> {
                        if (!settings.quiet()) {
                            out.writeLine(ps, psTerminated, settings.delimiter());
                        }
                        dumpAppend();
                        return exitStatus;
                    }
                    case QUIT_SILENT -> {
                        return exitStatus;
                    }
                }
            } while (end == End.RESTART);
        }
    }

    /**
     * Charges the pattern and hold spaces as they grow (N, G, H gather whole inputs): past the
     * process's memory, GNU's panic "couldn't re-allocate memory" (4), not the JVM's heap.
     */
    private void chargeSpaces() {
        long held = (ps == null ? 0L : ps.length()) + hold.length();
        if (held > spaces.charged()) {
            try {
                spaces.ensure(held * 3); // both spaces, and the copy the next append makes
            } catch (KernelException e) {
                if (e.errno() != Errno.ENOMEM) {
                    throw e;
                }
                throw new SedException("couldn't re-allocate memory", 4);
            }
        }
    }

    private End execute() throws IOException {
        int pc = 0;
        int size = program.size();
        while (pc < size) {
            checkpoint.poll();
            chargeSpaces();
            SedInstruction in = program.get(pc);
            if (!matches(in)) {
                pc = in.name == '{' ? in.target : pc + 1;
                continue;
            }
            pc++;
            switch (in.name) {
                case '{', '}', ':' -> { }
                case '=' -> out.write(input.lineNumber() + String.valueOf((char) settings.delimiter()));
                case 'a' -> appendQueue.add(text(in));
                case 'i' -> out.write(text(in));
                case 'c' -> {
                    if (!in.rangeActive) {
                        out.write(text(in));
                    }
                    return End.DELETE;
                }
                case 'b' -> pc = in.target;
                case 't' -> {
                    if (replaced) {
                        replaced = false;
                        pc = in.target;
                    }
                }
                case 'T' -> {
                    if (!replaced) {
                        pc = in.target;
                    } else {
                        replaced = false;
                    }
                }
                case 'd' -> {
                    return End.DELETE;
                }
                case 'D' -> {
                    int newline = ps.indexOf(settings.delimiter());
                    if (newline < 0) {
                        return End.DELETE;
                    }
                    ps = ps.substring(newline + 1);
                    return End.RESTART;
                }
                case 'e' -> { }
                case 'F' -> out.write(input.fileName() + (char) settings.delimiter());
                case 'g' -> ps = hold;
                case 'G' -> ps = ps + (char) settings.delimiter() + hold;
                case 'h' -> hold = ps;
                case 'H' -> hold = hold + (char) settings.delimiter() + ps;
                case 'x' -> {
                    String swap = ps;
                    ps = hold;
                    hold = swap;
                }
                case 'l' -> list(in.number < 0 ? settings.lineWrap() : in.number);
                case 'L' -> { }
                case 'n' -> {
                    if (input.isLast()) {
                        if (!settings.quiet() && !settings.posix()) {
                            out.writeLine(ps, psTerminated, settings.delimiter());
                        }
                        return End.DELETE;
                    }
                    if (!settings.quiet()) {
                        out.writeLine(ps, psTerminated, settings.delimiter());
                    }
                    dumpAppend();
                    ps = decoded(input.next(true));
                    psTerminated = input.terminated();
                    replaced = false;
                }
                case 'N' -> {
                    if (input.isLast()) {
                        if (!settings.quiet() && !settings.posix()) {
                            out.writeLine(ps, psTerminated, settings.delimiter());
                        }
                        return End.DELETE;
                    }
                    dumpAppend();
                    ps = ps + (char) settings.delimiter() + decoded(input.next(true));
                    psTerminated = input.terminated();
                    replaced = false;
                }
                case 'p' -> out.writeLine(ps, psTerminated, settings.delimiter());
                case 'P' -> {
                    int newline = ps.indexOf(settings.delimiter());
                    out.writeLine(newline < 0 ? ps : ps.substring(0, newline), true, settings.delimiter());
                }
                case 'q' -> {
                    exitStatus = Math.max(in.number, 0);
                    return End.QUIT;
                }
                case 'Q' -> {
                    exitStatus = Math.max(in.number, 0);
                    return End.QUIT_SILENT;
                }
                case 'r' -> appendQueue.add(new QueuedFile(in.fileName));
                case 'R' -> readLineFrom(in.fileName);
                case 's' -> substitute(in);
                case 'w' -> writeFile(in.fileName).writeLine(ps, psTerminated, settings.delimiter());
                case 'W' -> {
                    int newline = ps.indexOf(settings.delimiter());
                    writeFile(in.fileName).writeLine(newline < 0 ? ps : ps.substring(0, newline), true,
                            settings.delimiter());
                }
                case 'y' -> ps = translate(in, ps);
                case 'z' -> ps = "";
                default -> throw new IllegalStateException("unknown sed command " + in.name);
            }
        }
        return End.AUTOPRINT;
    }

    /** The text of a, i or c, its last newline turned into the line delimiter (NUL under -z). */
    private String text(SedInstruction in) {
        String text = in.text == null ? "" : in.text;
        if (settings.delimiter() != '\n' && text.endsWith("\n")) {
            return text.substring(0, text.length() - 1) + (char) settings.delimiter();
        }
        return text;
    }

    private SedOutput writeFile(String name) {
        return name.equals("/dev/stdout") ? stdout : writeFiles.get(name);
    }

    // ------------------------------------------------------------------ addresses

    private boolean matches(SedInstruction in) throws IOException {
        if (in.first == null) {
            return true;
        }
        return matchRange(in) != in.negated;
    }

    private boolean matchRange(SedInstruction in) throws IOException {
        long line = input.lineNumber();
        if (in.second == null) {
            return matchOne(in.first);
        }
        if (!in.rangeActive) {
            if (in.rangeClosed || !matchOne(in.first)) {
                return false;
            }
            SedAddress end = in.second;
            switch (end.kind) {
                case LINE -> {
                    if (end.number > line) {
                        in.rangeActive = true;
                        in.rangeEnd = end.number;
                    }
                }
                case PLUS -> {
                    if (end.number > 0) {
                        in.rangeActive = true;
                        in.rangeEnd = line + end.number;
                    }
                }
                case MULTIPLE -> {
                    if (end.number > 0) {
                        in.rangeActive = true;
                        in.rangeEnd = (line / end.number + 1) * end.number;
                    }
                }
                case LAST -> in.rangeActive = !input.isLast();
                default -> in.rangeActive = true;
            }
            return true;
        }
        SedAddress end = in.second;
        switch (end.kind) {
            case LINE, PLUS, MULTIPLE -> {
                if (line >= in.rangeEnd) {
                    in.rangeActive = false;
                }
                return line <= in.rangeEnd;
            }
            case LAST -> {
                if (input.isLast()) {
                    in.rangeActive = false;
                }
                return true;
            }
            default -> {
                if (matchOne(end)) {
                    in.rangeActive = false;
                    if (in.first.kind == SedAddress.Kind.ZERO) {
                        in.rangeClosed = true;
                    }
                }
                return true;
            }
        }
    }

    private boolean matchOne(SedAddress address) throws IOException {
        return switch (address.kind) {
            case LINE -> input.lineNumber() == address.number;
            case LAST -> input.isLast();
            case STEP -> address.step <= 0 ? input.lineNumber() == address.number
                    : input.lineNumber() >= address.number && (input.lineNumber() - address.number) % address.step == 0;
            case REGEX -> regex(address.regex).matcher(checkpoint.watch(ps)).find();
            default -> false;
        };
    }

    /** The expression to use: {@code regex}, or the last one used for the empty regex. */
    private Pattern regex(Pattern regex) {
        if (regex == null) {
            if (lastRegex == null) {
                throw new SedException("-e expression #1, char 0: no previous regular expression", 1);
            }
            return lastRegex;
        }
        lastRegex = regex;
        return regex;
    }

    // ------------------------------------------------------------------ s and y

    private void substitute(SedInstruction in) throws IOException {
        Pattern pattern = regex(in.regex);
        Matcher m = pattern.matcher(checkpoint.watch(ps));
        int length = ps.length();
        int from = 0;
        int copied = 0;
        int previousEnd = -1;
        int count = 0;
        StringBuilder result = null;
        while (from <= length && m.find(from)) {
            int start = m.start();
            int end = m.end();
            if (start == end && start == previousEnd) {
                // no empty match right after a match, as GNU's re_search loop
                if (start >= length) {
                    break;
                }
                from = start + 1;
                continue;
            }
            count++;
            if (count >= in.occurrence) {
                if (result == null) {
                    result = new StringBuilder(length + 16);
                }
                result.append(ps, copied, start);
                in.replacement.append(m, ps, result);
                copied = end;
                if (!in.global) {
                    break;
                }
            }
            previousEnd = end;
            from = start == end ? end + 1 : end;
        }
        if (result == null) {
            return;
        }
        result.append(ps, copied, length);
        ps = result.toString();
        replaced = true;
        if (in.print) {
            out.writeLine(ps, psTerminated, settings.delimiter());
        }
        if (in.writeFile != null) {
            writeFile(in.writeFile).writeLine(ps, psTerminated, settings.delimiter());
        }
    }

    private static String translate(SedInstruction in, String text) {
        int[] codes = text.codePoints().toArray();
        boolean changed = false;
        for (int i = 0; i < codes.length; i++) {
            for (int k = 0; k < in.translateFrom.length; k++) {
                if (codes[i] == in.translateFrom[k]) {
                    codes[i] = in.translateTo[k];
                    changed = true;
                    break;
                }
            }
        }
        return changed ? new String(codes, 0, codes.length) : text;
    }

    // ------------------------------------------------------------------ l, r, R

    /** A line read, as the pattern space holds it. */
    private String decoded(String line) {
        return settings.utf8() ? Utf8.decode(line) : line;
    }

    /**
     * The l command: the pattern space unambiguously, wrapped at {@code width} (0 or 1: never).
     * Its bytes are shown, in a UTF-8 locale too: GNU sed escapes each byte of a multibyte
     * character in octal there as well.
     */
    private void list(int width) throws IOException {
        String ps = settings.utf8() ? Utf8.encode(this.ps) : this.ps;
        StringBuilder b = new StringBuilder(ps.length() + 8);
        int column = 0;
        for (int i = 0; i < ps.length(); i++) {
            char c = ps.charAt(i);
            String shown = switch (c) {
                case '\\' -> "\\\\";
                case 7 -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case 11 -> "\\v";
                default -> c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\%03o", (int) c);
            };
            if (width > 1 && column + shown.length() > width - 1) {
                b.append("\\\n");
                column = 0;
            }
            b.append(shown);
            column += shown.length();
        }
        b.append('$').append((char) settings.delimiter());
        out.write(b.toString()); // ASCII, the same encoded or not
    }

    private void readLineFrom(String name) throws IOException {
        LineReader reader = readFiles.get(name);
        if (reader == null) {
            if (readFiles.containsKey(name)) {
                return;
            }
            try {
                InputStream in = name.equals("/dev/stdin") ? process.stdin() : process.openRead(name);
                reader = new LineReader(in, settings.delimiter());
            } catch (KernelException e) {
                reader = null;
            }
            readFiles.put(name, reader);
            if (reader == null) {
                return;
            }
        }
        String line = reader.next();
        if (line != null) {
            appendQueue.add(decoded(line) + (char) settings.delimiter());
        }
    }

    /** Writes the queued text and files, in order, and empties the queue. */
    private void dumpAppend() throws IOException {
        if (appendQueue.isEmpty()) {
            return;
        }
        for (Object item : appendQueue) {
            if (item instanceof String text) {
                out.write(text);
            } else if (item instanceof QueuedFile file) {
                copyFile(file.name());
            }
        }
        appendQueue.clear();
    }

    private void copyFile(String name) throws IOException {
        InputStream in;
        try {
            in = name.equals("/dev/stdin") ? process.stdin() : process.openRead(name);
        } catch (KernelException e) {
            return; // r of a file that cannot be read adds nothing, silently
        }
        try {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.writeBytes(buffer, n);
            }
        } catch (KernelException | IOException e) {
            // as GNU, a read error in an r file just ends the copy
        } finally {
            if (in != process.stdin()) {
                in.close();
            }
        }
    }
}
