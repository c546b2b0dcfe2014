package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * diff [-abBiNqrsw] [-c | -C N | -u | -U N] [--label L]... FILE1 FILE2: compares files line by
 * line, as GNU diffutils' diff: normal, context and unified output ({@link DiffFormat}),
 * {@code -q} and {@code -s} reports, binary files, and directories (one level, or all with
 * {@code -r}; {@code -N} treats absent files as empty). The edit script comes from
 * {@link DiffEngine}. Exit status 0 when no differences, 1 when some, 2 on trouble.
 */
final class DiffCommand implements Program {
    private static final char LABEL = '\u0001';
    private static final char NORMAL = '\u0002';
    private static final Options.Parser PARSER = new Options.Parser("abBcC:diNqrsuU:wx:",
            "text:a", "ignore-space-change:b", "ignore-blank-lines:B", "context?:c", "ignore-case:i",
            "new-file:N", "brief:q", "recursive:r", "report-identical-files:s", "unified?:u",
            "ignore-all-space:w", "label=:" + LABEL, "normal:" + NORMAL, "exclude=:x", "minimal:d");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private char format = 'n';
    private int context = 3;
    private boolean brief;
    private boolean reportIdentical;
    private boolean recursive;
    private boolean newFile;
    private boolean text;
    private boolean ignoreCase;
    private boolean ignoreAllSpace;
    private boolean ignoreSpaceChange;
    private boolean ignoreBlankLines;
    private List<String> labels;
    private List<String> excludes;
    private String switches;
    private boolean trouble;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "diff");
        Options options;
        try {
            options = PARSER.parse(process.args());
            configure(options);
            List<String> operands = options.operands();
            if (operands.size() < 2) {
                throw new UsageException("missing operand after " + Diagnostics.quote(
                        operands.isEmpty() ? "diff" : operands.get(operands.size() - 1)));
            }
            if (operands.size() > 2) {
                throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
            }
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            diagnostics.error(e.getMessage());
            diagnostics.warn("Try 'diff --help' for more information.");
            return 2;
        }
        // the "diff -r ... a/x b/x" lines repeat the options as given, shell-quoted, as GNU's do
        List<String> words = new ArrayList<>(process.args());
        for (String operand : List.of(options.operands().get(1), options.operands().get(0))) {
            words.remove(words.lastIndexOf(operand));
        }
        words.remove("--");
        StringBuilder switchText = new StringBuilder();
        for (String word : words) {
            switchText.append(' ').append(shellQuote(word));
        }
        switches = switchText.toString();
        out = ByteText.stdout(process);
        int status;
        try {
            status = compareTop(options.operands().get(0), options.operands().get(1));
        } finally {
            out.flush();
        }
        return trouble ? 2 : status;
    }

    private void configure(Options options) {
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'c' -> {
                    format = 'c';
                    context = given.value() == null ? 3 : number(given.value(), "context length");
                }
                case 'C' -> {
                    format = 'c';
                    context = number(given.value(), "context length");
                }
                case 'u' -> {
                    format = 'u';
                    context = given.value() == null ? 3 : number(given.value(), "context length");
                }
                case 'U' -> {
                    format = 'u';
                    context = number(given.value(), "context length");
                }
                case NORMAL -> format = 'n';
                default -> { }
            }
        }
        brief = options.has('q');
        reportIdentical = options.has('s');
        recursive = options.has('r');
        newFile = options.has('N');
        text = options.has('a');
        ignoreCase = options.has('i');
        ignoreAllSpace = options.has('w');
        ignoreSpaceChange = options.has('b');
        ignoreBlankLines = options.has('B');
        labels = options.values(LABEL);
        excludes = options.values('x');
    }

    private static String shellQuote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static int number(String value, String what) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("invalid " + what + " " + Diagnostics.quote(value));
    }

    // ------------------------------------------------------------------ files and directories

    private Stat statOrReport(String name) {
        if (name.equals("-")) {
            return process.fstat(0);
        }
        try {
            return process.stat(name);
        } catch (KernelException e) {
            return null;
        }
    }

    private int compareTop(String name0, String name1) throws IOException {
        Stat s0 = statOrReport(name0);
        Stat s1 = statOrReport(name1);
        if (s0 == null || s1 == null) {
            for (String name : new String[] {name0, name1}) {
                if (statOrReport(name) == null) {
                    diagnostics.error(name + ": " + reason(name));
                }
            }
            trouble = true;
            return 2;
        }
        boolean dir0 = s0.isDirectory() && !name0.equals("-");
        boolean dir1 = s1.isDirectory() && !name1.equals("-");
        if (dir0 && dir1) {
            return compareDirectories(name0, name1);
        }
        if (dir0) {
            return compareFiles(FileOps.join(name0, FileOps.baseName(name1)), name1, false);
        }
        if (dir1) {
            return compareFiles(name0, FileOps.join(name1, FileOps.baseName(name0)), false);
        }
        return compareFiles(name0, name1, false);
    }

    private String reason(String name) {
        try {
            process.stat(name);
            return "Unknown error";
        } catch (KernelException e) {
            return Diagnostics.describe(e);
        }
    }

    private int compareDirectories(String dir0, String dir1) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Map<String, DirEntry> in0 = list(dir0);
        Map<String, DirEntry> in1 = list(dir1);
        if (in0 == null || in1 == null) {
            trouble = true;
            return 2;
        }
        names.addAll(in0.keySet());
        names.addAll(in1.keySet());
        int status = 0;
        for (String name : names) {
            if (excluded(name)) {
                continue;
            }
            String path0 = FileOps.join(dir0, name);
            String path1 = FileOps.join(dir1, name);
            Stat s0 = in0.containsKey(name) ? statOrReport(path0) : null;
            Stat s1 = in1.containsKey(name) ? statOrReport(path1) : null;
            if (s0 == null || s1 == null) {
                Stat present = s0 != null ? s0 : s1;
                if (newFile && present != null && present.isRegularFile()) {
                    status = Math.max(status, compareFiles(path0, path1, true));
                } else if (newFile && present != null && present.isDirectory() && recursive) {
                    status = Math.max(status, compareDirectories(path0, path1));
                } else {
                    ByteText.writeUtf8(out, "Only in " + (s0 != null ? dir0 : dir1) + ": " + name + "\n");
                    status = Math.max(status, 1);
                }
                continue;
            }
            if (s0.isDirectory() && s1.isDirectory()) {
                if (recursive) {
                    status = Math.max(status, compareDirectories(path0, path1));
                } else {
                    ByteText.writeUtf8(out, "Common subdirectories: " + path0 + " and " + path1 + "\n");
                }
            } else if (s0.isDirectory() != s1.isDirectory()) {
                ByteText.writeUtf8(out, "File " + path0 + " is a " + kind(s0) + " while file " + path1 + " is a "
                        + kind(s1) + "\n");
                status = Math.max(status, 1);
            } else {
                status = Math.max(status, compareFiles(path0, path1, true));
            }
        }
        return status;
    }

    private static String kind(Stat stat) {
        return stat.isDirectory() ? "directory" : stat.size() == 0 ? "regular empty file" : "regular file";
    }

    private boolean excluded(String name) {
        for (String pattern : excludes) {
            if (name.matches(globToRegex(pattern))) {
                return true;
            }
        }
        return false;
    }

    /** A shell pattern ({@code * ? [...]}) as a regex, for --exclude. */
    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        b.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        b.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                default -> b.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    private Map<String, DirEntry> list(String directory) {
        if (newFile && FileOps.lstatOrNull(process, directory) == null) {
            return new HashMap<>(); // -N: a directory only on one side is compared with an empty one
        }
        try {
            Map<String, DirEntry> entries = new HashMap<>();
            for (DirEntry entry : process.listDirectory(directory)) {
                entries.put(entry.name(), entry);
            }
            return entries;
        } catch (KernelException e) {
            diagnostics.error(directory + ": " + Diagnostics.describe(e));
            return null;
        }
    }

    // ------------------------------------------------------------------ two files

    /** A file's bytes, or null after reporting why it cannot be read (absent and -N: empty). */
    private byte[] read(String name, boolean mayBeAbsent) {
        try (InputStream in = name.equals("-") ? null : process.openRead(name)) {
            return (in == null ? process.stdin() : in).readAllBytes();
        } catch (KernelException | IOException e) {
            if (mayBeAbsent && newFile && Diagnostics.errnoOf(e) == io.sandkernel.Errno.ENOENT) {
                return new byte[0];
            }
            diagnostics.error(name + ": " + Diagnostics.describe(e));
            trouble = true;
            return null;
        }
    }

    private int compareFiles(String name0, String name1, boolean fromDirectory) throws IOException {
        byte[] bytes0 = read(name0, fromDirectory);
        byte[] bytes1 = read(name1, fromDirectory);
        if (bytes0 == null || bytes1 == null) {
            return 2;
        }
        if (java.util.Arrays.equals(bytes0, bytes1)) {
            if (reportIdentical) {
                ByteText.writeUtf8(out, "Files " + name0 + " and " + name1 + " are identical\n");
            }
            return 0;
        }
        if (!text && (isBinary(bytes0) || isBinary(bytes1))) {
            ByteText.writeUtf8(out, "Binary files " + name0 + " and " + name1 + " differ\n");
            return 1;
        }
        DiffFormat.Side a = side(bytes0, name0, 0);
        DiffFormat.Side b = side(bytes1, name1, 1);
        Map<String, Integer> classes = new HashMap<>();
        int[] e0 = classes(a, classes);
        int[] e1 = classes(b, classes);
        List<DiffEngine.Hunk> hunks = DiffEngine.diff(e0, e1, new CpuCheckpoint(process));
        if (ignoreBlankLines) {
            hunks = hunks.stream().filter(h -> !allBlank(a, h.line0(), h.deleted()) || !allBlank(b, h.line1(), h.inserted()))
                    .toList();
        }
        if (hunks.isEmpty()) {
            if (reportIdentical) {
                ByteText.writeUtf8(out, "Files " + name0 + " and " + name1 + " are identical\n");
            }
            return 0;
        }
        if (brief) {
            ByteText.writeUtf8(out, "Files " + name0 + " and " + name1 + " differ\n");
            return 1;
        }
        if (fromDirectory) {
            ByteText.writeUtf8(out, "diff" + switches + " " + (labels.size() > 0 ? labels.get(0) : name0) + " "
                    + (labels.size() > 1 ? labels.get(1) : name1) + "\n");
        }
        StringBuilder text = new StringBuilder();
        switch (format) {
            case 'u' -> DiffFormat.unified(hunks, a, b, context, text);
            case 'c' -> DiffFormat.context(hunks, a, b, context, text);
            default -> DiffFormat.normal(hunks, a, b, text);
        }
        ByteText.write(out, text.toString());
        return 1;
    }

    private static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 1 << 15);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allBlank(DiffFormat.Side side, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!side.line(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private DiffFormat.Side side(byte[] bytes, String name, int index) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(ByteText.of(bytes, start, i - start));
                start = i + 1;
            }
        }
        boolean lastNewline = true;
        if (start < bytes.length) {
            lines.add(ByteText.of(bytes, start, bytes.length - start));
            lastNewline = false;
        }
        String header = index < labels.size() ? labels.get(index) : name + "\t" + stamp(name);
        return new DiffFormat.Side(header, lines, lastNewline);
    }

    private String stamp(String name) {
        Stat stat = name.equals("-") ? process.fstat(0) : FileOps.statOrNull(process, name);
        java.time.Instant time = stat == null ? java.time.Instant.EPOCH : stat.mtime();
        ZoneId zone;
        try {
            String tz = process.env().get("TZ");
            zone = tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (RuntimeException e) {
            zone = ZoneOffset.UTC;
        }
        return STAMP.format(time.atZone(zone));
    }

    /** Line equivalence classes, after the -i, -w and -b foldings; a last line without newline is its own class. */
    private int[] classes(DiffFormat.Side side, Map<String, Integer> classes) {
        int[] ids = new int[side.lines().size()];
        for (int i = 0; i < ids.length; i++) {
            String key = fold(side.line(i));
            if (side.missingNewline(i)) {
                key = key + "\u0000no-newline";
            }
            Integer id = classes.get(key);
            if (id == null) {
                id = classes.size();
                classes.put(key, id);
            }
            ids[i] = id;
        }
        return ids;
    }

    private String fold(String line) {
        String key = line;
        if (ignoreAllSpace) {
            key = key.replaceAll("[ \\t\\r\\f\\u000b]+", "");
        } else if (ignoreSpaceChange) {
            key = key.replaceAll("[ \\t\\r\\f\\u000b]+", " ").replaceAll(" $", "");
        }
        if (ignoreCase) {
            StringBuilder b = new StringBuilder(key.length());
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            key = b.toString();
        }
        return key;
    }
}
