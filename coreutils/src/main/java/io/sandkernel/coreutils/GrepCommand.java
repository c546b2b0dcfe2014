package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * grep [-EFGiyvcnlLqsrRwxoHh] [-e PATTERN]... [-f FILE] [-m NUM] PATTERNS [FILE]...: prints the
 * lines that match. Basic regular expressions by default, extended with {@code -E}, fixed strings
 * with {@code -F}. Exit status 0 when a line was selected, 1 when none, 2 on error.
 */
final class GrepCommand implements Program {
    private static final char COLOR = '\u0001';
    private static final char INCLUDE = '\u0002';
    private static final char EXCLUDE = '\u0003';
    private static final char EXCLUDE_DIR = '\u0004';
    private static final int BINARY_PROBE = 32 * 1024;
    private static final Options.Parser PARSER = new Options.Parser("abEFGHhiyvcnlLqsrRwxoe:f:m:A:B:C:",
            "text:a", "extended-regexp:E", "fixed-strings:F", "basic-regexp:G", "with-filename:H", "no-filename:h",
            "ignore-case:i", "invert-match:v", "byte-offset:b", "count:c", "line-number:n", "files-with-matches:l",
            "files-without-match:L", "quiet:q", "silent:q", "no-messages:s", "recursive:r",
            "dereference-recursive:R", "word-regexp:w", "line-regexp:x", "only-matching:o", "regexp:e",
            "file:f", "max-count:m", "after-context:A", "before-context:B", "context:C", "color?:" + COLOR, "colour?:" + COLOR,
            "include=:" + INCLUDE, "exclude=:" + EXCLUDE, "exclude-dir=:" + EXCLUDE_DIR);

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private List<Pattern> patterns;
    /** For each pattern, the byte string it matches literally (found with indexOf), or null. */
    private List<String> literals;
    private boolean invert;
    private boolean count;
    private boolean listMatching;
    private boolean listNonMatching;
    private boolean quiet;
    private boolean lineNumbers;
    private boolean byteOffsets;
    /** Whether the locale is UTF-8: lines are then matched as decoded text (see {@link Utf8#decode}). */
    private boolean utf8;
    private boolean onlyMatching;
    private boolean noMessages;
    private boolean text;
    private long maxCount;
    private int after;
    private int before;
    private boolean printedGroup;
    private List<Pattern> includes;
    private List<Pattern> excludes;
    private List<Pattern> excludedDirectories;
    private boolean anySelected;
    private boolean done;
    private boolean followLinks;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "grep");
        Options options = PARSER.parse(process.args());
        List<String> operands = new ArrayList<>(options.operands());
        List<String> sources = new ArrayList<>();
        for (Options.Given given : options.given()) {
            if (given.option() == 'e') {
                sources.add(ByteText.fromArg(given.value()));
            } else if (given.option() == 'f') {
                sources.addAll(readPatternFile(given.value()));
            }
        }
        if (!options.has('e') && !options.has('f')) {
            if (operands.isEmpty()) {
                throw UsageException.hintOnly();
            }
            sources.add(ByteText.fromArg(operands.remove(0)));
        }
        char syntax = options.last("EFG", 'G');
        boolean ignoreCase = options.has('i') || options.has('y');
        utf8 = Locales.isUtf8(process);
        patterns = new ArrayList<>();
        literals = new ArrayList<>();
        boolean plain = !ignoreCase && !options.has('w') && !options.has('x');
        for (String source : sources) {
            for (String line : source.split("\n", -1)) {
                literals.add(plain && isLiteral(line, syntax) && (!utf8 || Utf8.isValid(line)) ? line : null);
                patterns.add(PosixRegex.compile(utf8 ? Utf8.decode(line) : line, syntax == 'E', syntax == 'F', ignoreCase,
                        options.has('w'), options.has('x'), warning -> diagnostics.warn("warning: " + warning), utf8));
            }
        }
        invert = options.has('v');
        count = options.has('c');
        listMatching = options.has('l');
        listNonMatching = options.has('L');
        quiet = options.has('q');
        lineNumbers = options.has('n');
        byteOffsets = options.has('b');
        onlyMatching = options.has('o');
        noMessages = options.has('s');
        text = options.has('a');
        long max = number(options.value('m', "-1"), "max count");
        maxCount = max < 0 ? Long.MAX_VALUE : max;
        int context = contextLength(options.value('C', "0"));
        after = options.has('A') ? contextLength(options.value('A', "0")) : context;
        before = options.has('B') ? contextLength(options.value('B', "0")) : context;
        includes = globs(options.values(INCLUDE));
        excludes = globs(options.values(EXCLUDE));
        excludedDirectories = globs(options.values(EXCLUDE_DIR));
        boolean recursive = options.has('r') || options.has('R');
        followLinks = options.has('R');
        boolean defaultDot = operands.isEmpty() && recursive;
        if (operands.isEmpty()) {
            operands.add(recursive ? "." : "-");
        }
        char naming = options.last("Hh", 'x');
        out = ByteText.stdout(process);
        for (String operand : operands) {
            if (done) {
                break;
            }
            boolean showName = naming == 'H' || (naming != 'h' && operands.size() > 1);
            if (recursive && !operand.equals("-") && isDirectory(operand)) {
                walk(operand, defaultDot ? "" : operand, naming != 'h');
            } else {
                searchFile(operand, operand, showName);
            }
        }
        out.flush();
        if (diagnostics.failed() && !(quiet && anySelected)) {
            return 2;
        }
        return anySelected ? 0 : 1;
    }

    private static long number(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw UsageException.withoutHint("invalid " + what + " " + Diagnostics.quote(text));
        }
    }

    private static int contextLength(String text) {
        long value = number(text, "context length argument");
        if (value < 0) {
            throw UsageException.withoutHint(text + ": invalid context length argument");
        }
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    private List<String> readPatternFile(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = name.equals("-") ? null : process.openRead(name)) {
            LineReader reader = new LineReader(in == null ? process.stdin() : in);
            String line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        } catch (KernelException e) {
            diagnostics.fileError(name, e);
            throw UsageException.withoutHint("no patterns could be read from " + Diagnostics.quote(name));
        }
        return lines;
    }

    private boolean isDirectory(String name) {
        return FileOps.isDirectory(process, name);
    }

    /**
     * Searches a directory tree, files in name order; {@code shown} is the name prefix to print.
     * As GNU's grep -r, symbolic links met on the way are skipped (followed with -R), and so are
     * devices, FIFOs and sockets.
     */
    private void walk(String path, String shown, boolean showNames) throws IOException {
        List<DirEntry> entries;
        try {
            entries = process.listDirectory(path);
        } catch (KernelException e) {
            report(path, e);
            return;
        }
        for (DirEntry entry : entries) {
            if (done) {
                return;
            }
            String name = entry.name();
            String child = FileOps.join(path, name);
            String childShown = shown.isEmpty() ? name : FileOps.join(shown, name);
            FileType type = entry.type();
            if (type == FileType.UNKNOWN || (type == FileType.SYMLINK && followLinks)) {
                Stat stat = followLinks ? FileOps.statOrNull(process, child) : FileOps.lstatOrNull(process, child);
                if (stat == null) {
                    if (type == FileType.SYMLINK) {
                        continue; // a dangling link met while recursing is skipped silently, as GNU's
                    }
                    report(child, new KernelException(io.sandkernel.Errno.ENOENT, child));
                    continue;
                }
                type = stat.type();
            }
            if (type == FileType.DIRECTORY) {
                if (!anyMatches(excludedDirectories, name)) {
                    walk(child, childShown, showNames);
                }
            } else if (type == FileType.REGULAR
                    && (includes.isEmpty() || anyMatches(includes, name)) && !anyMatches(excludes, name)) {
                searchFile(child, childShown, showNames);
            }
        }
    }

    /** Shell globs ({@code * ? [...]}) as patterns on file names, for --include and --exclude. */
    private static List<Pattern> globs(List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
                if (c == '*') {
                    regex.append(".*");
                } else if (c == '?') {
                    regex.append('.');
                } else if (close > 0) {
                    String set = glob.substring(i + 1, close);
                    regex.append(set.startsWith("!") ? "[^" : "[");
                    for (char member : (set.startsWith("!") ? set.substring(1) : set).toCharArray()) {
                        regex.append(Character.isLetterOrDigit(member) || member == '-' ? "" : "\\").append(member);
                    }
                    regex.append(']');
                    i = close;
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            patterns.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
        return patterns;
    }

    private static boolean anyMatches(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) { // a file name against a glob: linear
                return true;
            }
        }
        return false;
    }

    private void report(String name, Exception e) {
        if (noMessages) {
            diagnostics.fail();
        } else {
            diagnostics.fileError(name, e);
        }
    }

    private void searchFile(String path, String shown, boolean showName) throws IOException {
        String name = path.equals("-") ? "(standard input)" : shown;
        if (!path.equals("-") && isDirectory(path)) {
            report(path, new KernelException(io.sandkernel.Errno.EISDIR, path));
            return;
        }
        try {
            if (path.equals("-")) {
                search(process.stdin(), name, showName);
            } else {
                try (InputStream in = process.openRead(path)) {
                    search(in, name, showName);
                }
            }
        } catch (KernelException | IOException e) {
            report(path, e);
        }
    }

    private void search(InputStream input, String name, boolean showName) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, BINARY_PROBE);
        boolean binary = !text && startsBinary(in);
        LineReader lines = new LineReader(in, '\n', out);
        String prefix = showName ? ByteText.fromArg(name) : null;
        boolean printing = !(count || listMatching || listNonMatching);
        ArrayDeque<Object[]> beforeLines = new ArrayDeque<>();
        long lastPrinted = -1;
        long afterLeft = 0;
        long selected = 0;
        long number = 0;
        long offset = 0;
        long nextOffset = 0;
        String line;
        while ((line = lines.next()) != null) {
            number++;
            offset = nextOffset;
            nextOffset += line.length() + 1;
            boolean isSelected = selected < maxCount && matches(line) != invert;
            if (isSelected) {
                selected++;
                anySelected = true;
                if (quiet) {
                    done = true;
                    return;
                }
                if (listMatching || listNonMatching) {
                    break;
                }
                if (printing && (binary || utf8 && !text && !Utf8.isValid(line))) {
                    // GNU treats a line it would print with an encoding error as a sign of binary data
                    diagnostics.warn(name + ": binary file matches");
                    break;
                }
                if (printing) {
                    for (Object[] held : beforeLines) {
                        lastPrinted = print(prefix, (Long) held[0], (Long) held[2], (String) held[1], '-', lastPrinted);
                    }
                    beforeLines.clear();
                    lastPrinted = print(prefix, number, offset, line, ':', lastPrinted);
                    afterLeft = after;
                }
            } else if (printing && afterLeft > 0) {
                afterLeft--;
                lastPrinted = print(prefix, number, offset, line, '-', lastPrinted);
            } else if (selected >= maxCount) {
                break;
            } else if (printing && before > 0) {
                beforeLines.addLast(new Object[] {number, line, offset});
                if (beforeLines.size() > before) {
                    beforeLines.removeFirst();
                }
            }
        }
        if (count) {
            ByteText.write(out, (prefix == null ? "" : prefix + ":") + selected + "\n");
        }
        if ((listMatching && selected > 0) || (listNonMatching && selected == 0)) {
            ByteText.writeUtf8(out, name + "\n");
        }
        out.flush();
    }

    /**
     * Whether the first block of input holds a NUL byte, GNU's sign of a binary file. One read
     * only, so a slow pipe is not waited for.
     */
    private static boolean startsBinary(BufferedInputStream in) throws IOException {
        in.mark(BINARY_PROBE);
        byte[] probe = new byte[BINARY_PROBE];
        int length = in.read(probe, 0, probe.length);
        in.reset();
        for (int i = 0; i < length; i++) {
            if (probe[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Prints a selected (':') or context ('-') line, with a "--" between groups; returns its number. */
    private long print(String prefix, long number, long offset, String line, char separator, long lastPrinted)
            throws IOException {
        if ((after > 0 || before > 0) && printedGroup && (lastPrinted < 0 || number > lastPrinted + 1)) {
            ByteText.write(out, "--\n");
        }
        printedGroup = true;
        String lead = (prefix == null ? "" : prefix + separator) + (lineNumbers ? number + String.valueOf(separator) : "");
        if (separator == ':' || !onlyMatching) {
            printLine(lead, line, offset, separator);
        }
        return number;
    }

    /**
     * Whether a pattern means its own bytes: fixed strings, or an expression without operators.
     * Valid UTF-8 is self-synchronising, so such a pattern matches the bytes of a line exactly
     * where it matches its characters, and no decoding is needed.
     */
    private static boolean isLiteral(String pattern, char syntax) {
        if (syntax == 'F') {
            return true;
        }
        String operators = syntax == 'E' ? "\\.[]*^$+?(){}|" : "\\.[]*^$";
        for (int i = 0; i < pattern.length(); i++) {
            if (operators.indexOf(pattern.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String line) {
        String text = null;
        for (int k = 0; k < patterns.size(); k++) {
            String literal = literals.get(k);
            if (literal != null) {
                if (line.indexOf(literal) >= 0) {
                    return true;
                }
                continue;
            }
            if (text == null) {
                text = utf8 ? Utf8.decode(line) : line;
            }
            if (patterns.get(k).matcher(Checkpoints.text(text, process)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Prints a line, or with -o its matches, each after {@code prefix} and its byte offset when asked. */
    private void printLine(String prefix, String line, long offset, char separator) throws IOException {
        if (!onlyMatching) {
            ByteText.write(out, prefix + (byteOffsets ? offset + String.valueOf(separator) : "") + line + "\n");
            return;
        }
        if (invert) {
            return;
        }
        line = utf8 ? Utf8.decode(line) : line;
        int from = 0;
        while (from <= line.length()) {
            int bestStart = -1;
            int bestEnd = -1;
            for (Pattern pattern : patterns) {
                Matcher m = pattern.matcher(Checkpoints.text(line, process));
                if (m.find(from) && (bestStart < 0 || m.start() < bestStart || (m.start() == bestStart && m.end() > bestEnd))) {
                    bestStart = m.start();
                    bestEnd = m.end();
                }
            }
            if (bestStart < 0) {
                return;
            }
            if (bestEnd > bestStart) {
                String before = byteOffsets ? (offset + encoded(line.substring(0, bestStart)).length()) + ":" : "";
                ByteText.write(out, prefix + before + encoded(line.substring(bestStart, bestEnd)) + "\n");
                from = bestEnd;
            } else {
                from = bestEnd + 1;
            }
        }
    }

    private String encoded(String text) {
        return utf8 ? Utf8.encode(text) : text;
    }
}
